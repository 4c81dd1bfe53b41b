// The 填报 block around a table (填报单位, 填报人, 联系电话, 填报日期): above the header in the
// template, often in the signature lines under the table in hand-made sheets. Either way a label
// followed by its value, in the same cell ("填报单位：城关镇党委") or in the next filled one.
import { INFO_FIELDS, type InfoKey } from '../template/definition';
import { cleanText, normalizeLabel } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import { cellIsBlank, cellText, isoDate, type MergedRange, type SheetCell, type SheetRow } from '../workbook/model';

export interface InfoValue {
  value: string | null;
  /** Where the value is, or where the clerk would type it: never inside the label's merge. */
  cell: string;
}

/** The merge a cell lies in (1-based row and column), if any. */
export type MergeAt = (row: number, col: number) => MergedRange | undefined;

// "填报单位（盖章）：" is the label 填报单位; "（盖章）" alone is not a value.
const STAMP = /\((盖章|签章|公章|签字|签名)\)/g;
const LABELS = INFO_FIELDS.map((f) => ({ key: f.key, labels: [f.label, ...f.aliases].map(normalizeLabel) }));

function labelOf(text: string): { key: InfoKey; label: string } | null {
  const t = normalizeLabel(text).replace(STAMP, '');
  for (const f of LABELS) {
    for (const l of f.labels) if (t === l || t.startsWith(`${l}:`)) return { key: f.key, label: l };
  }
  return null;
}

function isLabel(cell: SheetCell | undefined): boolean {
  return !!cell && labelOf(cellText(cell)) !== null;
}

function valueOf(key: InfoKey, cell: SheetCell | undefined, text: string): string | null {
  if (key === 'filledOn' && cell?.v instanceof Date) return isoDate(cell.v);
  const t = cleanText(text.replace(/[（(](盖章|签章|公章|签字|签名)[）)]/g, ''));
  return t || null;
}

export class InfoBlock {
  readonly values = new Map<InfoKey, InfoValue>();

  constructor(private readonly mergeAt: MergeAt = () => undefined) {}

  get(key: InfoKey): InfoValue | undefined {
    return this.values.get(key);
  }

  /** Reads the labels of one row; a field already found keeps its first value. */
  read(row: SheetRow): void {
    row.cells.forEach((cell, c) => {
      const l = cell ? labelOf(cellText(cell)) : null;
      if (!l || this.values.get(l.key)?.value) return;
      const raw = cellText(cell).replace(/^[^:：]*[:：]/, '').trim();
      const inCell = /[:：]/.test(cellText(cell)) ? valueOf(l.key, cell, raw) : null;
      if (inCell) {
        this.values.set(l.key, { value: inCell, cell: cellAddress(c, row.row) });
        return;
      }
      // The value sits in the next non-blank cell to the right (usually a merged block). The
      // template merges each label over two columns (E2:F2 填报人): the clerk types after the
      // label's merge, so a blank value is reported there, not at a covered cell of the label.
      const after = (this.mergeAt(row.row, c)?.right ?? c) + 1;
      let k = after;
      while (k < row.cells.length && cellIsBlank(row.cells[k])) k++;
      const next = row.cells[k];
      const found = !!next && !isLabel(next);
      const value = found ? valueOf(l.key, next, cellText(next)) : null;
      const prev = this.values.get(l.key);
      if (value || !prev) this.values.set(l.key, { value, cell: this.topLeft(row.row, found ? k : after) });
    });
  }

  /** A cell as a spreadsheet names it: a merged value block by its top-left cell. */
  private topLeft(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? cellAddress(m.left, m.top) : cellAddress(col, row);
  }
}
