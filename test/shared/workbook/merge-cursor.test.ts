// Vertical merges met row by row: which merges cover a row under their top cell, in the file's
// order, and the work is the rows asked for, never the rows a merge spans.
import { MergeCursor } from '../../../shared/workbook/merge-cursor';
import type { MergedRange } from '../../../shared/workbook/model';

const m = (top: number, bottom: number, left = 1, right = left): MergedRange => ({ top, left, bottom, right });

/** Each row asked for → the merges under it, as "top-bottom@left". */
function walk(merges: MergedRange[], rows: number[]): string[] {
  const c = new MergeCursor(merges);
  return rows.map((r) => c.under(r).map((x) => `${x.top}-${x.bottom}@${x.left}`).join(' '));
}

it.each<[string, MergedRange[], number[], string[]]>([
  ['no merges', [], [1, 2], ['', '']],
  ['a title across: one row, never under', [m(1, 1, 1, 17)], [1, 2], ['', '']],
  ['a group down: the rows under the top', [m(4, 6, 4)], [3, 4, 5, 6, 7], ['', '', '4-6@4', '4-6@4', '']],
  ['rows missing in between', [m(4, 100, 2)], [4, 50, 100, 101], ['', '4-100@2', '4-100@2', '']],
  ['a merge between two rows present is never seen', [m(10, 20)], [5, 30], ['', '']],
  ['two merges over one row, in the file’s order', [m(5, 9, 3), m(2, 9, 2), m(3, 4, 1)], [4, 6], ['2-9@2 3-4@1', '5-9@3 2-9@2']],
  ['a row above the last starts over', [m(2, 5)], [3, 6, 4], ['2-5@1', '', '2-5@1']],
])('%s', (_, merges, rows, want) => {
  expect(walk(merges, rows)).toEqual(want);
});

it('reads a merge’s rows once, however tall it is (U40:U1048576 a hundred times)', () => {
  let reads = 0;
  const tall = Array.from({ length: 100 }, (_, i): MergedRange => ({
    top: 40,
    left: 21 + (i % 6),
    right: 21 + (i % 6),
    get bottom() {
      reads++;
      return 1_048_576;
    },
  }));
  const c = new MergeCursor(tall);
  let seen = 0;
  for (let r = 1; r <= 60; r++) seen += c.under(r).length;
  expect(seen).toBe(20 * 100);
  expect(reads).toBe(100);
});
