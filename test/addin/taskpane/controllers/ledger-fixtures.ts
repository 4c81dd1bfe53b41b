// Ledger items and lists as the server answers them, for the pane's ledger tests.
import type { LedgerItemView, LedgerList } from '../../../../shared/api/contract';
import { LEDGER_STATUS_LABELS } from '../../../../shared/ledger/types';

export function item(id: string, orgName: string, status: LedgerItemView['status'], more: Partial<LedgerItemView> = {}): LedgerItemView {
  return {
    id,
    orgId: `o-${id}`,
    orgName,
    townshipId: 'chengguan',
    townshipName: '城关镇',
    campaignId: 'c2026',
    grade: 'poor',
    gradeLabel: '较差',
    seq: 1,
    status,
    statusLabel: LEDGER_STATUS_LABELS[status],
    matter: '活动阵地简陋',
    measures: '改造活动室',
    owner: '支部书记',
    deadlineText: '2026-06-30',
    deadline: '2026-06-30',
    progress: '',
    completedOn: null,
    leader: '',
    liaison: '',
    history: [
      { itemId: id, orgId: `o-${id}`, townshipId: 'chengguan', at: '2026-04-20T02:00:00Z', by: { role: 'township', townshipId: 'chengguan' }, action: 'create', from: null, to: 'open', changes: [] },
    ],
    overdueDays: 0,
    ...more,
  };
}

export function list(items: LedgerItemView[], townshipId: string | null = null): LedgerList {
  const n = (s: LedgerItemView['status']) => items.filter((i) => i.status === s).length;
  return {
    campaignId: 'c2026',
    townshipId,
    items,
    counts: { open: n('open'), requested: n('requested'), closed: n('closed'), reopened: n('reopened'), void: n('void'), overdue: items.filter((i) => i.overdueDays > 0).length },
    issues: [],
  };
}
