// The template's native formulas, recalculated by LibreOffice, give the engine's 总分 and 等次 on
// every band edge and override; a score typed as text shows in 总分 instead of being left out of
// the sum; and the 汇总表's counts, 党员 totals and shares match an independent count. One soffice
// run per scheme (it is slow to start).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DETAIL_LAYOUT, DETAIL_SHEET, SUMMARY_SHEET, TEXT_SCORE_MARK, defaultScheme, detailColumns, fillTemplate, gradeTotal, parseFlag, readSubmission, sumScores, yichunScheme, type FillOrg, type Scheme } from '../../../shared';
import { summaryRows } from '../../../shared/template/summary-sheet';
import { fiveGoods, template } from '../../helpers/workbooks';

const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
const maybe = soffice ? test : test.skip;
if (!soffice) console.warn('soffice not found: skipping the LibreOffice recalculation test (CI installs libreoffice-calc)');

/** Scores for the default maxima (15,15,10,10,10,20,25) adding up to `total`, filled from the last indicator. */
function scoresFor(s: Scheme, total: number): number[] {
  const out = s.indicators.map(() => 0);
  let left = total;
  for (let i = s.indicators.length - 1; i >= 0 && left > 0; i--) {
    const v = Math.min(s.indicators[i]!.max, left);
    out[i] = Math.round(v * 10) / 10;
    left = Math.round((left - v) * 10) / 10;
  }
  return out;
}

/** Scores typed as text, as clerks and pasted files bring them: never silently left out of 总分. */
const TEXT_SCORES = ['14', '１４', '18分', ' '];

function rows(s: Scheme): FillOrg[] {
  const edges = [0, 30, 59.5, 59.9, 60, 60.5, 79.5, 79.9, 80, 85, 89.5, 89.9, 90, 95, 100];
  const out: FillOrg[] = [];
  const add = (scores: unknown[], forcedBottom: unknown, newlyEstablished: unknown) => {
    const n = out.length;
    out.push({ name: `测试党支部${n + 1}`, category: s.categories[n % s.categories.length]!.name, orgType: '党支部', members: (n % 7) + 1, scores, forcedBottom, newlyEstablished, explanation: '说明' });
  };
  for (const t of edges) {
    add(scoresFor(s, t), '否', '否');
    add(scoresFor(s, t), '是', null);
    add(scoresFor(s, t), null, '是');
    add(scoresFor(s, t), '是', '是');
  }
  // Decimals that do not add up exactly in floating point must still reach the 90 edge.
  const ninety = scoresFor(s, 90);
  const i = ninety.findIndex((v, k) => v + 0.3 <= s.indicators[k]!.max);
  const j = ninety.findIndex((v, k) => k !== i && v >= 0.3);
  ninety[i] = Math.round((ninety[i]! + 0.3) * 10) / 10;
  ninety[j] = Math.round((ninety[j]! - 0.3) * 10) / 10;
  add(ninety, '否', '否');
  add(ninety, null, '√');
  add(scoresFor(s, 90), 'Y', null);
  add(scoresFor(s, 90), 1, null);
  for (const t of TEXT_SCORES) {
    const scores: unknown[] = scoresFor(s, 85);
    scores[0] = t;
    add(scores, '否', '否');
  }
  return out;
}

const isTextRow = (o: FillOrg) => o.scores.some((v) => typeof v === 'string');

/** 总分 as the formula shows it: the sum, or TEXT_SCORE_MARK while a score is text. */
function expectedTotal(o: FillOrg): string {
  return isTextRow(o) ? TEXT_SCORE_MARK : String(sumScores(o.scores as number[]));
}

/** 等次 by the engine's rules; blank while 总分 is not a number. */
function expectedGrade(s: Scheme, o: FillOrg): string {
  if (isTextRow(o)) return '';
  const flag = (v: unknown) => (v === 1 ? true : parseFlag(v).ok && (parseFlag(v) as { value: boolean }).value);
  return gradeTotal(s, sumScores(o.scores as number[]), { forcedBottom: flag(o.forcedBottom), newlyEstablished: flag(o.newlyEstablished) }).grade.label;
}

