// The consolidated county workbook, checked cell by cell against counts computed here from the raw
// rows that were filled in (not from anything the server computed).
import type ExcelJS from 'exceljs';
import type { FillOrg } from '../../shared/template/fill';
import { expectedGrade, filled } from './filled';
import { loadWorkbookBytes, rowValues } from './xlsx';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

const GRADES = ['好', '较好', '一般', '较差'];
const CATEGORIES = ['村', '社区', '国有企业', '非公有制经济组织', '机关事业单位', '社会组织'];

let st: Stack;
let wb: ExcelJS.Workbook;
let cd = '';
const data: Record<string, FillOrg[]> = {};
const [dongshan, xihe, nanling] = TOWNSHIPS as Array<{ id: string; name: string }> as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }];

beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  const up = async (t: { id: string; name: string }, seed: number, n: number) => {
    const f = await filled(t, { seed, n });
    const r = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: f.bytes });
    expect(r.status).toBe(201);
    return f.orgs;
  };
  data.dongshan = await up(dongshan, 21, 25);
  // 西河乡's first version is replaced by its second: only the second may be counted.
  await up(xihe, 22, 10);
  data.xihe = await up(xihe, 23, 30);
  await up(nanling, 24, 20);
  expect((await st.call('POST', '/campaigns/c2026/townships/dongshan/review', { token: st.county(), json: { action: 'accept', version: 1 } })).status).toBe(200);
  expect((await st.call('POST', '/campaigns/c2026/townships/nanling/review', { token: st.county(), json: { action: 'return', comment: '请补充整改台账', version: 1 } })).status).toBe(200);
  const r = await st.call('GET', '/campaigns/c2026/consolidated', { token: st.county() });
  expect(r.status).toBe(200);
  cd = r.headers.get('content-disposition') ?? '';
  wb = await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
});
afterAll(() => st.stop());

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function count(orgs: FillOrg[], pred: (o: FillOrg) => boolean = () => true): number[] {
  return GRADES.map((g) => orgs.filter((o) => pred(o) && expectedGrade(o) === g).length);
}

function expectCountRow(values: unknown[], label: string, counts: number[]): void {
  const total = counts.reduce((a, b) => a + b, 0);
  expect(values[0]).toBe(label);
  expect(values[1]).toBe(total);
  counts.forEach((n, i) => {
    expect(values[2 + 2 * i]).toBe(n);
    expect(values[3 + 2 * i] as number).toBeCloseTo(total ? n / total : 0, 12);
  });
}

function findRow(ws: ExcelJS.Worksheet, first: unknown): number {
  for (let r = 1; r <= ws.rowCount; r++) if (rowValues(ws, r)[0] === first) return r;
  throw new Error(`no row starting with ${String(first)} in ${ws.name}`);
}

const included = () => [...(data.dongshan ?? []), ...(data.xihe ?? [])];

it('has the six sheets in order and a Chinese filename', () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '明细表', '较差名单', '整改台账', '比例检查', '报送情况']);
  expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')).toBe('青山县2026年度基层党组织分类定级汇总表.xlsx');
});

describe('汇总表', () => {
  it('counts and shares by township × grade, submitted and accepted only, current versions only', () => {
    const ws = sheet('汇总表');
    const h = findRow(ws, '乡镇（街道）');
    expect(rowValues(ws, h)).toEqual(['乡镇（街道）', '党组织总数', ...GRADES.flatMap((g) => [`${g}（个）`, `${g}占比`])]);
    expectCountRow(rowValues(ws, h + 1), '东山镇', count(data.dongshan ?? []));
    expectCountRow(rowValues(ws, h + 2), '西河乡', count(data.xihe ?? []));
    expectCountRow(rowValues(ws, h + 3), '青山县合计', count(included()));
    expect(ws.getRow(h + 1).getCell(4).numFmt).toBe('0.0%');
  });

  it('counts and shares by category × grade', () => {
    const ws = sheet('汇总表');
    const h = findRow(ws, '类别');
    CATEGORIES.forEach((c, i) => expectCountRow(rowValues(ws, h + 1 + i), c, count(included(), (o) => o.category === c)));
    expectCountRow(rowValues(ws, h + 1 + CATEGORIES.length), '青山县合计', count(included()));
  });
});

describe('明细表', () => {
  it('has every organization of the included townships with its township, total and grade', () => {
    const ws = sheet('明细表');
    const header = rowValues(ws, 1);
    const col = (name: string) => header.indexOf(name);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2));
    const expected = [...(data.dongshan ?? []).map((o) => ['东山镇', o] as const), ...(data.xihe ?? []).map((o) => ['西河乡', o] as const)];
    expect(rows).toHaveLength(expected.length);
    expected.forEach(([tw, o], i) => {
      const r = rows[i] ?? [];
      expect(r[col('序号')]).toBe(i + 1);
      expect(r[col('乡镇（街道）')]).toBe(tw);
      expect(r[col('党组织名称')]).toBe(o.name);
      expect(r[col('类别')]).toBe(o.category);
      expect(r[col('总分')]).toBeCloseTo((o.scores as number[]).reduce((a, b) => a + b, 0), 9);
      expect(r[col('等次')]).toBe(expectedGrade(o));
    });
  });
});

describe('较差名单 and 整改台账', () => {
  it('lists exactly the 较差 organizations', () => {
    const ws = sheet('较差名单');
    const names = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2)[2]);
    expect(names).toEqual(included().filter((o) => expectedGrade(o) === '较差').map((o) => o.name));
  });

  it('has a ledger line for every 一般 and 较差 organization', () => {
    const ws = sheet('整改台账');
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2));
    expect(rows.map((r) => [r[2], r[4]])).toEqual(included().filter((o) => ['一般', '较差'].includes(expectedGrade(o))).map((o) => [o.name, expectedGrade(o)]));
    expect(rows.every((r) => typeof r[5] === 'string' && (r[5] as string).length > 0)).toBe(true);
  });
});

describe('比例检查', () => {
  it('checks the quota per township and for the county', () => {
    const ws = sheet('比例检查');
    const scopes = [['东山镇', data.dongshan ?? []], ['西河乡', data.xihe ?? []], ['青山县', included()]] as const;
    scopes.forEach(([scope, orgs], i) => {
      const r = rowValues(ws, i + 2);
      const c = count(orgs);
      const n = orgs.length;
      expect(r.slice(0, 3)).toEqual([scope, n, c[0]]);
      expect(r[3] as number).toBeCloseTo((c[0] ?? 0) / n, 12);
      expect(r[4]).toBe(c[3]);
      expect(r[6]).toBe('符合');
      expect(String(r[7])).toContain(`${scope}共 ${n} 个`);
    });
  });
});

describe('报送情况', () => {
  it('shows every township’s state and whether it was counted', () => {
    const ws = sheet('报送情况');
    const rows = [2, 3, 4, 5].map((r) => rowValues(ws, r));
    expect(rows.map((r) => [r[1], r[2], r[3] ?? null, r[6]])).toEqual([
      ['东山镇', '已审核通过', 1, '是'],
      ['西河乡', '已上报待审核', 2, '是'],
      ['南岭街道', '已退回', 1, '否'],
      ['北坪镇', '未上报', null, '否'],
    ]);
    expect(rows[2]?.[8]).toBe('请补充整改台账');
  });
});
