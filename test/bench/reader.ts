// `npm run bench -- reader`: read+validate of a 50-organization template (median of many runs)
// and of a 100,000-row workbook (generated here with exceljs's streaming writer in the template's
// layout): throughput and peak memory, for the product's reader (shared/xlsx) and, as the
// reference, exceljs's in-memory reader. Each runs in its own child process so its peak RSS
// (VmHWM) is its own. The 100,000-row file is over the default cell bounds (a township's upload
// is far smaller), so the big run raises them as a server setting would.
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  DETAIL_LAYOUT,
  DETAIL_SHEET,
  INDICATOR_GROUP,
  FLAG_GROUP,
  INFO_FIELDS,
  META_SHEET,
  RECT_COLUMNS,
  RECT_LAYOUT,
  RECT_SHEET,
  defaultScheme,
  detailColumns,
  detailTitle,
  gradeByFormulaRules,
  gradeFormula,
  infoCells,
  readSubmission,
  sampleOrgs,
  validateSubmission,
  templateMeta,
  totalByFormulaRules,
  totalFormula,
  type Scheme,
} from '../../shared';
import { nodeZip } from '../../functions/src/upload/native-inflate';
import { setNativeZip } from '../../shared/zip/inflate';
import { exceljsModel } from '../helpers/exceljs-model';
import { filledWorkbook } from '../helpers/workbooks';
import { ownPeakRssBytes } from '../../functions/dev/peak-rss';

/** Bounds raised for the 100,000-row run (the defaults refuse a sheet of 2 million cells). */
export const BIG_LIMITS = { maxCellsPerSheet: 4_000_000, maxCells: 4_000_000, maxTextChars: 64 * 1024 * 1024 };

/** Writes values[i] to column i + 1 and commits the row (the streaming writer's `row.values` is 0-based). */
function put(ws: ExcelJS.Worksheet, r: number, values: readonly unknown[]): void {
  const row = ws.getRow(r);
  values.forEach((v, i) => {
    if (v !== undefined && v !== null) row.getCell(i + 1).value = v as ExcelJS.CellValue;
  });
  row.commit();
}

/** A filled workbook of `n` valid rows, written row by row (bounded memory). */
export async function writeBigWorkbook(file: string, scheme: Scheme, n: number, seed = 11): Promise<void> {
  const cols = detailColumns(scheme);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(DETAIL_SHEET);
  const township = { id: 'bench', name: '基准镇' };
  put(ws, DETAIL_LAYOUT.titleRow, [detailTitle('某某县', township.name, 2026)]);
  const info: unknown[] = [];
  const values: Record<string, unknown> = { township: '基准镇党委', filledBy: '张三', phone: '0795-1234567', filledOn: new Date(Date.UTC(2026, 3, 20)) };
  infoCells(cols.length).forEach((c, k) => {
    const f = INFO_FIELDS[k];
    if (!f) return;
    info[c.label - 1] = `${f.label}：`;
    info[c.value - 1] = values[f.key];
  });
  put(ws, DETAIL_LAYOUT.infoRow, info);
  put(ws, DETAIL_LAYOUT.headerRow, cols.map((c) => (c.group === INDICATOR_GROUP || c.group === FLAG_GROUP ? c.group : c.header)));
  put(ws, DETAIL_LAYOUT.subHeaderRow, cols.map((c) => (c.group ? c.header : null)));

  const sample = sampleOrgs(scheme, n, seed);
  sample.orgs.forEach((o, i) => {
    const r = DETAIL_LAYOUT.firstDataRow + i;
    const total = totalByFormulaRules(o.scores);
    const row: unknown[] = [];
    for (const c of cols) {
      if (c.key === 'score') row.push(o.scores[c.indicator ?? 0]);
      else if (c.key === 'total') row.push({ formula: totalFormula(cols, r), result: total } as ExcelJS.CellFormulaValue);
      else if (c.key === 'grade') row.push({ formula: gradeFormula(scheme, cols, r), result: gradeByFormulaRules(scheme, total, o.forcedBottom, o.newlyEstablished) } as ExcelJS.CellFormulaValue);
      else row.push(o[c.key] ?? null);
    }
    put(ws, r, row);
  });
  await ws.commit();

  const rs = wb.addWorksheet(RECT_SHEET);
  put(rs, RECT_LAYOUT.headerRow, RECT_COLUMNS.map((c) => c.header));
  sample.rectifications.forEach((x, i) => put(rs, RECT_LAYOUT.firstDataRow + i, [i + 1, x.orgName, x.grade, x.problems, x.measures, x.owner, x.deadline, x.status]));
  await rs.commit();

  const ms = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  Object.entries(templateMeta({ scheme, campaignId: 'bench', township, county: '某某县', year: 2026 })).forEach(([k, v], i) => {
    put(ms, i + 2, [k, v ?? '']);
  });
  await ms.commit();
  await wb.commit();
}

