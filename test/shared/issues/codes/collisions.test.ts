import { ISSUES } from '../../../../shared/issues/catalogue';
import { gradingIssues } from '../../../../shared/issues/codes/grading';
import { ledgerIssues } from '../../../../shared/issues/codes/ledger';
import { serverIssues } from '../../../../shared/issues/codes/server';
import { workbookIssues } from '../../../../shared/issues/codes/workbook';

// The catalogue spreads the four areas into one object: a code name written in two areas would
// silently keep only the later one (and its message, severity and status), and a number used twice
// would make two messages one in a county's statistics. Neither may happen across areas.
type Area = Readonly<Record<string, { num: number }>>;

/** Every name and number that appears in more than one place, as "NAME: grading, server". */
function collisions(areas: Readonly<Record<string, Area>>): { names: string[]; numbers: string[] } {
  const byName = new Map<string, string[]>();
  const byNum = new Map<number, string[]>();
  for (const [area, codes] of Object.entries(areas)) {
    for (const [code, d] of Object.entries(codes)) {
      byName.set(code, [...(byName.get(code) ?? []), area]);
      byNum.set(d.num, [...(byNum.get(d.num) ?? []), `${area}.${code}`]);
    }
  }
  const twice = <K>(m: Map<K, string[]>) => [...m].filter(([, at]) => at.length > 1).map(([k, at]) => `${String(k)}: ${at.join(', ')}`);
  return { names: twice(byName), numbers: twice(byNum) };
}

const AREAS = { grading: gradingIssues, workbook: workbookIssues, server: serverIssues, ledger: ledgerIssues };

describe('the detector', () => {
  it.each<[string, Record<string, Area>, { names: string[]; numbers: string[] }]>([
    ['distinct areas', { a: { X: { num: 101 } }, b: { Y: { num: 301 } } }, { names: [], numbers: [] }],
    ['one name in two areas', { a: { X: { num: 101 } }, b: { X: { num: 301 } } }, { names: ['X: a, b'], numbers: [] }],
    ['one number in two areas', { a: { X: { num: 101 } }, b: { Y: { num: 101 } } }, { names: [], numbers: ['101: a.X, b.Y'] }],
    ['one number twice in an area', { a: { X: { num: 101 }, Y: { num: 101 } } }, { names: [], numbers: ['101: a.X, a.Y'] }],
  ])('%s', (_, areas, want) => {
    expect(collisions(areas)).toEqual(want);
  });
});

describe('the catalogue', () => {
  it('has no code name in two areas and no number used twice', () => {
    expect(collisions(AREAS)).toEqual({ names: [], numbers: [] });
  });

  it('keeps every area’s own definition under its name (nothing overwritten by the spread)', () => {
    for (const codes of Object.values(AREAS)) {
      for (const [code, d] of Object.entries(codes)) expect([code, ISSUES[code as keyof typeof ISSUES]]).toEqual([code, d]);
    }
    const total = Object.values(AREAS).reduce((n, codes) => n + Object.keys(codes).length, 0);
    expect(Object.keys(ISSUES)).toHaveLength(total);
  });
});
