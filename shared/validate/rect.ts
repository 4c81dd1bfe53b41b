// The rectification ledger (整改台账): one line per item for 一般/较差 organizations. Several
// lines may belong to one organization: merged down over them, or written once on the first line.
// A sheet pre-filled from the ledger also has each line's 台账编号, the 申请销号 mark and 完成日期,
// and the county's 挂点领导/联络员: read when the sheet has those columns (shared/ledger/lines.ts
// turns a line into what the ledger takes).
import { IssueKeeper } from '../issues/cap';
import { makeIssue, type Where } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { Scheme } from '../scheme/schema';
import type { TableAt, RectificationRow } from '../submission/types';
import { RECT_COLUMNS, type RectKey } from '../template/definition';
import { cellAddress } from '../workbook/a1';
import { cleanText } from '../text/normalize';
import { cellText, type MergedRange, type SheetCell, type SheetRow } from '../workbook/model';
import { deadlineField, parseCellDate } from './fields/date';
import { requestMarkField } from './fields/request';
import { textField } from './fields/text';
import type { Field } from './fields/field';
import { HeaderResolver } from './header';
import type { LimitedField } from './limits';
import { skippedRowIssues } from './skipped';
import { TableReader, type TableSpec } from './table';

export { findDateInText, parseCellDate } from './fields/date';
export { requestInText } from './fields/request';

export const rectSpec: TableSpec<RectKey> = {
  resolver: new HeaderResolver<RectKey>(RECT_COLUMNS.map((c) => ({ target: { key: c.key, label: c.header }, names: [c.header, ...c.aliases] }))),
  nameKey: 'orgName',
  accepts: (columns) => columns.has('problems') || columns.has('measures'),
  numberIds: () => [],
};

const LABEL: Record<RectKey, string> = Object.fromEntries(RECT_COLUMNS.map((c) => [c.key, c.header])) as Record<RectKey, string>;
const REQUIRED_TEXT = ['problems', 'measures', 'owner'] as const;

export class RectTable {
  readonly table: TableReader<RectKey>;
  readonly rows: RectificationRow[] = [];
  /** Line issues, bounded like the detail list's (IssueKeeper). */
  readonly rowIssues = new IssueKeeper();
  /** The row being read, for the issues of its line. */
  private lineRow = 0;
  /** The organization of the line above, for a line that leaves the name to it. */
  private lastOrg: string | null = null;
  /** 等次 as each line states it (by sheet row), when the sheet has the column: checked against the list's grade (cross-rows.ts), never stored. */
  readonly statedGrades = new Map<number, string>();

  constructor(
    readonly sheet: string,
    merges?: readonly MergedRange[],
    /** For the county's own yes/no words in the 申请销号 column. */
    private readonly scheme?: Scheme,
  ) {
    this.table = new TableReader(sheet, rectSpec, (row) => this.row(row), merges);
  }

  push(row: SheetRow): void {
    this.table.push(row);
  }

  finish(): void {
    this.table.finish();
  }

  get found(): boolean {
    return this.table.accepted;
  }

  col(key: RectKey): number {
    return this.table.header?.columns.get(key) ?? 0;
  }

  addr(key: RectKey, row: number): string | undefined {
    const c = this.col(key);
    return c ? cellAddress(c, row) : undefined;
  }

  /** The sheet and its columns, for messages about the lines after they are stored. */
  at(): TableAt | undefined {
    const h = this.table.header;
    return h && this.found ? { sheet: this.sheet, columns: Object.fromEntries(h.columns) } : undefined;
  }

  issues(): Issue[] {
    const h = this.table.header;
    if (!h || !this.found) return [];
    const out = [...h.issues];
    for (const c of RECT_COLUMNS) {
      if (c.required && !this.col(c.key)) out.push(makeIssue('COLUMN_MISSING', { column: c.header }, { sheet: this.sheet }));
    }
    // One by one: a spread of thousands of issues into push() overflows the stack.
    for (const i of this.rowIssues.kept) out.push(i);
    for (const i of skippedRowIssues(this.table, (r) => this.addr('orgName', r))) out.push(i);
    return out;
  }

