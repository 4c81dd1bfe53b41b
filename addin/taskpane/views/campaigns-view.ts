// 工作批次: the campaign the county works on, 新建 / 修改, and every campaign of the county (this
// year's and past ones) with its deadline and counts, each openable, each with its 汇总表.
import type { CampaignAdminController } from '../controllers/campaign-admin';
import type { CampaignsController } from '../controllers/campaigns';
import type { CampaignSummary } from '../slices';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { renderVerdict } from '../ui/status-line';

function countsText(c: CampaignSummary, totals: AppState['campaigns']['totals'][string] | undefined): string {
  if (!totals) return `${c.townships} 个乡镇（街道）`;
  const reported = totals.submitted + totals.returned + totals.accepted;
  return `${c.townships} 个乡镇（街道）：已上报 ${reported}，已通过 ${totals.accepted}，未上报 ${totals.missing}${totals.late ? `，逾期 ${totals.late}` : ''}`;
}

export function campaignsView(store: Store<AppState>, ctl: CampaignsController, admin: CampaignAdminController, consolidatedLabel: string): void {
  const section = byId('campaigns-section');
  const current = h('p', { id: 'current-campaign', className: 'current' });
  const create = h('button', { type: 'button', id: 'new-campaign', onclick: () => admin.startCreate() }, '新建工作批次');
  const edit = h('button', { type: 'button', id: 'edit-campaign', onclick: () => void admin.startEdit() }, '修改本批次');
  const verdict = h('p', { id: 'campaigns-status', className: 'status-line', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { id: 'campaign-list', className: 'plain' });
  section.replaceChildren(
    h('div', { className: 'row head' }, h('h2', { id: 'campaigns-h' }, '工作批次'), h('button', { type: 'button', id: 'refresh-campaigns', onclick: () => void ctl.refresh() }, '刷新')),
    current,
    h('div', { className: 'row' }, create, edit),
    verdict,
    h('h3', {}, '本县全部工作批次'),
    list,
  );
  section.setAttribute('aria-labelledby', 'campaigns-h');

  const render = (s: AppState, prev: AppState | null) => {
    if (prev && s.campaigns === prev.campaigns && s.connection === prev.connection && s.busy === prev.busy && s.admin.mode === prev.admin.mode) return;
    section.hidden = s.connection.me?.role !== 'county';
    const open = s.connection.campaign;
    current.textContent = open ? `当前：${open.county} ${open.year} 年度 · 截止 ${open.deadline} · ${open.townships.length} 个乡镇（街道）` : '本县还没有工作批次。';
    create.disabled = s.admin.mode === 'create';
    edit.hidden = !open;
    edit.disabled = !!s.busy.edit || s.admin.mode === 'edit';
    renderVerdict(verdict, s.campaigns.verdict);
    const rows = s.campaigns.list ?? [];
    const busy = !!s.busy.openCampaign || !!s.busy.pastConsolidated;
    list.replaceChildren(
      ...(rows.length === 0 ? [h('li', { className: 'hint' }, s.campaigns.list ? '尚无工作批次。' : '')] : []),
      ...rows.map((c) => {
        const isOpen = c.id === open?.id;
        return h('li', { className: isOpen ? 'tw campaign open' : 'tw campaign', 'data-campaign': c.id },
          h('div', {},
            h('span', { className: 'name' }, `${c.year} 年度 · ${c.county}`),
            isOpen ? h('span', { className: 'badge submitted' }, '当前') : null,
          ),
          h('p', { className: 'hint' }, `截止 ${c.deadline} · ${countsText(c, s.campaigns.totals[c.id])}`),
          h('div', { className: 'row actions' },
            isOpen ? null : h('button', { type: 'button', 'aria-label': `打开：${c.year} 年度 ${c.county}`, disabled: busy, onclick: () => void ctl.open(c.id) }, '打开'),
            h('button', { type: 'button', 'aria-label': `${consolidatedLabel}：${c.year} 年度 ${c.county}`, disabled: busy, onclick: () => void ctl.consolidated(c.id) }, consolidatedLabel),
          ),
        );
      }),
    );
  };
  render(store.get(), null);
  store.subscribe(render);
}
