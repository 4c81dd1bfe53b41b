// A grading that continues last year's: its year comes after its predecessor's. Without this a
// county could open "next year's round" with the year still at this year (the form's default),
// and two campaigns "2026 年度 青山县" would stand in the list, 晋位升级 counted against itself.

/** The year a successor of `previousYear` is expected to have, offered when the county picks it. */
export function nextYear(previousYear: number): number {
  return previousYear + 1;
}

/** Whether `year` may follow a predecessor of `previousYear`. */
export function followsPrevious(year: number, previousYear: number): boolean {
  return year > previousYear;
}