/** xlsx: the product's reader as the task pane runs it (fflate, our CRC); server: the same reader with Node's inflate and CRC installed, as every server-side read runs it (read-gate.ts). */
type Mode = 'xlsx' | 'server' | 'exceljs';

interface ChildFigures {
  seconds: number;
  rows: number;
  issues: number;
  errors: number;
  peakRssMB: number;
  peakHeapMB: number;
}

function readWith(mode: Mode, bytes: Uint8Array, big: boolean): Promise<ReturnType<typeof validateSubmission>> {
  setNativeZip(mode === 'server' ? nodeZip : null);
  if (mode !== 'exceljs') return readSubmission(bytes, defaultScheme, big ? { limits: BIG_LIMITS } : {});
  return exceljsModel(bytes).then((m) => validateSubmission(m, defaultScheme));
}

async function child(mode: Mode, file: string): Promise<void> {
  let peakHeap = 0;
  const timer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  const t0 = process.hrtime.bigint();
  const result = await readWith(mode, new Uint8Array(fs.readFileSync(file)), true);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const figures: ChildFigures = {
    seconds,
    rows: result.submission?.orgs.length ?? 0,
    issues: result.issues.length,
    errors: result.issues.filter((i) => i.severity === 'error').length,
    peakRssMB: ownPeakRssBytes() / 1048576,
    peakHeapMB: peakHeap / 1024 / 1024,
  };
  process.send?.(figures);
}

function runChild(mode: Mode, file: string): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--reader-child', mode, file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let got: ChildFigures | null = null;
    p.on('message', (m) => (got = m as ChildFigures));
    p.on('error', reject);
    p.on('exit', (code) => (got ? resolve(got) : reject(new Error(`${mode} reader exited with ${String(code)}`))));
  });
}

/**
 * Median milliseconds of read + validate of one 50-organization filled template, per mode: wall
 * time, and CPU time of this process (steadier on a machine shared with other work). Every mode is
 * warmed up first and the runs take turns, so no mode pays for the warm-up or a busy minute alone.
 */
async function smallMedians(modes: readonly Mode[], bytes: Uint8Array, runs: number): Promise<Map<Mode, { wall: number; cpu: number }>> {
  for (const mode of modes) for (let i = 0; i < 50; i++) await readWith(mode, bytes, false);
  const wall = new Map<Mode, number[]>(modes.map((m) => [m, []]));
  const cpu = new Map<Mode, number[]>(modes.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) {
    for (const mode of modes) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const r = await readWith(mode, bytes, false);
      wall.get(mode)?.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpu.get(mode)?.push((c.user + c.system) / 1000);
      if (r.submission?.orgs.length !== 50) throw new Error(`${mode}: expected 50 organizations`);
    }
  }
  const median = (xs: number[] = []) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return new Map(modes.map((m) => [m, { wall: median(wall.get(m)), cpu: median(cpu.get(m)) }]));
}

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const rowsArg = args.find((a) => a.startsWith('--rows='));
  const n = rowsArg ? Number(rowsArg.slice('--rows='.length)) : 100_000;
  const out: Record<string, number | string> = {};
  const small = await filledWorkbook({ n: 50 });
  out['template50.fileKB'] = small.length / 1024;
  for (const [mode, m] of await smallMedians(['xlsx', 'server', 'exceljs'], small, 201)) {
    out[`template50.${mode}.medianMs`] = m.wall;
    out[`template50.${mode}.medianCpuMs`] = m.cpu;
  }
  if (args.includes('--template-only')) return out;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reader-'));
  const file = path.join(dir, 'big.xlsx');
  try {
    const t0 = Date.now();
    await writeBigWorkbook(file, defaultScheme, n);
    const generateSeconds = (Date.now() - t0) / 1000;
    Object.assign(out, { rows: n, fileMB: fs.statSync(file).size / 1024 / 1024, generateSeconds });
    const modes: Mode[] = args.includes('--xlsx-only') ? ['xlsx'] : ['xlsx', 'exceljs'];
    for (const mode of modes) {
      const f = await runChild(mode, file);
      out[`${mode}.seconds`] = f.seconds;
      out[`${mode}.rowsPerSec`] = Math.round(f.rows / f.seconds);
      out[`${mode}.rowsRead`] = f.rows;
      out[`${mode}.issues`] = f.issues;
      out[`${mode}.errors`] = f.errors;
      out[`${mode}.peakRssMB`] = f.peakRssMB;
      out[`${mode}.peakHeapMB`] = f.peakHeapMB;
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--reader-child') {
  const mode = process.argv[3] as Mode;
  const file = process.argv[4] ?? '';
  child(mode, file).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
