// The unit/date block above a table and printed label items, laid out over the table's
// columns: each label, value or printed item gets whole columns until its text fits, so nothing
// is clipped (a narrow 序号 column once cut 填报单位： to 报单位：).
import { textWidth } from './measure';
import type { LabelledItem } from './types';

/** One item of an inline block: 0-based column ranges of its label and its value. */
export interface ItemSpan {
  item: LabelledItem;
  labelFrom: number;
  labelTo: number;
  valueFrom: number;
  valueTo: number;
}

export function labelText(item: LabelledItem): string {
  return /[:：]$/.test(item.label) ? item.label : `${item.label}：`;
}

/**
 * Lays labelled items out in rows across the table's columns: each label gets columns until its
 * text fits (so 填报单位（盖章）： is never clipped), each value until its text (or the blank to
 * write in) fits; items that do not fit start a new row; spare columns go between items.
 */
export function inlineRows(items: readonly LabelledItem[], widths: readonly number[]): ItemSpan[][] {
  const n = widths.length;
  const take = (from: number, need: number): number => {
    let w = 0;
    for (let j = from; j < n; j++) {
      w += widths[j] ?? 0;
      if (w >= need) return j;
    }
    return -1;
  };
  const rows: ItemSpan[][] = [];
  let cur: ItemSpan[] = [];
  let col = 0;
  for (const item of items) {
    const needL = textWidth(labelText(item)) + 1;
    const needV = item.blank ?? (item.value ? textWidth(item.value) + 2 : 12);
    const place = (from: number): ItemSpan | null => {
      const lt = take(from, needL);
      if (lt < 0 || lt + 1 >= n) return null;
      // A value short of room still takes the columns left: it is a line to write on.
      const vt = take(lt + 1, needV);
      return { item, labelFrom: from, labelTo: lt, valueFrom: lt + 1, valueTo: vt < 0 ? n - 1 : vt };
    };
    let span = place(col);
    if (!span && cur.length) {
      rows.push(cur);
      cur = [];
      span = place(0);
    }
    // Too wide even for an empty row: label in the first column, value over the rest.
    span ??= { item, labelFrom: 0, labelTo: 0, valueFrom: Math.min(1, n - 1), valueTo: n - 1 };
    cur.push(span);
    col = span.valueTo + 1;
  }
  if (cur.length) rows.push(cur);
  return rows.map((r) => justify(r, n));
}

/** "制表人：＿＿＿＿＿＿", "填报单位（盖章）：青山县委组织部": an item as one piece of text. */
export function itemText(item: LabelledItem): string {
  return labelText(item) + (item.value ?? '＿'.repeat(Math.ceil((item.blank ?? 12) / 2)));
}

/** A piece of text over 0-based columns [from, to]. */
export interface TextSpan {
  from: number;
  to: number;
  text: string;
}

/**
 * Items as single texts in rows across the columns (signature lines, a printed unit/date block):
 * each gets columns until its text fits, spare columns go between items, the last reaches the edge.
 */
export function joinedRows(items: readonly LabelledItem[], widths: readonly number[]): TextSpan[][] {
  const n = widths.length;
  const rows: TextSpan[][] = [];
  let cur: TextSpan[] = [];
  let col = 0;
  for (const item of items) {
    const text = itemText(item);
    const need = textWidth(text) + 1;
    const fit = (from: number): number => {
      let w = 0;
      for (let j = from; j < n; j++) {
        w += widths[j] ?? 0;
        if (w >= need) return j;
      }
      return -1;
    };
    let to = fit(col);
    if (to < 0 && cur.length) {
      rows.push(cur);
      cur = [];
      col = 0;
      to = fit(0);
    }
    if (to < 0) to = n - 1;
    cur.push({ from: col, to, text });
    col = to + 1;
  }
  if (cur.length) rows.push(cur);
  return rows.map((row) => spread(row, widths));
}

/**
 * A row's spare columns spread between its items, the last reaching the edge. Moving an item
 * right by whole columns can land it on narrower ones (填报日期：2026-12-08 moved onto a
 * 说明 column alone printed 2026-12-): an item takes back columns on its left (never the one
 * before's) until its text fits, and a row that still cannot fit so is left as it was laid out.
 */
function spread(row: readonly TextSpan[], widths: readonly number[]): TextSpan[] {
  const n = widths.length;
  const room = (from: number, to: number) => widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const fits = (sp: TextSpan) => room(sp.from, sp.to) >= textWidth(sp.text) + 1;
  const spare = n - 1 - (row[row.length - 1]?.to ?? n - 1);
  const gap = row.length > 1 ? Math.floor(spare / (row.length - 1)) : 0;
  const out: TextSpan[] = [];
  row.forEach((sp, i) => {
    const moved: TextSpan = { from: sp.from + gap * i, to: i === row.length - 1 ? n - 1 : sp.to + gap * i, text: sp.text };
    const floor = (out[out.length - 1]?.to ?? -1) + 1;
    while (moved.from > floor && !fits(moved)) moved.from--;
    out.push(moved);
  });
  if (out.every(fits)) return out;
  return row.map((sp, i) => (i === row.length - 1 ? { ...sp, to: n - 1 } : sp));
}

/** Spread a row's spare columns into the gaps between its items; the last value reaches the edge. */
function justify(row: ItemSpan[], n: number): ItemSpan[] {
  const last = row[row.length - 1];
  if (!last) return row;
  const spare = n - 1 - last.valueTo;
  if (spare <= 0 || row.length === 1) {
    return row.map((s, i) => (i === row.length - 1 ? { ...s, valueTo: n - 1 } : s));
  }
  const gap = Math.floor(spare / row.length);
  return row.map((s, i) => {
    const shift = gap * i;
    const out = { ...s, labelFrom: s.labelFrom + shift, labelTo: s.labelTo + shift, valueFrom: s.valueFrom + shift, valueTo: s.valueTo + shift + (i === row.length - 1 ? 0 : gap) };
    if (i === row.length - 1) out.valueTo = n - 1;
    return out;
  });
}

