// The connect card: the form while disconnected, who we are once connected, one verdict line.
import type { ConnectionController } from '../controllers/connection';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { formatTime, ROLE_LABEL } from '../ui/labels';
import { renderVerdict } from '../ui/status-line';

export function connectionView(store: Store<AppState>, ctl: ConnectionController): void {
  const el = {
    form: byId<HTMLFormElement>('connect-form'),
    url: byId<HTMLInputElement>('server-url'),
    token: byId<HTMLInputElement>('token'),
    fields: byId('connect-fields'),
    who: byId('who'),
    connect: byId<HTMLButtonElement>('connect'),
    disconnect: byId<HTMLButtonElement>('disconnect'),
    status: byId('connect-status'),
  };
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void ctl.connect(el.url.value, el.token.value);
  });
  el.disconnect.addEventListener('click', () => void ctl.disconnect());

  const render = (s: AppState, prev: AppState | null) => {
    const c = s.connection;
    if (prev && c === prev.connection && s.busy.connect === prev.busy.connect) return;
    const connected = c.phase === 'connected';
    if (!prev || c.serverUrl !== prev.connection.serverUrl) el.url.value = c.serverUrl;
    // 断开 forgets the token: the field is emptied too.
    if (prev?.connection.phase === 'connected' && !connected) el.token.value = '';
    el.fields.hidden = connected;
    el.connect.hidden = connected;
    el.disconnect.hidden = !connected;
    const busy = !!s.busy.connect;
    el.connect.disabled = busy;
    el.url.disabled = busy;
    el.token.disabled = busy;
    if (busy) el.connect.setAttribute('aria-busy', 'true');
    else el.connect.removeAttribute('aria-busy');
    renderVerdict(el.status, c.verdict);
    const { me, campaign } = c;
    if (!connected || !me) {
      el.who.replaceChildren();
      return;
    }
    const where = me.role === 'township' ? (me.townshipName ?? me.townshipId ?? '') : me.countyName || campaign?.county || '';
    const work = campaign ? `工作：${campaign.county} ${campaign.year} 年（截止 ${campaign.deadline}）；` : '';
    el.who.replaceChildren(
      h('p', {}, h('span', { className: 'badge submitted', id: 'role' }, ROLE_LABEL[me.role]), h('strong', { id: 'unit' }, where)),
      h('p', { className: 'hint' }, `${work}令牌有效期至 ${formatTime(me.expiresAt)}`),
    );
  };
  render(store.get(), null);
  store.subscribe(render);
}
