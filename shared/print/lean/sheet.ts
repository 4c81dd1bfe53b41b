// One worksheet of the lean writer. Cells of rows not yet committed wait (the header is written
// out of order, a column's cells over two rows); a commit writes the waiting rows up to it, in
// order, into the part, and they are gone from memory. Only the merges (a few per sheet) are kept
// to the end, with the head: the dimension is known only then.
import { colLetter } from '../../workbook/a1';
import { PAGE_MARGINS, PAPER_A4, pageSpec, type PageSpec, type SheetPlan } from '../layout';
import type { CellStyle, OutValue, SheetOutput } from '../output';
import type { SheetDef } from '../types';
import type { Part } from './part';
import type { SharedStrings } from './strings';
import type { StyleTable } from './styles';
import { NS_MAIN, NS_REL, XML_HEAD, cellText, xmlText } from './xml';

interface Waiting {
  r: number;
  /** The row number as text, made once for all its cells. */
  rs: string;
  /** Each cell's XML by column (sparse). */
  cells: string[];
  /** Each cell's style id by column (sparse), for merges. */
  styles: number[];
  height: number | undefined;
}

function sheetViews(f: PageSpec['frozen']): string {
  const { columns: x, rows: y } = f;
  if (!x && !y) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = x && y ? 'bottomRight' : y ? 'bottomLeft' : 'topRight';
  const split = `${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''}`;
  const active = `A${y + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${colLetter(x + 1)}${y + 1}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${active}" sqref="${active}"/></sheetView></sheetViews>`
  );
}

export class LeanSheet implements SheetOutput {
  private readonly waiting = new Map<number, Waiting>();
  private readonly merges: string[] = [];
  private readonly letters: string[];
  private readonly page: PageSpec;
  private committed = 0;
  private lastRow = 0;
  /** The row used last (a body row takes all its cells in a row). */
  private last: Waiting | undefined;
  /** '" s="5"' by style id, made once. */
  private readonly styleAttr: string[] = [];
  private readonly lastText: string[] = [];
  private readonly lastId: number[] = [];

  constructor(
    private readonly part: Part,
    private readonly def: SheetDef,
    plan: SheetPlan,
    private readonly strings: SharedStrings,
    private readonly styles: StyleTable,
    private readonly ended: (printArea: { lastRow: number } | null) => void,
  ) {
    this.page = pageSpec(def, plan);
    this.letters = def.columns.map((_, i) => colLetter(i + 1));
  }

  private row(r: number): Waiting {
    if (this.last?.r === r) return this.last;
    if (r <= this.committed) throw new Error(`lean xlsx writer: row ${r} of ${this.def.name} was already written`);
    let w = this.waiting.get(r);
    if (!w) {
      w = { r, rs: String(r), cells: [], styles: [], height: undefined };
      this.waiting.set(r, w);
      if (r > this.lastRow) this.lastRow = r;
    }
    return (this.last = w);
  }

  /** A cell's start, `<c r="B7" s="5"`, from pieces made once per column, row and style. */
  private open(w: Waiting, col: number, s: number): string {
    let a = this.styleAttr[s];
    if (a === undefined) a = this.styleAttr[s] = s ? `" s="${s}"` : '"';
    return '<c r="' + (this.letters[col - 1] ?? colLetter(col)) + w.rs + a;
  }

  /**
   * A string's index in the shared strings. A column often repeats the text above it (the
   * township, 村, 否), so the last one of each column is remembered: no table lookup for it.
   */
  private textId(col: number, s: string): number {
    if (this.lastText[col] === s) return this.strings.again(this.lastId[col] as number);
    const id = this.strings.id(s);
    this.lastText[col] = s;
    this.lastId[col] = id;
    return id;
  }

  cell(row: number, col: number, value: OutValue, style: CellStyle): void {
    const w = this.row(row);
    const s = this.styles.id(style);
    const open = this.open(w, col, s);
    let x: string;
    if (value === null) x = open + '/>';
    else if (typeof value === 'number') x = open + '><v>' + value + '</v></c>';
    else if (typeof value === 'string') x = open + ' t="s"><v>' + this.textId(col, value) + '</v></c>';
    else {
      const r = value.result;
      const f = `<f>${xmlText(value.formula)}</f>`;
      if (typeof r === 'string') x = `${open} t="str">${f}<v>${cellText(r)}</v></c>`;
      else x = `${open}>${f}${r === undefined || !Number.isFinite(r) ? '' : `<v>${r}</v>`}</c>`;
    }
    w.cells[col] = x;
    w.styles[col] = s;
  }

  /** As exceljs does, the cells a merge covers take the first cell's style where they have none. */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`<mergeCell ref="${colLetter(left)}${top}:${colLetter(right)}${bottom}"/>`);
    const s = this.waiting.get(top)?.styles[left] ?? 0;
    for (let r = top; r <= bottom; r++) {
      const w = this.row(r);
      for (let c = left; c <= right; c++) {
        if (w.cells[c] !== undefined) continue;
        w.cells[c] = this.open(w, c, s) + '/>';
        w.styles[c] = s;
      }
    }
  }

  height(row: number, points: number): void {
    this.row(row).height = points;
  }

  commit(row: number): void {
    if (row <= this.committed) return;
    const due: number[] = [];
    for (const r of this.waiting.keys()) if (r <= row) due.push(r);
    if (due.length > 1) due.sort((a, b) => a - b);
    for (const r of due) {
      const w = this.waiting.get(r) as Waiting;
      this.waiting.delete(r);
      // Column 0 is free for the row's start; join makes one flat string (holes are blank
      // columns), cheaper to encode than a chain of concatenations.
      const cells = w.cells;
      cells[0] = w.height === undefined ? '<row r="' + w.rs + '">' : '<row r="' + w.rs + '" ht="' + w.height + '" customHeight="1">';
      cells.push('</row>');
      this.part.write(cells.join(''));
    }
    this.committed = row;
    this.last = undefined;
  }

  end(printArea: { lastRow: number } | null): void {
    this.commit(Math.max(this.lastRow, this.committed));
    const d = this.def;
    const p = this.page;
    const m = PAGE_MARGINS;
    const lastCol = this.letters[this.letters.length - 1] ?? 'A';
    const head =
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="${this.lastRow ? `A1:${lastCol}${this.lastRow}` : 'A1'}"/>` +
      sheetViews(p.frozen) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${d.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` +
      '<sheetData>';
    const tail =
      '</sheetData>' +
      (this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.join('')}</mergeCells>` : '') +
      '<printOptions horizontalCentered="1"/>' +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="${PAPER_A4}" orientation="${p.orientation}" fitToWidth="1" fitToHeight="0" firstPageNumber="${p.firstPageNumber}" useFirstPageNumber="1"/>` +
      `<headerFooter><oddHeader>${xmlText(p.header)}</oddHeader>${p.footer ? `<oddFooter>${xmlText(p.footer)}</oddFooter>` : ''}</headerFooter>` +
      '</worksheet>';
    this.part.end(head, tail);
    this.ended(printArea);
  }
}

/** The defined names of a sheet's print titles and area, in the form exceljs writes them. */
export function printNames(name: string, index: number, page: Pick<PageSpec, 'titleRows'>, lastCol: string, printArea: { lastRow: number } | null): string {
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const ref = (r: string) => xmlText(`${quoted}!${r}`).replace(/'/g, '&apos;');
  const area = printArea ? `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${ref(`$A$1:$${lastCol}$${printArea.lastRow}`)}</definedName>` : '';
  const t = page.titleRows;
  return `${area}<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${ref(`$${t.top}:$${t.bottom}`)}</definedName>`;
}
