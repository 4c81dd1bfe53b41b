// `npm run bench -- functions [--json]`: one call of =DJ.GRADE over 100,000 totals, one over
// 100,000 rows × 7 indicator scores, and one of =DJ.QUOTA_CHECK / =DJ.QUOTA_TABLE over 100,000
// grades — the shapes Excel passes for a province-sized sheet. Reports the median of a few runs.
import { gradeCore } from '../../addin/functions/grade-core';
import { quotaCheckCore, quotaTableCore } from '../../addin/functions/quota-core';
import { defaultScheme } from '../../shared/scheme/default';
import { seededRandom } from '../../shared/template/sample';

const ROWS = 100_000;
const RUNS = 7;

const MAXIMA = defaultScheme.indicators.map((i) => i.max);
const MAX_SUM = MAXIMA.reduce((a, b) => a + b, 0);

function sheet(): { totals: unknown[][]; indicators: unknown[][]; forced: unknown[][]; grades: unknown[][]; categories: unknown[][] } {
  const r = seededRandom(20260422);
  const totals: unknown[][] = [];
  const indicators: unknown[][] = [];
  const forced: unknown[][] = [];
  const categories: unknown[][] = [];
  const cats = ['村', '社区', '国有企业', '非公有制经济组织', '机关事业单位', '社会组织'];
  for (let i = 0; i < ROWS; i++) {
    // Scores near 80 % of each maximum with spread, rounded to halves, as clerks type them.
    // A realistic mix (about 10 % 好, 60 % 较好, 20 % 一般, 10 % 较差): a target total per
    // organization, each score that share of its maximum, in halves.
    const p = r();
    const target = p < 0.1 ? 90 + r() * 9 : p < 0.7 ? 80 + r() * 10 : p < 0.9 ? 60 + r() * 20 : 30 + r() * 30;
    const row = MAXIMA.map((m) => Math.max(0, Math.min(m, Math.round(((m * target) / MAX_SUM) * (0.98 + r() * 0.04) * 2) / 2)));
    // A few rows arrive as text, the way pasted sheets do.
    if (i % 50 === 0) row[0] = `${row[0]}分` as unknown as number;
    indicators.push(row);
    const total = row.reduce<number>((a, b) => a + (typeof b === 'number' ? b : parseFloat(String(b))), 0);
    totals.push([i % 1000 === 0 ? null : Math.min(100, total)]);
    forced.push([i % 200 === 0 ? '是' : null]);
    categories.push([cats[i % cats.length]]);
  }
  const grades = (gradeCore({ scores: totals, forcedBottom: forced }) as unknown[][]).map((row) => [typeof row[0] === 'string' ? row[0] : null]);
  return { totals, indicators, forced, grades, categories };
}

function median(fn: () => unknown): number {
  fn(); // warm-up: JIT and the scheme lookups' caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100;
}

export async function run(_args: string[]): Promise<Record<string, number | string>> {
  const s = sheet();
  const gradedRows = gradeCore({ scores: s.indicators }).filter((r) => typeof r[0] === 'string' && r[0] !== '').length;
  return {
    rows: ROWS,
    grade_totals_ms: median(() => gradeCore({ scores: s.totals, forcedBottom: s.forced })),
    grade_indicator_rows_ms: median(() => gradeCore({ scores: s.indicators, forcedBottom: s.forced, addresses: ['一览表!B5:H100004', '一览表!K5:K100004'] })),
    grade_indicator_rows_graded: gradedRows,
    quota_check_ms: median(() => quotaCheckCore({ grades: s.grades })),
    quota_check_with_categories_ms: median(() => quotaCheckCore({ grades: s.grades, categories: s.categories })),
    quota_table_ms: median(() => quotaTableCore({ grades: s.grades, categories: s.categories })),
    quota_verdict: quotaCheckCore({ grades: s.grades, categories: s.categories }),
  };
}
