// A 名册 pasted from Excel or WPS: tab-separated lines, quoted cells, with or without the header.
import { defaultScheme } from '../../../shared';
import { MAX_PASTE_COLUMNS, parseTsv, readRosterText, scanTsv } from '../../../shared/roster/paste';

describe('parseTsv', () => {
  it.each([
    ['plain lines', 'a\tb\nc\td\n', [['a', 'b'], ['c', 'd']]],
    ['Windows line ends, no final newline', 'a\tb\r\nc\td', [['a', 'b'], ['c', 'd']]],
    ['empty cells', 'a\t\tc\n', [['a', '', 'c']]],
    ['a quoted cell with a line break and a quote', '"东山村\n党支部"\t"说""明"\n', [['东山村\n党支部', '说"明']]],
    ['a quote inside a cell is kept as typed', 'a"b\tc\n', [['a"b', 'c']]],
    ['an unclosed quote is kept as typed', '"abc\td\n', [['"abc', 'd']]],
    ['a quote closed before the end of the cell is kept as typed', '"ab"c\td\n', [['"ab"c', 'd']]],
    ['a blank line and a final tab', 'a\n\nb\t', [['a'], [''], ['b', '']]],
    ['nothing', '', []],
  ])('%s', (_n, text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });

  it.each<[string, string, number, { keptRows: number; keptCells: number; count: number; wide: { row: number; columns: number } | null }]>([
    ['15 million tabs on one line', '\t'.repeat(15_000_000), Infinity, { keptRows: 1, keptCells: MAX_PASTE_COLUMNS, count: 1, wide: { row: 1, columns: 15_000_001 } }],
    ['a line of 51 cells after one of 50', `${'a\t'.repeat(49)}a\n${'a\t'.repeat(50)}a\n`, Infinity, { keptRows: 2, keptCells: 100, count: 2, wide: { row: 2, columns: 51 } }],
    ['15 million empty lines, 10 kept', '\n'.repeat(15_000_000), 10, { keptRows: 10, keptCells: 10, count: 15_000_000, wide: null }],
  ])('keeps what is bounded of %s', (_n, text, maxRows, want) => {
    const t = scanTsv(text, maxRows);
    expect({ keptRows: t.rows.length, keptCells: t.rows.reduce((n, r) => n + r.length, 0), count: t.count, wide: t.wide }).toEqual(want);
  });

  it('keeps a 15 MB quoted cell as one slice of the text', () => {
    const [[cell] = []] = parseTsv(`"${'x'.repeat(15 * 1024 * 1024)}""y"\t1`);
    expect([cell?.length, cell?.slice(-2)]).toEqual([15 * 1024 * 1024 + 2, '"y']);
  });
});

describe('readRosterText', () => {
  it('reads pasted data without a header in template order', () => {
    const r = readRosterText('东山镇\t东山村党支部\t村\t党支部\n西河乡\t西河社区党支部\t社区\n', defaultScheme);
    expect(r.issues).toEqual([]);
    expect(r.entries).toEqual([
      { township: '东山镇', name: '东山村党支部', category: '村', orgType: '党支部', row: 1 },
      { township: '西河乡', name: '西河社区党支部', category: '社区', row: 2 },
    ]);
  });

  it('finds a pasted header in any column order and names cells from the first pasted line', () => {
    const r = readRosterText('党组织名称\t乡镇（街道）\t类别\n东山村党支部\t东山镇\t農場\n', defaultScheme);
    expect(r.entries).toEqual([{ township: '东山镇', name: '东山村党支部', row: 2 }]);
    expect(r.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['ROSTER_CATEGORY_UNKNOWN', '粘贴的名册', 'C2']]);
  });

  it.each<[string, string, Array<[string, string | undefined, string]>]>([
    ['more lines than a 名册 may have', '东山镇\t东山村党支部\n'.repeat(20_002), [['ROSTER_TOO_MANY', undefined, '工作表“粘贴的名册”：名册有 20002 行，超过上限 20000 行，请按乡镇（街道）拆分']]],
    ['a line of 60 columns', `东山镇\t东山村党支部\n${'x\t'.repeat(59)}x\n`, [['ROSTER_PASTE_TOO_WIDE', 'AY2', '工作表“粘贴的名册”AY2 单元格：粘贴的第 2 行有 60 列，超过上限 50 列；请只复制名册中的各列后重新粘贴']]],
  ])('refuses %s before making a sheet of it', (_n, text, want) => {
    const r = readRosterText(text, defaultScheme);
    expect(r.entries).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.cell, i.message])).toEqual(want);
  });

  it('normalizes full-width text and spaces in pasted cells', () => {
    const r = readRosterText('东山镇\t　东山村　第１党支部 \t村\n', defaultScheme);
    expect(r.entries[0]?.name).toBe('东山村第1党支部');
  });
});
