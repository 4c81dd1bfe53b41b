// The township's versions and the county's decision.
import type { CheckUploadController } from '../controllers/check-upload';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { renderVerdict } from '../ui/status-line';
import { renderStatus } from '../ui/township-view';

export function statusView(store: Store<AppState>, ctl: CheckUploadController): void {
  const el = { section: byId('status-section'), status: byId('status'), refresh: byId<HTMLButtonElement>('refresh-status'), verdict: byId('status-verdict') };
  el.refresh.addEventListener('click', () => void ctl.refreshStatus());
  const render = (s: AppState, prev: AppState | null) => {
    if (prev && s.township === prev.township && s.connection === prev.connection && s.busy.status === prev.busy.status) return;
    el.section.hidden = s.connection.me?.role !== 'township';
    el.refresh.disabled = !!s.busy.status;
    renderVerdict(el.verdict, s.township.verdict);
    if (s.township.status) renderStatus(el.status, s.township.status);
    else el.status.replaceChildren(h('p', { className: 'hint' }, '尚无记录。'));
  };
  render(store.get(), null);
  store.subscribe(render);
}
