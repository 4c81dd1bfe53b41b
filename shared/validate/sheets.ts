// Which sheet is what. A reviewer finds the detail list and the ledger by what they contain, not
// only by their names: a copied sheet "分类定级情况一览表 (2)", a ledger renamed 台账, a
// hand-made sheet named after the township. Every visible sheet is read by both forms' readers
// (row by row, so a streaming reader can feed them), and the choice is made at the end.
import { normalizeLabel } from '../text/normalize';
import { META_KEYS, META_SHEET, type TemplateMeta } from '../template/definition';
import { cellText, type MergedRange, type SheetRow, type SheetState } from '../workbook/model';
import type { Scheme } from '../scheme/schema';
import { DetailTable } from './detail';
import { RectTable } from './rect';

export type SheetRole = 'detail' | 'rect' | 'meta' | 'ignored' | 'other';

/**
 * A sheet's role by its name alone. `ignored`: the template's own summary (汇总表, counted by
 * formula) and instructions (填表说明) — known, never data.
 */
export function sheetRole(name: string): SheetRole {
  const n = normalizeLabel(name);
  if (n === normalizeLabel(META_SHEET)) return 'meta';
  if (n.includes('汇总') || n.includes('说明')) return 'ignored';
  if (n.includes('整改') || n.includes('台账')) return 'rect';
  if (n.includes('一览表') || n.includes('明细表') || n.includes('分类定级')) return 'detail';
  return 'other';
}

export interface RowSink {
  push(row: SheetRow): void;
  /** After the sheet's last row. */
  end(): void;
}

/** `_meta`: key in column A, value in column B. */
export class MetaReader implements RowSink {
  readonly meta: TemplateMeta = {};
  push(row: SheetRow): void {
    const k = cellText(row.cells[1]).trim();
    if ((META_KEYS as readonly string[]).includes(k)) this.meta[k as keyof TemplateMeta] = cellText(row.cells[2]).trim();
  }
  end(): void {}
}

/** One sheet read as a detail list and as a ledger at once; each reader stops at another form's header. */
export class SheetProbe implements RowSink {
  readonly detail: DetailTable;
  readonly rect: RectTable;
  rows = 0;

  constructor(
    scheme: Scheme,
    readonly name: string,
    readonly state: SheetState,
    readonly role: SheetRole,
    merges?: readonly MergedRange[],
  ) {
    this.detail = new DetailTable(scheme, name, merges);
    this.rect = new RectTable(name, merges, scheme);
  }

  get hidden(): boolean {
    return this.state !== 'visible';
  }

  /** Read as a detail list: its header is one. */
  get isDetail(): boolean {
    return this.detail.found;
  }

  /** Read as a ledger (a sheet may hold both: the ledger under the list). */
  get isRect(): boolean {
    return this.rect.found;
  }

  /** Something that would be reported if the sheet were visible. */
  get hasTable(): boolean {
    return (this.isDetail && this.detail.parsed.length > 0) || (this.isRect && this.rect.rows.length > 0);
  }

  push(row: SheetRow): void {
    this.rows++;
    this.detail.push(row);
    this.rect.push(row);
  }

  end(): void {
    this.detail.finish();
    this.rect.finish();
  }
}
