// A printed sheet as data: title, the unit/date block, columns (with two-row group headers), the
// signature block. Every sheet we write (templates and the county workbook) is one of these plus
// its rows, so a new form is a definition and a row mapper, nothing else.

/** How a column's cells look: alignment, number format, wrapping. */
export type PrintKind =
  /** 序号: centred whole numbers. */
  | 'seq'
  /** Names, problems, explanations: left, wrapped, the row grows. */
  | 'text'
  /** Short labels (类别, 等次, 是/否, 状态): centred, wrapped if they must. */
  | 'center'
  /** Counts: whole numbers, right. */
  | 'int'
  /** Scores and totals: as typed (92, 14.5), right. */
  | 'number'
  /** Shares: 0.0 %. */
  | 'percent'
  /** Dates: yyyy-mm-dd; text such as 年底前 is shown as written. */
  | 'date';

export interface PrintColumn {
  header: string;
  /** Text of the group header above this column (two-row header); consecutive equal groups merge. */
  group?: string;
  kind: PrintKind;
  /** Excel width units (see measure.ts: a Chinese character is about 2). */
  width: number;
}

/** "填报单位（盖章）：青山县委组织部", "审核人：______": a label, and a value or room to write one. */
export interface LabelledItem {
  label: string;
  value?: string | null;
  /**
   * Width units of the value's space (a line to write on). When given it fixes the layout
   * whatever the value, so a filler finds the same cell; default: the value's width, or 12.
   */
  blank?: number;
  /** A date typed into the value cell shows as yyyy-mm-dd. */
  kind?: 'date';
}

export interface SheetDef {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  title: string;
  columns: readonly PrintColumn[];
  /** Default: landscape when the columns are wider than a portrait A4 page holds comfortably. */
  orientation?: 'portrait' | 'landscape';
  /** Lines under the title (scope, time of generation…), merged across the table and wrapped. */
  notes?: readonly string[];
  /** The unit/date block above the header. */
  info?: readonly LabelledItem[];
  /**
   * The block is filled in on the sheet: each label and value in cells of their own (the reader
   * finds the value right of its label). Otherwise each item prints as one text.
   */
  infoInput?: boolean;
  /**
   * 制表人 / 审核人 / 联系电话 …, printed in every page's footer. Never under the table: no
   * spreadsheet program keeps a row with the rows above it, so when a table filled its last page
   * exactly the block printed alone on one more page under the repeated header (比例检查 of 27
   * or 28 townships), and where the rows end depends on each program's fonts.
   */
  signature?: readonly LabelledItem[];
  /** Columns kept in view when scrolling right (the header rows are always frozen). */
  freezeColumns?: number;
  /**
   * 'table' (default): the print area is exactly the rows written. 'used': none is set, so every
   * spreadsheet program prints the rows the sheet has — for templates whose rows grow.
   */
  printArea?: 'table' | 'used';
}

/** What a writer puts in a cell: text and numbers from data, formulas only from our own code. */
export type PrintCell = string | number | null | { formula: string; result?: string | number };
