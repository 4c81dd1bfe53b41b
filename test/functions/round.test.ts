// A whole reporting round through the API, from a county with nothing stored: the county builds its
// campaign from a 名册 workbook, issues links and reads its 派发表 back; a township opens its link,
// uploads with a mistake, fixes it; the county reads the rows, the diff and the file, returns it;
// the township re-uploads; the county bulk-accepts and downloads the consolidated workbook.
import ExcelJS from 'exceljs';
import { defaultScheme } from '../../shared';
import {
  accessListSchema,
  bulkReviewResultSchema,
  campaignDetailSchema,
  campaignListSchema,
  completenessSchema,
  errorBodySchema,
  meSchema,
  receiptSchema,
  rosterParseSchema,
  versionDetailSchema,
} from '../../shared/api/contract';
import { readSignInFragment } from '../../shared/api/link';
import { fillTemplate, type FillOrg } from '../../shared/template/fill';
import { sampleOrgs } from '../../shared/template/sample';
import { startStack, type Stack } from './stack';
import { loadWorkbookBytes, rowValues } from './xlsx';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
});
afterAll(() => st.stop());

const TOWNSHIPS = [
  { name: '莲花镇', seed: 11 },
  { name: '荷塘乡', seed: 12 },
];
const sample = (t: { name: string; seed: number }) => sampleOrgs(defaultScheme, 12, t.seed, { prefix: t.name.slice(0, 2) });
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

