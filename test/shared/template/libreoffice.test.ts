// The template's native formulas, recalculated by LibreOffice, give the engine's 总分 and 等次 on
// every band edge and override. One soffice run for all rows (it is slow to start).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DETAIL_LAYOUT, DETAIL_SHEET, defaultScheme, detailColumns, fillTemplate, gradeTotal, parseFlag, readSubmission, sumScores, yichunScheme, type FillOrg, type Scheme } from '../../../shared';
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

function rows(s: Scheme): FillOrg[] {
  const edges = [0, 30, 59.5, 59.9, 60, 60.5, 79.5, 79.9, 80, 85, 89.5, 89.9, 90, 95, 100];
  const out: FillOrg[] = [];
  const add = (scores: unknown[], forcedBottom: unknown, newlyEstablished: unknown) =>
    out.push({ name: `测试党支部${out.length + 1}`, category: s.categories[0]!.name, orgType: '党支部', scores, forcedBottom, newlyEstablished, explanation: '说明' });
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
  return out;
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
    'every band edge and override matches the engine',
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
          const sum = sumScores(o.scores as number[]);
          const flag = (v: unknown) => (v === 1 ? true : parseFlag(v).ok && (parseFlag(v) as { value: boolean }).value);
          const g = gradeTotal(scheme, sum, { forcedBottom: flag(o.forcedBottom), newlyEstablished: flag(o.newlyEstablished) });
          got.push(`${r}: ${typeof total === "object" ? JSON.stringify(total) : String(total)} ${String(grade)}`);
          want.push(`${r}: ${sum} ${g.grade.label}`);
        });
        expect(got).toEqual(want);

        // What LibreOffice saved reads back through the one reader: metadata kept, grades the engine's.
        const back = await readSubmission(new Uint8Array(fs.readFileSync(path.join(outDir, 'in.xlsx'))), scheme);
        expect(back.submission?.campaignId).toBe('c2026');
        expect(back.submission?.orgs).toHaveLength(orgs.length);
        expect(back.issues.filter((i) => i.code === 'GRADE_INCONSISTENT' || i.code === 'TOTAL_MISMATCH' || i.code === 'FORMULA_NO_RESULT')).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
