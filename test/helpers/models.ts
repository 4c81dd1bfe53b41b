// Sheet models built directly (no file), for validation tests that need exact control over cells:
// formulas with or without results, error values, hidden rows, merges.
import { detailColumns, RECT_COLUMNS, type CellValue, type MergedRange, type Scheme, type SheetCell, type SheetModel, type SheetRow, type WorkbookModel } from '../../shared';

/** A cell as a test writes it: a plain value, or a formula / error cell. */
export type In = CellValue | undefined | { f: string; v?: CellValue } | { f: string; noResult: true } | { error: string };

export function cell(x: In): SheetCell | undefined {
  if (x === undefined || x === null || (typeof x === 'string' && x.trim() === '')) return undefined;
  if (typeof x === 'object' && !(x instanceof Date)) {
    if ('error' in x) return { v: null, error: x.error };
    if ('noResult' in x) return { v: null, formula: x.f, noResult: true };
    return { v: x.v ?? null, formula: x.f };
  }
  return { v: x };
}

export function row(r: number, values: readonly In[], hidden = false): SheetRow {
  const cells: SheetRow['cells'] = [];
  values.forEach((x, i) => {
    const c = cell(x);
    if (c) cells[i + 1] = c;
  });
  return hidden ? { row: r, cells, hidden } : { row: r, cells };
}

export function sheet(name: string, rows: SheetRow[], opts: { state?: SheetModel['state']; merges?: MergedRange[] } = {}): SheetModel {
  return { name, state: opts.state ?? 'visible', rows: rows.filter((r) => r.cells.some(Boolean)), ...(opts.merges ? { merges: opts.merges } : {}) };
}

export function workbook(...sheets: SheetModel[]): WorkbookModel {
  return { sheets };
}

/** A detail-list organization: valid 较好 村 branch by default (82 points, typed total). */
export interface OrgIn {
  seq?: In;
  name?: In;
  committee?: In;
  category?: In;
  orgType?: In;
  parent?: In;
  members?: In;
  scores?: In[];
  total?: In;
  forcedBottom?: In;
  newlyEstablished?: In;
  grade?: In;
  explanation?: In;
  remark?: In;
}

export const SCORES_82 = [13, 13, 8, 8, 8, 16, 16];

/** Values of one organization's row in the default column order (A 序号 … T 备注). */
export function orgValues(s: Scheme, o: OrgIn): In[] {
  return detailColumns(s).map((c) => {
    if (c.key === 'score') return (o.scores ?? SCORES_82)[c.indicator ?? 0];
    if (c.key in o) return o[c.key as keyof OrgIn] as In;
    const defaults: Partial<Record<string, In>> = { name: '东山村党支部', category: '村', orgType: '党支部', total: 82, grade: '较好', forcedBottom: '否', newlyEstablished: '否' };
    return defaults[c.key];
  });
}

/** Title, 填报 block (row 2) and a one-row header (row 3): organizations from row 4. */
export function detailRows(s: Scheme, orgs: readonly OrgIn[], info: In[] = ['填报单位：', '城关镇党委', '填报人：', '张三', '联系电话：', '0795-1234567', '填报日期：', '2026-04-20']): SheetRow[] {
  return [
    row(1, ['城关镇2026年度基层党组织分类定级情况一览表']),
    row(2, info),
    row(3, detailColumns(s).map((c) => c.header)),
    ...orgs.map((o, i) => row(4 + i, orgValues(s, o))),
  ];
}

export const RECT_HEADER = RECT_COLUMNS.map((c) => c.header);

export function rectRows(lines: ReadonlyArray<readonly In[]>, firstRow = 2): SheetRow[] {
  return [row(1, RECT_HEADER), ...lines.map((l, i) => row(firstRow + i, l))];
}