test('a reporting round from a county with nothing stored to the consolidated workbook', async () => {
  const county = st.countyOf('lianhua', '莲花县');
  const call = (method: string, path: string, o: Parameters<Stack['call']>[2] = {}) => st.call(method, path, { token: county, ...o });
  expect(campaignListSchema.parse(await (await call('GET', '/campaigns')).json()).campaigns).toEqual([]);
  expect(meSchema.parse(await (await call('GET', '/me')).json()).campaignId).toBeNull();

  // 1. The 名册: the county's template, filled, read back with its townships.
  const tpl = await loadWorkbookBytes(new Uint8Array(await (await call('GET', '/roster/template')).arrayBuffer()));
  const ws = tpl.getWorksheet('党组织名册') as ExcelJS.Worksheet;
  // Under the header (the unit/date block to stamp is above it).
  let r = 1;
  while (rowValues(ws, r)[1] !== '党组织名称') r++;
  r++;
  for (const t of TOWNSHIPS) for (const o of sample(t).orgs) ws.getRow(r++).values = [t.name, text(o.name), text(o.category), text(o.orgType), text(o.parent)];
  const parsed = rosterParseSchema.parse(await (await call('POST', '/roster/parse', { body: new Uint8Array(await tpl.xlsx.writeBuffer()) })).json());
  expect(parsed.ok).toBe(true);
  expect(parsed.townships).toEqual([{ name: '莲花镇', count: 12 }, { name: '荷塘乡', count: 12 }]);

  // 2. The campaign from it.
  const roster: Record<string, unknown[]> = {};
  for (const { township, row: _r, ...e } of parsed.entries) (roster[township] ??= []).push(e);
  const created = await call('POST', '/campaigns', { json: { year: 2026, county: '莲花县', deadline: '2099-04-25', townships: parsed.townships.map((t) => ({ name: t.name })), roster } });
  expect(created.status).toBe(201);
  const campaign = campaignDetailSchema.parse(await created.json());
  const c = campaign.id;
  expect(c).toBe('lianhua-2026');
  const [lh] = campaign.townships as [{ id: string; name: string }];

  // 3. Links, and the 派发表 read back: each township's link from the printed sheet.
  const issued = accessListSchema.parse(await (await call('POST', `/campaigns/${c}/access`, { json: {} })).json());
  expect(issued.townships.every((t) => t.status === 'active')).toBe(true);
  const sheet = await loadWorkbookBytes(new Uint8Array(await (await call('GET', `/campaigns/${c}/access/sheet`)).arrayBuffer()));
  const dispatch = sheet.getWorksheet('上报链接派发表') as ExcelJS.Worksheet;
  const lhRow = rowValues(dispatch, 4);
  expect(lhRow[1]).toBe('莲花镇');
  const township = readSignInFragment(new URL(String(lhRow[2])).hash)?.token ?? '';
  const tcall = (method: string, path: string, o: Parameters<Stack['call']>[2] = {}) => st.call(method, path, { token: township, ...o });
  expect(meSchema.parse(await (await tcall('GET', '/me')).json())).toMatchObject({ role: 'township', townshipName: '莲花镇', countyName: '莲花县' });

  // 4. The township's template has its roster; a mistake is refused at its cell; the fix goes in.
  const template = new Uint8Array(await (await tcall('GET', `/campaigns/${c}/townships/${lh.id}/template`)).arrayBuffer());
  const s = sample(TOWNSHIPS[0] as { name: string; seed: number });
  const info = { township: '莲花镇', filledBy: '李四', phone: '0791-7654321', filledOn: '2026-04-21' };
  const fill = (orgs: FillOrg[]) => fillTemplate(template, { scheme: defaultScheme, orgs, rectifications: s.rectifications, info });
  const wrong = s.orgs.map((o, i) => (i === 2 ? { ...o, scores: ['九十', ...o.scores.slice(1)] } : o));
  const refused = await tcall('POST', `/campaigns/${c}/townships/${lh.id}/submissions`, { body: await fill(wrong) });
  expect(refused.status).toBe(422);
  expect(errorBodySchema.parse(await refused.json()).error.issues?.[0]?.message).toMatch(/^工作表“分类定级情况一览表”第 \d+ 行“[^”]+”，H\d+ 单元格：“九十”不是有效的分数/);
  const v1 = await fill(s.orgs);
  expect(receiptSchema.parse(await (await tcall('POST', `/campaigns/${c}/townships/${lh.id}/submissions`, { body: v1 })).json()).version).toBe(1);

  // 5. The county reads the rows and the original file, and returns it.
  const d1 = versionDetailSchema.parse(await (await call('GET', `/campaigns/${c}/townships/${lh.id}/versions/1`)).json());
  expect(d1.orgs.map((o) => o.name)).toEqual(s.orgs.map((o) => o.name));
  expect(d1.info).toMatchObject({ filledBy: '李四', phone: '0791-7654321' });
  expect(Buffer.from(await (await call('GET', `/campaigns/${c}/townships/${lh.id}/versions/1/file`)).arrayBuffer()).equals(Buffer.from(v1))).toBe(true);
  expect((await call('POST', `/campaigns/${c}/townships/${lh.id}/review`, { json: { action: 'return', version: 1, comment: '请补充第3行的情况说明' } })).status).toBe(200);

  // 6. The township re-uploads; the county sees what changed.
  const changed = s.orgs.map((o, i) => (i === 2 ? { ...o, remark: '已补充' } : o));
  expect((await tcall('POST', `/campaigns/${c}/townships/${lh.id}/submissions`, { body: await fill(changed) })).status).toBe(201);
  const d2 = versionDetailSchema.parse(await (await call('GET', `/campaigns/${c}/townships/${lh.id}/versions/2`)).json());
  expect(d2.diff?.changed.map((x) => [x.name, x.changes.map((ch) => [ch.label, ch.before, ch.after])])).toEqual([[s.orgs[2]?.name, [['备注', '', '已补充']]]]);

  // 7. Bulk accept of what the county saw, then the consolidated workbook.
  const comp = completenessSchema.parse(await (await call('GET', `/campaigns/${c}/completeness`)).json());
  const items = comp.townships.filter((t) => t.state === 'submitted').map((t) => ({ townshipId: t.id, version: t.currentVersion ?? 0 }));
  const bulk = bulkReviewResultSchema.parse(await (await call('POST', `/campaigns/${c}/review`, { json: { action: 'accept', items } })).json());
  expect(bulk).toMatchObject({ accepted: 1, refused: 0 });
  const wb = await loadWorkbookBytes(new Uint8Array(await (await call('GET', `/campaigns/${c}/consolidated`)).arrayBuffer()));
  const names: string[] = [];
  wb.getWorksheet('明细表')?.eachRow((row) => row.eachCell((cell) => names.push(String(cell.value))));
  for (const o of s.orgs) expect(names).toContain(o.name);
});
