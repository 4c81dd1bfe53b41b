// The consolidated county workbook over real HTTP and Azurite, checked cell by cell against counts
// computed here from the raw rows that were filled in (not from anything the server computed).
import type ExcelJS from 'exceljs';
import type { FillOrg } from '../../shared';
import { expectedGrade, filled } from './filled';
import { loadWorkbookBytes, rowValues } from './xlsx';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

const GRADES = ['好', '较好', '一般', '较差'];
const CATEGORIES = ['村', '社区', '国有企业', '非公有制经济组织', '机关事业单位', '社会组织'];
const [dongshan, xihe, nanling] = TOWNSHIPS as Array<{ id: string; name: string }> as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }];

let st: Stack;
beforeAll(async () => {
  st = await startStack();
});
afterAll(() => st?.stop());

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function findRow(ws: ExcelJS.Worksheet, first: unknown, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (rowValues(ws, r)[0] === first) return r;
  throw new Error(`no row starting with ${String(first)} in ${ws.name}`);
}

/** Rows under a header until the first row that does not start with a number (the 序号). */
function numberedRows(ws: ExcelJS.Worksheet, from: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= ws.rowCount && typeof rowValues(ws, r)[0] === 'number'; r++) out.push(rowValues(ws, r));
  return out;
}

/** What the Traditional-writing office types: 东山 → 東山, 党 → 黨 (orgKey makes them one). */
const traditional = (s: string) => s.replace(/东/g, '東').replace(/党/g, '黨').replace(/总/g, '總');

