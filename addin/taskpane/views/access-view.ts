// 上报链接: each township's invitation link with its state (未发放 / 有效 / 已过期 / 已收回) and
// expiry, 发放 for all that lack one, 派发表, and per township 复制链接 / 重新发放 / 收回 (or 发放).
// Collapsed to its summary once every township has a working link.
import type { AccessList } from '../../../shared/api/contract';
import { ACCESS_LABEL, type AccessController } from '../controllers/access';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { formatTime } from '../ui/labels';
import { renderVerdict } from '../ui/status-line';

type Row = AccessList['townships'][number];

const BADGE: Record<Row['status'], string> = { none: 'missing', active: 'accepted', expired: 'late', revoked: 'returned' };

function actions(r: Row, pending: boolean, ctl: AccessController): HTMLElement {
  const b = (label: string, run: () => void, cls?: string) =>
    h('button', { type: 'button', className: cls, 'aria-label': `${label}：${r.townshipName}`, disabled: pending, onclick: run }, label);
  return h('div', { className: 'row actions' },
    ...(r.status === 'active'
      ? [b('复制链接', () => void ctl.copy(r.townshipId), 'primary'), b('重新发放', () => void ctl.reissue(r.townshipId)), b('收回', () => void ctl.revoke(r.townshipId))]
      : [b('发放', () => void ctl.issue(r.townshipId), 'primary')]),
  );
}

function expiry(r: Row, early: boolean): string {
  if (r.status === 'none') return '尚未发放';
  if (r.status === 'revoked') return `已于 ${formatTime(r.revokedAt)} 收回`;
  if (r.status === 'expired') return `已于 ${formatTime(r.expiresAt)} 过期`;
  return `有效期至 ${formatTime(r.expiresAt)}${early ? '（早于截止日期，请重新发放）' : ''}`;
}

export function accessView(store: Store<AppState>, ctl: AccessController): void {
  const section = byId('access-section');
  const summary = h('summary', { id: 'access-summary' }, '上报链接');
  const issueAll = h('button', { type: 'button', id: 'issue-links', className: 'primary', onclick: () => void ctl.issueMissing() }, '发放全部未发放的链接');
  const sheet = h('button', { type: 'button', id: 'access-sheet', onclick: () => void ctl.sheet() }, '下载派发表');
  const refresh = h('button', { type: 'button', id: 'refresh-access', onclick: () => void ctl.refresh() }, '刷新');
  const verdict = h('p', { id: 'access-status', className: 'status-line', role: 'status', 'aria-live': 'polite' });
  const manual = h('div', { id: 'access-manual' });
  const list = h('div', { id: 'access-list' });
  const details = h('details', { id: 'access-details' },
    summary,
    h('p', { className: 'hint' }, '每个乡镇（街道）一条链接：打开即以该乡镇（街道）的身份进入本页面，下载模板、检查、上报。链接只发给该乡镇（街道）的填报人。'),
    h('div', { className: 'row' }, issueAll, sheet, refresh),
    verdict,
    manual,
    list,
  );
  // Outside the folded list: links that end before the deadline must be seen even when it is closed.
  const earlyBox = h('div', { id: 'access-early', className: 'notice warning', role: 'alert', hidden: true });
  section.replaceChildren(details, earlyBox);
  let shownFor: string | null = null;

  const render = (s: AppState, prev: AppState | null) => {
    const a = s.access;
    if (prev && a === prev.access && s.busy === prev.busy && s.layout === prev.layout && s.connection === prev.connection) return;
    section.hidden = s.connection.me?.role !== 'county' || !s.connection.campaign;
    const rows = a.list?.townships ?? [];
    const n = (st: Row['status']) => rows.filter((r) => r.status === st).length;
    const lacking = rows.length - n('active');
    summary.textContent = a.list ? `上报链接（有效 ${n('active')} / 共 ${rows.length}${lacking ? `，未发放或已失效 ${lacking}` : ''}）` : '上报链接';
    // Opened while links are missing, once per campaign; after that the county decides.
    if (a.list && shownFor !== a.list.campaignId) {
      shownFor = a.list.campaignId;
      details.open = lacking > 0;
    }
    issueAll.disabled = !!s.busy.access || lacking === 0;
    sheet.disabled = !!s.busy.accessSheet || n('active') === 0;
    refresh.disabled = !!s.busy.access;
    renderVerdict(verdict, a.verdict);
    const early = ctl.endingEarly();
    const deadline = s.connection.campaign?.deadline ?? '';
    earlyBox.hidden = early.length === 0;
    earlyBox.replaceChildren(
      ...(early.length
        ? [
            h('p', {}, `${early.map((r) => r.townshipName).join('、')}的上报链接在截止日期（${deadline}）前就会失效（链接是按原来的截止日期发放的）。到期后这些乡镇（街道）将无法上报。`),
            h('button', { type: 'button', id: 'reissue-early', className: 'primary', disabled: !!s.busy.access, onclick: () => void ctl.reissueEarly() }, `重新发放这 ${early.length} 个链接`),
          ]
        : []),
    );
    manual.replaceChildren(
      ...(a.manual
        ? [h('label', { for: 'manual-link' }, '上报链接（选中后按 Ctrl+C 复制）'), h('input', { id: 'manual-link', type: 'text', readonly: true, value: a.manual.link, onfocus: (e: Event) => (e.target as HTMLInputElement).select() })]
        : []),
    );
    if (prev && a.list === prev.access.list && a.pending === prev.access.pending && s.layout === prev.layout) return;
    const pending = (r: Row) => a.pending.includes(r.townshipId);
    const isEarly = (r: Row) => early.includes(r);
    if (s.layout === 'wide') {
      list.replaceChildren(h('div', { className: 'table-wrap' },
        h('table', { className: 'county', id: 'access-table' },
          h('thead', {}, h('tr', {}, ...['乡镇（街道）', '链接状态', '有效期限', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...rows.map((r) => h('tr', { 'data-township': r.townshipId },
            h('th', { scope: 'row' }, r.townshipName),
            h('td', {}, h('span', { className: `badge ${BADGE[r.status]}` }, ACCESS_LABEL[r.status])),
            h('td', {}, expiry(r, isEarly(r))),
            h('td', {}, actions(r, pending(r), ctl)),
          ))),
        )));
    } else {
      list.replaceChildren(h('ul', { className: 'plain', id: 'access-cards' }, ...rows.map((r) => h('li', { className: 'tw', 'data-township': r.townshipId },
        h('div', {}, h('span', { className: 'name' }, r.townshipName), h('span', { className: `badge ${BADGE[r.status]}` }, ACCESS_LABEL[r.status])),
        h('p', { className: 'hint' }, expiry(r, isEarly(r))),
        actions(r, pending(r), ctl),
      ))));
    }
  };
  render(store.get(), null);
  store.subscribe(render);
}