  private row(row: SheetRow): void {
    const r = row.row;
    this.lineRow = r;
    const cell = (k: RectKey): SheetCell | undefined => (this.col(k) ? row.cells[this.col(k)] : undefined);
    const where = (k: RectKey, org?: string): Where => {
      const a = this.addr(k, r);
      return { sheet: this.sheet, ...(a ? { cell: a } : {}), ...(org ? { org } : {}) };
    };
    const nameF = textField(cell('orgName'), 'name', LABEL.orgName, where('orgName'));
    let orgName = this.take(nameF, '');
    if (nameF.ok && !orgName) {
      // A further item of the organization above, its name left to the first line.
      if (this.lastOrg === null) {
        this.issue(makeIssue('NAME_BLANK', {}, where('orgName')));
        return;
      }
      orgName = this.lastOrg;
    }
    if (!orgName) return;
    this.lastOrg = orgName;
    const g = cell('grade');
    const stated = g && !g.error ? cleanText(cellText(g)) : '';
    if (stated) this.statedGrades.set(r, stated);
    const text = (k: RectKey, field: LimitedField) => this.take(textField(cell(k), field, LABEL[k], where(k, orgName), 'free'), '');
    const fields = { problems: text('problems', 'problems'), measures: text('measures', 'measures'), owner: this.take(textField(cell('owner'), 'owner', LABEL.owner, where('owner', orgName)), '') };
    for (const k of REQUIRED_TEXT) {
      if (this.col(k) && !fields[k] && !cell(k)?.error) this.issue(makeIssue('RECT_FIELD_BLANK', { field: LABEL[k] }, where(k, orgName)));
    }
    const d = deadlineField(cell('deadline'), where('deadline', orgName));
    if (d.issue) this.issue(d.issue);
    else if (this.col('deadline') && !d.value.text) this.issue(makeIssue('RECT_FIELD_BLANK', { field: LABEL.deadline }, where('deadline', orgName)));
    const line: RectificationRow = {
      row: r,
      orgName,
      problems: fields.problems,
      measures: fields.measures,
      owner: fields.owner,
      deadline: d.value.iso,
      deadlineText: d.value.text,
      status: text('status', 'status'),
    };
    this.ledgerColumns(line, cell, where, orgName);
    this.rows.push(line);
  }

  /** The ledger's columns, each only when the sheet has it (an old template's line stays as it was). */
  private ledgerColumns(line: RectificationRow, cell: (k: RectKey) => SheetCell | undefined, where: (k: RectKey, org?: string) => Where, orgName: string): void {
    const short = (k: RectKey, field: LimitedField) => this.take(textField(cell(k), field, LABEL[k], where(k, orgName)), '');
    if (this.col('itemId')) line.itemId = short('itemId', 'itemId');
    if (this.col('leader')) line.leader = short('leader', 'owner');
    if (this.col('liaison')) line.liaison = short('liaison', 'owner');
    if (this.col('requestClose')) {
      const f = requestMarkField(cell('requestClose'), this.scheme, where('requestClose', orgName));
      line.requestClose = f.ok && f.value === true;
      // An answer (是 or 否) outranks what 完成情况 says; a blank cell leaves the request to it.
      if (f.ok && f.value !== null) line.requestMarked = true;
      if (!f.ok) this.issue(f.issue);
    }
    if (this.col('completedOn')) {
      const c = cell('completedOn');
      // A date cell reads as yyyy-mm-dd; text is kept as typed (the ledger says when it is no date).
      const typed = short('completedOn', 'deadline');
      line.completedOn = c?.v instanceof Date ? (parseCellDate(c.v) ?? typed) : typed;
    }
  }

  private issue(i: Issue): void {
    this.rowIssues.add(i, this.lineRow);
  }

  private take(f: Field<string>, fallback: string): string {
    if (f.ok) return f.value;
    this.issue(f.issue);
    return fallback;
  }
}
