// 工作批次: the campaign the county works on, 新建 / 修改, and every campaign of the county (this
// year's and past ones) with its deadline and counts, each openable, each with its 汇总表.
import type { CampaignAdminController } from '../controllers/campaign-admin';
import type { CampaignsController } from '../controllers/campaigns';
import type { CampaignSummary } from '../slices';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { STATE_SHORT } from '../ui/labels';
import { renderVerdict } from '../ui/status-line';

function countsText(c: CampaignSummary, totals: AppState['campaigns']['totals'][string] | undefined): string {
  if (!totals) return `${c.townships} 个乡镇（街道）`;
  const reported = totals.submitted + totals.returned + totals.accepted;
  return `${c.townships} 个乡镇（街道）：已上报 ${reported}，${STATE_SHORT.accepted} ${totals.accepted}，${STATE_SHORT.missing} ${totals.missing}${totals.late ? `，逾期 ${totals.late}` : ''}`;
}

export function campaignsView(store: Store<AppState>, ctl: CampaignsController, admin: CampaignAdminController, consolidatedLabel: string): void {
  const section = byId('campaigns-section');
  const current = h('p', { id: 'current-campaign', className: 'current' });
  const create = h('button', { type: 'button', id: 'new-campaign', onclick: () => admin.startCreate() }, '新建工作批次');
  const edit = h('button', { type: 'button', id: 'edit-campaign', onclick: () => void admin.startEdit() }, '修改本批次');
  const verdict = h('p', { id: 'campaigns-status', className: 'status-line', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { id: 'campaign-list' });
  const listHead = h('h3', {}, '本县全部工作批次');
  section.replaceChildren(
    h('div', { className: 'row head' }, h('h2', { id: 'campaigns-h' }, '工作批次'), h('button', { type: 'button', id: 'refresh-campaigns', onclick: () => void ctl.refresh() }, '刷新')),
    current,
    h('div', { className: 'row' }, create, edit),
    verdict,
    listHead,
    list,
  );
  section.setAttribute('aria-labelledby', 'campaigns-h');

  const render = (s: AppState, prev: AppState | null) => {
    if (prev && s.campaigns === prev.campaigns && s.connection === prev.connection && s.busy === prev.busy && s.admin.mode === prev.admin.mode && s.layout === prev.layout) return;
    section.hidden = s.connection.me?.role !== 'county';
    const open = s.connection.campaign;
    current.textContent = open ? `当前：${open.county} ${open.year} 年度${open.kind === 'lookback' ? '回头看' : ''} · 截止 ${open.deadline} · ${open.townships.length} 个乡镇（街道）` : '本县还没有工作批次。';
    create.disabled = s.admin.mode === 'create';
    edit.hidden = !open;
    edit.disabled = !!s.busy.edit || s.admin.mode === 'edit';
    renderVerdict(verdict, s.campaigns.verdict);
    const rows = s.campaigns.list ?? [];
    listHead.hidden = rows.length === 0;
    const busy = !!s.busy.openCampaign || !!s.busy.pastConsolidated;
    const actions = (c: CampaignSummary, isOpen: boolean) => h('div', { className: 'row actions' },
      isOpen ? null : h('button', { type: 'button', 'aria-label': `打开：${c.year} 年度 ${c.county}${c.kind === 'lookback' ? ' 回头看' : ''}`, disabled: busy, onclick: () => void ctl.open(c.id) }, '打开'),
      h('button', { type: 'button', 'aria-label': `${consolidatedLabel}：${c.year} 年度 ${c.county}${c.kind === 'lookback' ? ' 回头看' : ''}`, disabled: busy, onclick: () => void ctl.consolidated(c.id) }, consolidatedLabel),
    );
    const currentBadge = (c: CampaignSummary) => (c.id === open?.id ? h('span', { className: 'badge submitted' }, '当前') : null);
    // Two campaigns of one year (the grading and its 回头看) are told apart by this badge.
    const kindBadge = (c: CampaignSummary) => (c.kind === 'lookback' ? h('span', { className: 'badge lookback', 'data-kind': 'lookback' }, '回头看') : null);
    if (s.layout === 'wide' && rows.length) {
      const n = (c: CampaignSummary, k: 'submitted' | 'accepted' | 'missing' | 'late') => {
        const t = s.campaigns.totals[c.id];
        if (!t) return '—';
        return String(k === 'submitted' ? t.submitted + t.returned + t.accepted : t[k]);
      };
      list.replaceChildren(h('div', { className: 'table-wrap' },
        h('table', { className: 'county', id: 'campaign-table' },
          h('thead', {}, h('tr', {}, ...['年度', '县（市、区）', '截止日期', '乡镇（街道）', '已上报', STATE_SHORT.accepted, STATE_SHORT.missing, '逾期', ''].map((t, i) => h('th', { scope: 'col', className: i >= 3 && i <= 7 ? 'num' : undefined }, t)))),
          h('tbody', {}, ...rows.map((c) => h('tr', { 'data-campaign': c.id, className: c.id === open?.id ? 'campaign open' : 'campaign' },
            h('th', { scope: 'row' }, `${c.year} 年度 `, kindBadge(c), currentBadge(c)),
            h('td', {}, c.county),
            h('td', {}, c.deadline),
            ...[String(c.townships), n(c, 'submitted'), n(c, 'accepted'), n(c, 'missing'), n(c, 'late')].map((x) => h('td', { className: 'num' }, x)),
            h('td', {}, actions(c, c.id === open?.id)),
          ))),
        )));
      return;
    }
    list.replaceChildren(h('ul', { className: 'plain' },
      ...rows.map((c) => {
        const isOpen = c.id === open?.id;
        return h('li', { className: isOpen ? 'tw campaign open' : 'tw campaign', 'data-campaign': c.id },
          h('div', {}, h('span', { className: 'name' }, `${c.year} 年度 · ${c.county}`), kindBadge(c), currentBadge(c)),
          h('p', { className: 'hint' }, `截止 ${c.deadline} · ${countsText(c, s.campaigns.totals[c.id])}`),
          actions(c, isOpen),
        );
      }),
    ));
  };
  render(store.get(), null);
  store.subscribe(render);
}
