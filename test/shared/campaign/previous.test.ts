// A grading that continues last year's: its year comes after the predecessor's.
import { followsPrevious, nextYear } from '../../../shared/campaign/previous';

describe('followsPrevious / nextYear', () => {
  it.each<[string, number, number, boolean]>([
    ['the next year', 2027, 2026, true],
    ['a later year (a year skipped)', 2028, 2026, true],
    ['the same year (the form left at this calendar year)', 2026, 2026, false],
    ['an earlier year', 2025, 2026, false],
  ])('%s', (_name, year, previous, expected) => {
    expect(followsPrevious(year, previous)).toBe(expected);
  });

  it('offers the year after', () => {
    expect(nextYear(2026)).toBe(2027);
    expect(followsPrevious(nextYear(2026), 2026)).toBe(true);
  });
});
