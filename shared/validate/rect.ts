// The rectification ledger (整改台账): one row per item for 一般/较差 organizations.
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { cleanText, normalizeLabel } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import { RECT_COLUMNS, type RectKey } from '../template/definition';
import { cellIsBlank, cellText, freeText, isoDate, type SheetRow } from '../workbook/model';
import type { RectificationRow } from '../submission/types';
import { HeaderResolver, type HeaderMatch } from './header';

export class RectReader {
  readonly issues: Issue[] = [];
  readonly rows: RectificationRow[] = [];
  header: HeaderMatch<RectKey> | null = null;
  private pending: SheetRow | null = null;
  private preamble = 0;
  private readonly resolver = new HeaderResolver<RectKey>(RECT_COLUMNS.map((c) => ({ target: { key: c.key, label: c.header }, names: [c.header, ...c.aliases] })));

  constructor(readonly sheet: string) {}

  push(row: SheetRow): void {
    if (!this.header) {
      if (this.pending) {
        this.start(this.pending, row);
        this.pending = null;
        if (this.header && (this.header as HeaderMatch<RectKey>).lastRow === row.row) return;
      } else {
        if (this.preamble++ < 30 && this.resolver.score(row) >= 2 && row.cells.some((c) => this.resolver.resolve(cellText(c))?.target.key === 'orgName')) this.pending = row;
        return;
      }
    }
    this.dataRow(row);
  }

  finish(): void {
    if (this.pending) this.start(this.pending, null);
    this.pending = null;
  }

  private start(head: SheetRow, next: SheetRow | null): void {
    this.header = this.resolver.match(this.sheet, head, next);
    this.issues.push(...this.header.issues);
    for (const c of RECT_COLUMNS) {
      if (c.required && !this.header.columns.has(c.key)) this.issues.push(makeIssue('COLUMN_MISSING', { column: c.header }, { sheet: this.sheet }));
    }
  }

  private dataRow(row: SheetRow): void {
    const h = this.header;
    if (!h) return;
    let any = false;
    for (const [k, c] of h.columns) if (k !== 'seq' && !cellIsBlank(row.cells[c]) && !row.cells[c]?.formula) any = true;
    if (!any) return;
    const get = (k: RectKey) => {
      const c = h.columns.get(k);
      return c ? row.cells[c] : undefined;
    };
    const text = (k: RectKey) => cleanText(cellText(get(k)));
    const orgName = text('orgName');
    if (!orgName) {
      const c = h.columns.get('orgName');
      this.issues.push(makeIssue('NAME_BLANK', {}, c ? { sheet: this.sheet, cell: cellAddress(c, row.row) } : { sheet: this.sheet }));
      return;
    }
    for (const k of ['problems', 'measures', 'owner', 'deadline'] as const) {
      const c = h.columns.get(k);
      if (c && !text(k)) {
        const def = RECT_COLUMNS.find((x) => x.key === k);
        this.issues.push(makeIssue('RECT_FIELD_BLANK', { name: orgName, field: def?.header ?? k }, { sheet: this.sheet, cell: cellAddress(c, row.row) }));
      }
    }
    let deadline: string | null = null;
    const dc = get('deadline');
    if (!cellIsBlank(dc)) {
      deadline = parseCellDate(dc?.v ?? null);
      const c = h.columns.get('deadline');
      if (deadline === null && c) this.issues.push(makeIssue('DATE_MALFORMED', { value: cellText(dc) }, { sheet: this.sheet, cell: cellAddress(c, row.row) }));
    }
    const free = (k: RectKey) => freeText(cellText(get(k)));
    this.rows.push({ row: row.row, orgName, problems: free('problems'), measures: free('measures'), owner: text('owner'), deadline, status: free('status') });
  }
}

/** Dates as typed: a date cell, 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日, 2026年12月 (end of month). */
export function parseCellDate(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoDate(v);
  if (typeof v === 'number' && v > 20000 && v < 80000) {
    // An Excel serial date typed into a text-formatted cell.
    return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000));
  }
  if (typeof v !== 'string') return null;
  const s = normalizeLabel(v);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?(底)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return ymd(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate());
  }
  return null;
}

function ymd(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return isoDate(dt);
}