function convert(file: string, outDir: string, profile: string): void {
  // Always recalculate OOXML on load (the default is "never"), in a private profile.
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
}

describe.each([
  ['default', defaultScheme],
  ['yichun', yichunScheme],
  ['five goods, no override columns', fiveGoods],
])('LibreOffice recalculates the template formulas (%s scheme)', (_name, scheme) => {
  maybe(
    'every band edge and override matches the engine, a text score shows in 总分, the 汇总表 counts right',
    async () => {
      const orgs = rows(scheme);
      const filled = await fillTemplate(await template(scheme, orgs.length), { scheme, orgs, cachedResults: false });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-recalc-'));
      try {
        const input = path.join(dir, 'in.xlsx');
        fs.writeFileSync(input, filled);
        const outDir = path.join(dir, 'out');
        convert(input, outDir, path.join(dir, 'profile'));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(outDir, 'in.xlsx'));
        const ws = wb.getWorksheet(DETAIL_SHEET)!;
        const cols = detailColumns(scheme);
        const totalCol = cols.findIndex((c) => c.key === 'total') + 1;
        const gradeCol = cols.findIndex((c) => c.key === 'grade') + 1;
        const got: string[] = [];
        const want: string[] = [];
        orgs.forEach((o, i) => {
          const r = DETAIL_LAYOUT.firstDataRow + i;
          // cell.result, not cell.value: exceljs's value drops a cached 0.
          const result = (c: ExcelJS.Cell) => (c.type === ExcelJS.ValueType.Formula ? c.result : c.value);
          const total = result(ws.getCell(r, totalCol));
          const grade = result(ws.getCell(r, gradeCol));
          got.push(`${r}: ${typeof total === 'object' ? JSON.stringify(total) : String(total)} ${String(grade ?? '')}`);
          want.push(`${r}: ${expectedTotal(o)} ${expectedGrade(scheme, o)}`);
        });
        expect(got).toEqual(want);

        // The 汇总表, recalculated, against a count of the rows made here.
        const sum = wb.getWorksheet(SUMMARY_SHEET)!;
        const at = summaryRows(scheme);
        const value = (r: number, c: number) => {
          const cell = sum.getCell(r, c);
          return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        };
        const line = (pick: (o: FillOrg) => boolean) => {
          const mine = orgs.filter(pick);
          const n = mine.length;
          return [n, mine.reduce((a, o) => a + Number(o.members), 0), ...scheme.grades.flatMap((g) => {
            const k = mine.filter((o) => expectedGrade(scheme, o) === g.label).length;
            return [k, n ? Math.round((k / n) * 1000) / 1000 : ''];
          })];
        };
        const read = (r: number) => scheme.grades.flatMap((_, k) => [value(r, 4 + 2 * k), value(r, 5 + 2 * k)]).map((v, k) => (k % 2 === 1 && typeof v === 'number' ? Math.round(v * 1000) / 1000 : v));
        scheme.categories.forEach((c, i) => {
          expect([c.name, value(at.first + i, 2), value(at.first + i, 3), ...read(at.first + i)]).toEqual([c.name, ...line((o) => o.category === c.name)]);
        });
        expect([value(at.total, 2), value(at.total, 3), ...read(at.total)]).toEqual(line(() => true));
        expect(value(at.other, 2)).toBe(0);

        // What LibreOffice saved reads back through the one reader: metadata kept, grades the engine's.
        const back = await readSubmission(new Uint8Array(fs.readFileSync(path.join(outDir, 'in.xlsx'))), scheme);
        expect(back.submission?.campaignId).toBe('c2026');
        expect(back.submission?.orgs).toHaveLength(orgs.length);
        // Rows with a text score are the reader's to report (at the score cell); the others read clean.
        const textRows = new Set(orgs.map((o, i) => (isTextRow(o) ? DETAIL_LAYOUT.firstDataRow + i : -1)));
        const rowOf = (cell?: string) => Number(/\d+$/.exec(cell ?? '')?.[0] ?? 0);
        expect(back.issues.filter((i) => !textRows.has(rowOf(i.cell)) && (i.code === 'GRADE_INCONSISTENT' || i.code === 'TOTAL_MISMATCH' || i.code === 'FORMULA_NO_RESULT'))).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
