// A stored submission's effect on the ledger: rows tied to the roster (a row off the roster is an
// error at its name cell), lines of organizations the list lacks left to the reader's warning (no
// second message), lines with their cells.
import { defaultScheme, ledgerOfSubmission, startRoster, type OrgRow, type RectificationRow } from '../../../shared';

const r = startRoster(
  [
    { townshipId: 'dongshan', name: '东山村党支部', category: 'village' },
    { townshipId: 'dongshan', name: '西河村党支部', category: 'village' },
  ],
  { campaignId: 'c2026', on: '2026-03-01' },
);
if (!r.ok) throw new Error('roster');
const identities = r.identities;

const org = (row: number, name: string, grade: string): OrgRow => ({ row, seq: null, name, committee: null, category: 'village', orgType: null, parentName: null, members: null, scores: [], total: 50, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' });
const rect = (row: number, orgName: string, extra: Partial<RectificationRow> = {}): RectificationRow => ({ row, orgName, problems: '阵地简陋', measures: '改造', owner: '王五', deadline: '2026-06-30', status: '', ...extra });
const run = (orgs: OrgRow[], rectifications: RectificationRow[]) =>
  ledgerOfSubmission({
    scheme: defaultScheme,
    campaignId: 'c2026',
    townshipId: 'dongshan',
    townshipNames: { dongshan: '东山镇' },
    identities,
    sub: { orgs, rectifications, detailTable: { sheet: '一览表', columns: { name: 3 } }, rectTable: { sheet: '台账', columns: { orgName: 2, problems: 4, itemId: 14, requestClose: 9, completedOn: 10 } } },
    items: [],
    at: '2026-04-20T02:00:00Z',
  });

test('a row off the roster is an error at its name cell; its ledger line says nothing more', () => {
  const cs = run([org(5, '东山村党支部', 'poor'), org(6, '新建村党支部', 'poor')], [rect(4, '东山村党支部'), rect(5, '新建村党支部'), rect(6, '不存在党支部')]);
  expect(cs.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual(['工作表“一览表”C6 单元格：“新建村党支部”不在东山镇本年度的党组织名册中，请核对名称或先由县委组织部补入名册']);
  expect(cs.changed.map((i) => [i.orgName, i.matter])).toEqual([['东山村党支部', '阵地简陋']]);
});

test('a line’s problems name their cells on the sheet the reader found', () => {
  const cs = run([org(5, '东山村党支部', 'poor')], [rect(4, '东山村党支部', { itemId: 'l-unknown' }), rect(7, '东山村党支部', { requestClose: true, completedOn: '', status: '已完成' })]);
  expect(cs.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
    '工作表“台账”N4 单元格：“东山村党支部”这一行的整改事项编号“l-unknown”不存在或不属于该党组织，请不要修改编号列',
    '工作表“台账”J7 单元格：“东山村党支部”申请销号须填写完成日期',
  ]);
});

test('the same upload processed twice changes nothing the second time', () => {
  const first = run([org(5, '东山村党支部', 'poor'), org(6, '西河村党支部', 'average')], [rect(4, '东山村党支部')]);
  const again = ledgerOfSubmission({ scheme: defaultScheme, campaignId: 'c2026', townshipId: 'dongshan', identities, sub: { orgs: [org(5, '东山村党支部', 'poor'), org(6, '西河村党支部', 'average')], rectifications: [rect(4, '东山村党支部')] }, items: first.items, at: '2026-04-20T02:00:00Z' });
  expect([first.changed.length, again.changed.length, again.events.length]).toEqual([2, 0, 0]);
});
