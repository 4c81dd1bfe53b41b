// An upload is stored under the roster's spelling of its organizations: the same organizations
// typed in Traditional characters or wrapped in their cells (Alt+Enter) are not renamed in the
// review's diff, and the version's rows, the ledger and the county workbook name each one once.
import type ExcelJS from 'exceljs';
import { tallySubmission, type OrgRow, type Submission } from '../../../shared';
import { ledgerListSchema, versionDetailSchema } from '../../../shared/api/contract';
import { commitUpload } from '../../../functions/src/storage/commands';
import { getStore } from '../../../functions/src/storage/store-singleton';
import { AVERAGE, GOOD, POOR, line, rosterCampaign, townshipBook, upload } from '../ledger/fixture';
import { startStack, type Stack } from '../stack';
import { loadWorkbookBytes } from '../xlsx';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const DS = { id: 'dongshan', name: '东山镇' };
const ROSTER = [
  { name: '东山村党支部', category: '村', total: POOR },
  { name: '西河村党支部', category: '村', total: AVERAGE },
  { name: '红星机械有限公司党支部', category: '非公有制经济组织', total: GOOD },
];
/** The same organizations as a clerk types them the second time. */
const RETYPED = [
  { ...ROSTER[0], name: '東山村黨支部' },
  { ...ROSTER[1], name: '西河村\n党支部' },
  { ...ROSTER[2], name: '红星机械有限公司 党支部' },
] as typeof ROSTER;
const NAMES = ROSTER.map((o) => o.name);

const county = () => st.county();
const version = async (c: string, v: number) => versionDetailSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${DS.id}/versions/${v}`, { token: county() })).json());

/** Every text cell of the workbook that names one of the organizations (by a spelling other than the roster's too). */
function orgCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string' && /(东山村|東山村|西河村|红星机械)/.test(v)) out.push(v);
      }),
    ),
  );
  return out;
}

test('retyped in Traditional or wrapped: stored under the roster’s names, no rename in the diff, one spelling everywhere', async () => {
  const c = await rosterCampaign(st, `sp-${process.pid}`, DS, ROSTER);
  // Version 1: the list as the roster spells it; the ledger line typed in Traditional characters.
  const v1 = await upload(st, c, DS, await townshipBook(st, c, DS, ROSTER, [line('東山村黨支部', '活动阵地简陋', '2026-06-30'), line('西河村\n党支部', '组织生活不规范', '2026-09-30')]));
  expect(v1.status).toBe(201);
  const d1 = await version(c, 1);
  expect(d1.orgs.map((o) => o.name)).toEqual(NAMES);
  expect(d1.rectifications.map((r) => r.orgName)).toEqual(['东山村党支部', '西河村党支部']);

  expect((await st.call('POST', `/campaigns/${c}/townships/${DS.id}/review`, { token: county(), json: { action: 'return', version: 1, comment: '请核对' } })).status).toBe(200);
  // Version 2: the same organizations and scores, typed otherwise (its template comes with the ledger's lines).
  const v2 = await upload(st, c, DS, await townshipBook(st, c, DS, RETYPED));
  expect(v2.status).toBe(201);
  const d2 = await version(c, 2);
  expect(d2.orgs.map((o) => o.name)).toEqual(NAMES);
  expect(d2.diff).toMatchObject({ previousVersion: 1, added: [], removed: [], changed: [], unchanged: 3 });

  const ledger = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: county() })).json());
  expect([...new Set(ledger.items.map((i) => i.orgName))].sort()).toEqual(['东山村党支部', '西河村党支部'].sort());

  expect((await st.call('POST', `/campaigns/${c}/townships/${DS.id}/review`, { token: county(), json: { action: 'accept', version: 2 } })).status).toBe(200);
  const r = await st.call('GET', `/campaigns/${c}/consolidated`, { token: county() });
  expect(r.status).toBe(200);
  const cells = orgCells(await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer())));
  expect(cells.length).toBeGreaterThan(3);
  expect([...new Set(cells)].filter((x) => !NAMES.includes(x))).toEqual([]);
}, 120_000);

test('a version stored before uploads took the roster’s spelling shows and prints under it (version view, county workbook)', async () => {
  const c = await rosterCampaign(st, `sp-old-${process.pid}`, DS, ROSTER);
  const org = (i: number, name: string, total: number, grade: string): OrgRow => ({
    row: 5 + i, seq: i + 1, name, committee: null, category: 'village', orgType: 'branch', parentName: null, members: 12,
    scores: [], total, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '经党委研究确定', remark: '',
  });
  // As a version stored before this change holds it: the names as typed.
  const orgs = [org(0, '東山村黨支部', POOR, 'poor'), org(1, '西河村 党支部', AVERAGE, 'average'), org(2, '红星机械有限公司 党支部', GOOD, 'good')];
  const rectifications = [{ row: 5, orgName: '東山村黨支部', problems: '活动阵地简陋', measures: '改造活动室', owner: '支部书记', deadline: '2026-06-30', deadlineText: '2026-06-30', status: '' }];
  const submission = { templateId: 't', templateVersion: '1', schemeId: 'default6', schemeFingerprint: '', township: '东山镇', filledBy: '', phone: '', filledOn: null, orgs, rectifications } as unknown as Submission;
  const tally = tallySubmission(submission);
  const hash = 'e'.repeat(64);
  const stored = { format: 1 as const, campaignId: c, townshipId: DS.id, contentHash: hash, submission, warnings: [] };
  const record = { contentHash: hash, orgs: tally.orgs, rectifications: tally.rectifications, quotaOk: true, quotaSummary: '—', counts: {}, uploadedBy: 'test' };
  expect((await commitUpload(await getStore(), { campaignId: c, townshipId: DS.id, contentHash: hash, raw: new Uint8Array([0]), stored, record, tally })).kind).toBe('created');
  const d = await version(c, 1);
  expect([d.orgs.map((o) => o.name), d.rectifications.map((x) => x.orgName)]).toEqual([NAMES, ['东山村党支部']]);
  const r = await st.call('GET', `/campaigns/${c}/consolidated`, { token: county() });
  expect(r.status).toBe(200);
  const cells = orgCells(await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer())));
  expect(cells.filter((x) => x === '东山村党支部').length).toBeGreaterThan(1);
  expect([...new Set(cells)].filter((x) => !NAMES.includes(x))).toEqual([]);
}, 120_000);
