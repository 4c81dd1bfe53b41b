// The county's 党组织名册 over HTTP: a blank template to fill, an uploaded .xlsx or pasted text read
// with cell-level messages, checked against a campaign's standard and townships when asked.
import ExcelJS from 'exceljs';
import { errorBodySchema, rosterParseSchema } from '../../shared/api/contract';
import { campaignBody, startStack, type Stack } from './stack';
import { loadWorkbookBytes, rowValues } from './xlsx';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody({ schemeId: 'yichun5' }) })).status).toBe(201);
});
afterAll(() => st.stop());

async function template(query = ''): Promise<ExcelJS.Workbook> {
  const r = await st.call('GET', `/roster/template${query}`, { token: st.county() });
  expect(r.status).toBe(200);
  expect(decodeURIComponent((r.headers.get('content-disposition') ?? '').split("UTF-8''")[1] ?? '')).toBe('青山县党组织名册（模板）.xlsx');
  return loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
}

/** The template's header row (the unit/date block to stamp is above it). */
function headerRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 20; r++) if (rowValues(ws, r)[1] === '党组织名称') return r;
  throw new Error('no header');
}

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the template', () => {
  it('has the roster columns under a title, prints A4 with the header repeated, and offers the standard’s categories', async () => {
    const wb = await template('?schemeId=yichun5');
    const ws = wb.getWorksheet('党组织名册');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(String(ws.getCell('A1').value)).toBe('青山县基层党组织名册');
    const h = headerRow(ws);
    expect(rowValues(ws, h)).toEqual(['乡镇（街道）', '党组织名称', '类别', '组织类型', '所属党总支', '组织编号']);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: `${h}:${h}` });
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(dv).map((v) => v.formulae[0])).toContain('"农村,社区,机关,非公有制企业,教育卫生事业单位"');
  });

  it('comes back as entries once filled (its own title, note and stamp lines are not organizations)', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('党组织名册') as ExcelJS.Worksheet;
    const h = headerRow(ws);
    ws.getRow(h + 1).values = ['东山镇', '东山村党总支', '村', '党总支'];
    ws.getRow(h + 2).values = ['东山镇', '东山村第一党支部', '村', '党支部', '东山村党总支'];
    ws.getRow(h + 3).values = ['西河乡', '西河社区党支部', '社区'];
    const r = await st.call('POST', '/roster/parse', { token: st.county(), body: await bytes(wb) });
    expect(r.status).toBe(200);
    const p = rosterParseSchema.parse(await r.json());
    expect(p).toMatchObject({ ok: true, issues: [], townships: [{ name: '东山镇', count: 2 }, { name: '西河乡', count: 1 }] });
    expect(p.entries.map((e) => [e.township, e.name, e.category, e.orgType, e.parent, e.row])).toEqual([
      ['东山镇', '东山村党总支', '村', '党总支', undefined, h + 1],
      ['东山镇', '东山村第一党支部', '村', '党支部', '东山村党总支', h + 2],
      ['西河乡', '西河社区党支部', '社区', undefined, undefined, h + 3],
    ]);
  });
});

describe('parsing', () => {
  it('names the sheet, cell and organization of each problem', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['序号', '乡镇', '党组织名称', '类别']);
    ws.addRow([1, '东山镇', '东山村党支部', '村']);
    ws.addRow([2, '东山镇', '东山中学党支部', '学校']);
    const p = rosterParseSchema.parse(await (await st.call('POST', '/roster/parse', { token: st.county(), body: await bytes(wb) })).json());
    expect(p.ok).toBe(false);
    expect(p.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['ROSTER_CATEGORY_UNKNOWN', '名单', 'D3']]);
    expect(p.issues[0]?.message).toMatch(/^工作表“名单”D3 单元格：第 3 行“东山中学党支部”的类别“学校”不在本批次的评定标准中/);
  });

  it('reads pasted text against a campaign: its standard and its townships', async () => {
    const text = '乡镇（街道）\t党组织名称\t类别\n东山镇\t县一中党支部\t学校\n北山镇\t北山村党支部\t村\n';
    const p = rosterParseSchema.parse(await (await st.call('POST', '/roster/parse?campaign=c2026', { token: st.county(), text })).json());
    expect(p.entries.map((e) => [e.township, e.name, e.category])).toEqual([['东山镇', '县一中党支部', '教育卫生事业单位']]);
    expect(p.issues.map((i) => [i.code, i.cell])).toEqual([['ROSTER_TOWNSHIP_UNKNOWN', 'A3']]);
  });

  it.each<[string, () => Promise<Uint8Array>, string]>([
    ['not a workbook', async () => new Uint8Array([1, 2, 3, 4]), 'FILE_NOT_XLSX'],
    [
      'a sheet without a roster header',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('统计').addRows([['单位', '人数'], ['东山镇', 3]]);
        return bytes(wb);
      },
      'ROSTER_HEADER_NOT_FOUND',
    ],
  ])('refuses %s with 422 and the reason', async (_n, body, code) => {
    const r = await st.call('POST', '/roster/parse', { token: st.county(), body: await body() });
    expect(r.status).toBe(422);
    const e = errorBodySchema.parse(await r.json()).error;
    expect(e.code).toBe('ROSTER_REFUSED');
    expect(e.issues?.map((i) => i.code)).toContain(code);
  });

  it('refuses an empty body', async () => {
    const r = await st.call('POST', '/roster/parse', { token: st.county(), text: '' });
    expect(r.status).toBe(400);
    expect(errorBodySchema.parse(await r.json()).error.code).toBe('UPLOAD_EMPTY');
  });
});
