// A roster proposal as POST /api/roster/reconcile answers it, for the pane's reconciliation tests.
import type { RosterProposalData } from '../../../../shared/api/contract';

/** Last year: 东山村 (o1) now written 东山村党总支, 老街社区 (o2) gone, 河口村 + 河尾村 (o3, o4) merged; 联合党支部 listed twice. */
export const PROPOSAL: RosterProposalData = {
  previousId: 'c2026',
  campaignId: 'c2027',
  townships: [{ id: 't01', name: '城关镇' }, { id: 't02', name: '东山乡' }],
  previousTownships: [{ id: 't01', name: '城关镇' }, { id: 't02', name: '东山乡' }],
  entries: [
    { ref: 't01|东山村党总支', townshipId: 't01', name: '东山村党总支', category: 'village', orgType: null, parentName: null, id: null },
    { ref: 't01|河口联合村党支部', townshipId: 't01', name: '河口联合村党支部', category: 'village', orgType: null, parentName: null, id: null },
    { ref: 't02|新建社区党支部', townshipId: 't02', name: '新建社区党支部', category: 'community', orgType: null, parentName: null, id: null },
  ],
  matched: [],
  created: ['t01|东山村党总支', 't01|河口联合村党支部', 't02|新建社区党支部'],
  missing: [
    { id: 'o1', name: '东山村党支部', townshipId: 't01', category: 'village' },
    { id: 'o2', name: '老街社区党支部', townshipId: 't01', category: 'community' },
    { id: 'o3', name: '河口村党支部', townshipId: 't01', category: 'village' },
    { id: 'o4', name: '河尾村党支部', townshipId: 't01', category: 'village' },
  ],
  renames: [{ fromId: 'o1', fromName: '东山村党支部', fromTownshipId: 't01', ref: 't01|东山村党总支', toName: '东山村党总支', toTownshipId: 't01', score: 0.86, nameScore: 0.8, sameTownship: true, sameCategory: true }],
  merges: [{ fromIds: ['o3', 'o4'], fromNames: ['河口村党支部', '河尾村党支部'], ref: 't01|河口联合村党支部', toName: '河口联合村党支部', toTownshipId: 't01' }],
  twice: [{ name: '联合党支部', key: '联合党支部', refs: ['t01|联合党支部', 't02|联合党支部'], townshipIds: ['t01', 't02'], previousId: 'o9', suggestedTownshipId: 't02' }],
  issues: [],
  defaults: [
    { kind: 'merge', fromIds: ['o3', 'o4'], to: { townshipId: 't01', name: '河口联合村党支部' } },
    { kind: 'rename', fromId: 'o1', to: { townshipId: 't01', name: '东山村党总支' } },
    { kind: 'assign', name: '联合党支部', townshipId: 't02' },
    { kind: 'dissolve', id: 'o2' },
  ],
  defaultsIssues: [],
};
