// The detail list (一览表), one row at a time, so a streaming reader and the in-memory one share
// every rule and big sheets never sit in memory as cells: only parsed rows are kept.
import { IssueKeeper } from '../issues/cap';
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { Scheme } from '../scheme/schema';
import { orgKey } from '../text/normalize';
import { FLAG_GROUP, INDICATOR_GROUP, detailColumns, type DetailColumn, type DetailKey } from '../template/definition';
import { cellAddress } from '../workbook/a1';
import type { MergedRange, SheetRow } from '../workbook/model';
import { HeaderResolver, targetId } from './header';
import { detailPlan, parseDetailRow, type DetailPlan, type ParsedOrg } from './detail-row';
import { skippedRowIssues } from './skipped';
import { TableReader, type TableSpec } from './table';

export type { ParsedOrg } from './detail-row';

const specs = new WeakMap<Scheme, TableSpec<DetailKey>>();

/** The detail list's columns under a scheme: its indicators, its override flags. */
export function detailSpec(s: Scheme): TableSpec<DetailKey> {
  const hit = specs.get(s);
  if (hit) return hit;
  const cols = detailColumns(s);
  const resolver = new HeaderResolver<DetailKey>(
    cols.map((c) => ({
      target: { key: c.key, ...(c.indicator !== undefined ? { indicator: c.indicator } : {}), ...(c.max !== undefined ? { max: c.max } : {}), label: columnLabel(s, c.key, c.indicator, c.header) },
      names: [c.header, ...c.aliases],
    })),
    [INDICATOR_GROUP, FLAG_GROUP],
  );
  const scoreIds = s.indicators.map((_, i) => targetId('score', i));
  const spec: TableSpec<DetailKey> = {
    resolver,
    nameKey: 'name',
    // A table with organization names but no score and no total is another form (the ledger).
    accepts: (columns) => scoreIds.some((id) => columns.has(id)) || columns.has('total'),
    numberIds: (columns) => [...scoreIds, 'total'].map((id) => columns.get(id) ?? 0).filter((c) => c > 0),
  };
  specs.set(s, spec);
  return spec;
}

function columnLabel(s: Scheme, key: DetailKey, indicator: number | undefined, header: string): string {
  return key === 'score' ? (s.indicators[indicator ?? 0]?.name ?? header) : header;
}

export class DetailTable {
  readonly table: TableReader<DetailKey>;
  readonly parsed: ParsedOrg[] = [];
  /** Row issues, bounded: a sheet of 60,000 bad rows keeps the first few hundred and counts the rest. */
  readonly rowIssues = new IssueKeeper();
  private readonly names = new Map<string, number>();
  private readonly uncalculatedSeen = new Set<string>();
  private plan: DetailPlan | null = null;

  constructor(
    readonly scheme: Scheme,
    readonly sheet: string,
    merges?: readonly MergedRange[],
  ) {
    this.table = new TableReader(sheet, detailSpec(scheme), (row) => this.row(row), merges);
  }

  push(row: SheetRow): void {
    this.table.push(row);
  }

  finish(): void {
    this.table.finish();
  }

  /** The header was found and it is a detail list. */
  get found(): boolean {
    return this.table.accepted;
  }

  /** Every column the scheme requires is there: a list that could be reported, not a working sheet beside it. */
  get complete(): boolean {
    return this.found && this.missingColumns().length === 0;
  }

  /** The required columns the header does not have. */
  private missingColumns(): DetailColumn[] {
    return detailColumns(this.scheme).filter((c) => c.required && !this.col(c.key, c.indicator));
  }

  col(key: DetailKey, indicator?: number): number {
    return this.table.header?.columns.get(targetId(key, indicator)) ?? 0;
  }

  addr(key: DetailKey, row: number, indicator?: number): string | undefined {
    const c = this.col(key, indicator);
    return c ? cellAddress(c, row) : undefined;
  }

  /** Header problems, missing columns, the rows' issues kept (`rowIssues.omitted` counts the rest) and the rows skipped, in row order. */
  issues(): Issue[] {
    const h = this.table.header;
    if (!h || !this.found) return [];
    const out = [...h.issues];
    for (const c of this.missingColumns()) out.push(makeIssue('COLUMN_MISSING', { column: columnLabel(this.scheme, c.key, c.indicator, c.header) }, { sheet: this.sheet }));
    // Appended one by one: spreading thousands of issues into push() overflowed the stack.
    for (const i of this.rowIssues.kept) out.push(i);
    for (const i of skippedRowIssues(this.table, this.addrOfName)) out.push(i);
    return out;
  }

  private readonly addrOfName = (row: number) => this.addr('name', row);

  private row(row: SheetRow): void {
    const h = this.table.header;
    if (!h) return;
    this.plan ??= detailPlan(this.scheme, h.columns);
    const { parsed, issues } = parseDetailRow(
      {
        scheme: this.scheme,
        sheet: this.sheet,
        plan: this.plan,
        uncalculated: (column, cell) => {
          if (this.uncalculatedSeen.has(column)) return;
          this.uncalculatedSeen.add(column);
          this.rowIssues.add(makeIssue('FORMULA_NO_RESULT', { column }, { sheet: this.sheet, cell }), row.row);
        },
      },
      row,
    );
    for (const i of issues) this.rowIssues.add(i, row.row);
    const o = parsed.org;
    if (o.name) {
      // "第一党支部" may repeat under different general branches or committees: not a duplicate.
      const k = [o.name, o.parentName ?? '', o.committee ?? ''].map(orgKey).join('|');
      const first = this.names.get(k);
      if (first !== undefined) this.rowIssues.add(makeIssue('ORG_DUPLICATE', { first }, { sheet: this.sheet, ...cellOf(this.addr('name', o.row)), org: o.name }), row.row);
      else this.names.set(k, o.row);
    }
    this.parsed.push(parsed);
  }
}

function cellOf(cell: string | undefined): { cell?: string } {
  return cell ? { cell } : {};
}
