// A 名册 pasted from Excel or WPS: tab-separated lines, quoted cells, with or without the header.
import { defaultScheme } from '../../../shared';
import { parseTsv, readRosterText } from '../../../shared/roster/paste';

describe('parseTsv', () => {
  it.each([
    ['plain lines', 'a\tb\nc\td\n', [['a', 'b'], ['c', 'd']]],
    ['Windows line ends, no final newline', 'a\tb\r\nc\td', [['a', 'b'], ['c', 'd']]],
    ['empty cells', 'a\t\tc\n', [['a', '', 'c']]],
    ['a quoted cell with a line break and a quote', '"东山村\n党支部"\t"说""明"\n', [['东山村\n党支部', '说"明']]],
    ['a quote inside a cell is kept as typed', 'a"b\tc\n', [['a"b', 'c']]],
    ['an unclosed quote is kept as typed', '"abc\td\n', [['"abc', 'd']]],
  ])('%s', (_n, text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
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

  it('normalizes full-width text and spaces in pasted cells', () => {
    const r = readRosterText('东山镇\t　东山村　第１党支部 \t村\n', defaultScheme);
    expect(r.entries[0]?.name).toBe('东山村第1党支部');
  });
});
