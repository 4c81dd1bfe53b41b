// One clerk case (a list of edits to the county's template), saved three ways: by exceljs (with
// the formula results a spreadsheet would cache), by openpyxl (formulas without results), and as
// a LibreOffice re-save of the exceljs file (LibreOffice recalculates every formula on load).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DETAIL_LAYOUT, detailColumns, gradeByFormulaRules, totalByFormulaRules, type Scheme } from '../../shared';
import type { CellInput, Edit } from './clerk-edits';

/** The apt python with openpyxl (the python3 on PATH may be a pyenv without it). */
export const PYTHON = '/usr/bin/python3';
export const haveOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
export const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0) ?? null;

function excelValue(v: CellInput): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') return 'date' in v ? new Date(`${v.date}T00:00:00Z`) : ({ formula: v.formula } as ExcelJS.CellFormulaValue);
  return v;
}

const MERGE = 1;

function copySheet(wb: ExcelJS.Workbook, from: string, to: string): void {
  const src = wb.getWorksheet(from);
  if (!src) throw new Error(`no sheet ${from}`);
  const dst = wb.addWorksheet(to);
  src.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if ((cell.type as number) !== MERGE) dst.getCell(r, c).value = cell.value;
    });
    if (row.hidden) dst.getRow(r).hidden = true;
  });
  for (const range of (src.model as unknown as { merges: string[] }).merges) dst.mergeCells(range);
}

/** exceljs has no calculation engine: cache what a spreadsheet would (SUM skips text), as the filler does. */
function cacheResults(wb: ExcelJS.Workbook, s: Scheme): void {
  const cols = detailColumns(s);
  const idx = (k: string) => cols.findIndex((c) => c.key === k) + 1;
  const scoreCols = cols.map((c, i) => (c.key === 'score' ? i + 1 : 0)).filter((c) => c > 0);
  const [tCol, gCol, fCol, nCol] = [idx('total'), idx('grade'), idx('forcedBottom'), idx('newlyEstablished')];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r < DETAIL_LAYOUT.firstDataRow) return;
      const t = row.getCell(tCol);
      const raw = (c: number) => (c > 0 ? (row.getCell(c).value as unknown) : null);
      let total: unknown = t.value;
      if (t.formula) {
        total = totalByFormulaRules(scoreCols.map(raw));
        t.value = { formula: t.formula, result: total } as ExcelJS.CellFormulaValue;
      }
      const g = row.getCell(gCol);
      if (g.formula) g.value = { formula: g.formula, result: gradeByFormulaRules(s, total, raw(fCol), raw(nCol)) } as ExcelJS.CellFormulaValue;
    });
  });
}

export async function viaExceljs(template: Uint8Array, edits: readonly Edit[], s: Scheme): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ExcelJS.Buffer);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  for (const e of edits) {
    if (e.op === 'set') sheet(e.sheet).getCell(e.cell).value = excelValue(e.value);
    else if (e.op === 'rename') sheet(e.sheet).name = e.to;
    else if (e.op === 'copy') copySheet(wb, e.sheet, e.to);
    else if (e.op === 'merge') sheet(e.sheet).mergeCells(e.range);
    else if (e.op === 'hideRow') sheet(e.sheet).getRow(e.row).hidden = true;
    else if (e.op === 'insertRow') sheet(e.sheet).spliceRows(e.row, 0, []);
    else if (e.op === 'autoFilter') sheet(e.sheet).autoFilter = e.range;
    else if (e.op === 'highlight') sheet(e.sheet).addConditionalFormatting({ ref: e.range, rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [e.below], priority: 1, style: { numFmt: e.numFmt } }] });
    else wb.removeWorksheet(sheet(e.sheet).id);
  }
  cacheResults(wb, s);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every case through one openpyxl run. */
export function viaOpenpyxl(jobs: ReadonlyArray<{ template: Uint8Array; edits: readonly Edit[] }>): Uint8Array[] {
  const dir = tempDir('clerk-openpyxl-');
  try {
    const spec = jobs.map((j, i) => {
      const template = path.join(dir, `t${i}.xlsx`);
      fs.writeFileSync(template, j.template);
      return { template, out: path.join(dir, `o${i}.xlsx`), edits: j.edits };
    });
    const r = spawnSync(PYTHON, [path.join(__dirname, 'openpyxl-edit.py')], { input: JSON.stringify(spec), encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
    return spec.map((j) => new Uint8Array(fs.readFileSync(j.out)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens and saves each file in LibreOffice Calc, in one soffice run with a private profile set to
 * recalculate OOXML formulas on load (its default is "never").
 */
export function resavedByLibreOffice(files: readonly Uint8Array[]): Uint8Array[] {
  if (!soffice) throw new Error('soffice not found');
  const dir = tempDir('clerk-lo-');
  try {
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(
      path.join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(inDir);
    const inputs = files.map((b, i) => {
      const f = path.join(inDir, `f${i}.xlsx`);
      fs.writeFileSync(f, b);
      return f;
    });
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...inputs], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
    return inputs.map((f) => new Uint8Array(fs.readFileSync(path.join(outDir, path.basename(f)))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