describe('the county workbook', () => {
  let wb: ExcelJS.Workbook;
  let cd = '';
  const data: Record<string, FillOrg[]> = {};
  let dupName = '';
  const counted = () => [...(data.dongshan ?? []), ...(data.xihe ?? [])];

  beforeAll(async () => {
    expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
    const up = async (t: { id: string; name: string }, seed: number, n: number, mutate?: (orgs: FillOrg[]) => void) => {
      const f = await filled(t, { seed, n, ...(mutate ? { mutate } : {}) });
      const r = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: f.bytes });
      expect(r.status).toBe(201);
      return f.orgs;
    };
    data.dongshan = await up(dongshan, 21, 25);
    // 西河乡's first version is replaced by its second: only the second may be counted. The second
    // also reports one of 东山镇's organizations, written in Traditional characters.
    await up(xihe, 22, 10);
    data.xihe = await up(xihe, 23, 30, (orgs) => {
      const k = orgs.findIndex((o, i) => i % 20 > 2 && expectedGrade(o) === '较好');
      const theirs = data.dongshan?.[k];
      const mine = orgs[k];
      if (!theirs || !mine) throw new Error('no organization to duplicate');
      dupName = String(theirs.name);
      mine.name = traditional(dupName);
    });
    await up(nanling, 24, 20);
    expect((await st.call('POST', '/campaigns/c2026/townships/dongshan/review', { token: st.county(), json: { action: 'accept', version: 1 } })).status).toBe(200);
    expect((await st.call('POST', '/campaigns/c2026/townships/nanling/review', { token: st.county(), json: { action: 'return', comment: '请补充整改台账', version: 1 } })).status).toBe(200);
    const r = await st.call('GET', '/campaigns/c2026/consolidated', { token: st.county() });
    expect(r.status).toBe(200);
    cd = r.headers.get('content-disposition') ?? '';
    wb = await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
  }, 120_000);

  function count(orgs: FillOrg[], pred: (o: FillOrg) => boolean = () => true): number[] {
    return GRADES.map((g) => orgs.filter((o) => pred(o) && expectedGrade(o) === g).length);
  }

  const members = (orgs: FillOrg[], pred: (o: FillOrg) => boolean = () => true) => orgs.filter(pred).reduce((a, o) => a + Number(o.members), 0);

  /** label, 党组织数, 党员数, (个数, 占比) per grade: shares as printed, to 0.1 %. */
  function expectCountRow(ws: ExcelJS.Worksheet, r: number, label: string, counts: number[], memberTotal: number): void {
    const v = rowValues(ws, r);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(v.slice(0, 3)).toEqual([label, total, memberTotal]);
    counts.forEach((n, i) => {
      expect(v[3 + 2 * i]).toBe(n);
      expect(ws.getRow(r).getCell(5 + 2 * i).numFmt).toBe('0.0%');
      expect((Math.round((v[4 + 2 * i] as number) * 1000) / 10).toFixed(1)).toBe((Math.round((total ? n / total : 0) * 1000) / 10).toFixed(1));
    });
  }

  it('has the forms in order and a Chinese filename', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '汇总表（按类别）', '明细表', '较差名单', '较差状况明细表', '好等次名单', '整改台账', '比例检查', '报送情况', '重复上报']);
    expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')).toBe('青山县2026年度基层党组织分类定级汇总表.xlsx');
  });

  it('汇总表: every township in campaign order; counted ones with counts, 党员 and shares, the others marked', () => {
    const ws = sheet(wb, '汇总表');
    const h = findRow(ws, '乡镇（街道）');
    expect(rowValues(ws, h)).toEqual(['乡镇（街道）', '党组织数', '党员数', ...GRADES.flatMap((g) => [g, g]), '备注']);
    expect(rowValues(ws, h + 1).slice(3, 11)).toEqual(GRADES.flatMap(() => ['个数', '占比']));
    // The total first, under the header (a last row could print alone on a page).
    expectCountRow(ws, h + 2, '青山县合计', count(counted()), members(counted()));
    expectCountRow(ws, h + 3, '东山镇', count(data.dongshan ?? []), members(data.dongshan ?? []));
    expect(rowValues(ws, h + 3)[11]).toBeUndefined();
    expectCountRow(ws, h + 4, '西河乡', count(data.xihe ?? []), members(data.xihe ?? []));
    expect(rowValues(ws, h + 4)[11]).toBe('待审核');
    expect(rowValues(ws, h + 5)).toEqual(['南岭街道', ...Array(10).fill(undefined), '已退回，未计入']);
    expect(rowValues(ws, h + 6)).toEqual(['北坪镇', ...Array(10).fill(undefined), '未上报']);
  });

  it('汇总表 by category, with 党员 totals, on a sheet of its own (its rows under its own repeated header)', () => {
    expect(() => findRow(sheet(wb, '汇总表'), '类别')).toThrow();
    const ws = sheet(wb, '汇总表（按类别）');
    const h = findRow(ws, '类别');
    expectCountRow(ws, h + 2, '青山县合计', count(counted()), members(counted()));
    CATEGORIES.forEach((c, i) => expectCountRow(ws, h + 3 + i, c, count(counted(), (o) => o.category === c), members(counted(), (o) => o.category === c)));
  });

  it('明细表: every counted organization with its township, total, flags and grade; name and category whole', () => {
    const ws = sheet(wb, '明细表');
    const h = findRow(ws, '序号');
    const header = rowValues(ws, h);
    // A wrapping header is broken before its bracket (乡镇\n（街道）): found by its words.
    const col = (name: string) => header.map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v)).indexOf(name);
    const rows = numberedRows(ws, h + 2);
    const expected = [...(data.dongshan ?? []).map((o) => ['东山镇', o] as const), ...(data.xihe ?? []).map((o) => ['西河乡', o] as const)];
    expect(rows).toHaveLength(expected.length);
    expected.forEach(([tw, o], i) => {
      const r = rows[i] ?? [];
      expect([r[col('序号')], r[col('乡镇（街道）')], r[col('党组织名称')], r[col('类别')], r[col('等次')]]).toEqual([i + 1, tw, o.name, o.category, expectedGrade(o)]);
      expect(r[col('总分（100分）')]).toBeCloseTo((o.scores as number[]).reduce((a, b) => a + b, 0), 9);
    });
    const sub = rowValues(ws, h + 1);
    expect(sub.filter((x) => x === '涉及三打两建问题' || x === '新组建')).toHaveLength(2);
    expect(header).toContain('等次调整原因');
  });

  it('较差名单 lists exactly the 较差 organizations, with why', () => {
    const ws = sheet(wb, '较差名单');
    const rows = numberedRows(ws, findRow(ws, '序号') + 1);
    const poor = counted().filter((o) => expectedGrade(o) === '较差');
    expect(rows.map((r) => r[2])).toEqual(poor.map((o) => o.name));
    expect(rows.every((r) => String(r[6]).includes('低于 60 分'))).toBe(true);
  });

  it('较差状况明细表 and 好等次名单 cover their organizations', () => {
    const pd = sheet(wb, '较差状况明细表');
    const poorRows = numberedRows(pd, findRow(pd, '序号') + 1);
    expect(poorRows.map((r) => r[2])).toEqual(counted().filter((o) => expectedGrade(o) === '较差').map((o) => o.name));
    expect(poorRows.every((r) => typeof r[5] === 'string' && typeof r[6] === 'string')).toBe(true);
    const good = sheet(wb, '好等次名单');
    expect(numberedRows(good, findRow(good, '序号') + 1).map((r) => r[2])).toEqual(counted().filter((o) => expectedGrade(o) === '好').map((o) => o.name));
  });

  it('整改台账 has a line with 问题 for every 一般 and 较差 organization', () => {
    const ws = sheet(wb, '整改台账');
    const rows = numberedRows(ws, findRow(ws, '序号') + 1);
    expect(rows.map((r) => [r[2], r[4]])).toEqual(counted().filter((o) => ['一般', '较差'].includes(expectedGrade(o))).map((o) => [o.name, expectedGrade(o)]));
    expect(rows.every((r) => typeof r[5] === 'string' && (r[5] as string).length > 0)).toBe(true);
  });

  it('比例检查 per township and for the county', () => {
    const ws = sheet(wb, '比例检查');
    const h = findRow(ws, '范围');
    const scopes = [['青山县', counted()], ['东山镇', data.dongshan ?? []], ['西河乡', data.xihe ?? []]] as const;
    scopes.forEach(([scope, orgs], i) => {
      const r = rowValues(ws, h + 2 + i);
      const c = count(orgs);
      const n = orgs.length;
      expect(r.slice(0, 3)).toEqual([scope, n, c[0]]);
      expect(r[3] as number).toBeCloseTo((c[0] ?? 0) / n, 12);
      expect(r[4]).toBe(c[3]);
      expect(r[6]).toBe('符合');
      expect(String(r[7])).toContain(`${scope}共 ${n} 个`);
    });
  });

  it('报送情况 shows every township’s state and whether it was counted', () => {
    const ws = sheet(wb, '报送情况');
    const rows = numberedRows(ws, findRow(ws, '序号') + 1);
    expect(rows.map((r) => [r[1], r[2], r[3] ?? null, r[6]])).toEqual([
      ['东山镇', '已审核通过', 1, '是'],
      ['西河乡', '已上报待审核', 2, '是'],
      ['南岭街道', '已退回', 1, '否'],
      ['北坪镇', '未上报', null, '否'],
    ]);
    expect(rows[2]?.[8]).toBe('请补充整改台账');
  });

  it('重复上报 flags the organization 西河乡 reported in Traditional characters', () => {
    const ws = sheet(wb, '重复上报');
    const rows = numberedRows(ws, findRow(ws, '序号') + 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[1]).toBe(`${dupName} / ${traditional(dupName)}`);
    expect(String(rows[0]?.[2])).toMatch(/^东山镇（第 \d+ 行）、西河乡（第 \d+ 行）$/);
  });

  it('every sheet is set up for A4, one page wide, with its header rows repeated', () => {
    for (const ws of wb.worksheets) {
      expect([ws.name, ws.pageSetup.paperSize, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([ws.name, 9, 1, 0]);
      expect([ws.name, typeof ws.pageSetup.printTitlesRow]).toEqual([ws.name, 'string']);
    }
  });
});
