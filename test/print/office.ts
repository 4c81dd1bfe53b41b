// Printing workbooks the way an office without Excel does: LibreOffice converts to PDF, poppler
// reads the PDF back (pages, paper, text per page, a PNG of the first page). LibreOffice prints
// every sheet of a workbook, hidden ones too, so a sheet is printed alone from a copy of the
// workbook whose workbook.xml lists only that sheet.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
const poppler = spawnSync('sh', ['-c', 'command -v pdfinfo && command -v pdftotext && command -v pdftoppm']).status === 0;
/** Both LibreOffice and poppler-utils are installed. */
export const canPrint = Boolean(soffice) && poppler;

function workbookXml(files: Record<string, Uint8Array>): string {
  const x = files['xl/workbook.xml'];
  if (!x) throw new Error('no xl/workbook.xml');
  return strFromU8(x);
}

export function sheetNames(bytes: Uint8Array): string[] {
  return [...workbookXml(unzipSync(bytes)).matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** A copy of the workbook that lists only `name` (its print area and titles kept, as sheet 0). */
export function onlySheet(bytes: Uint8Array, name: string): Uint8Array {
  const files = unzipSync(bytes);
  let xml = workbookXml(files);
  const sheets = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const index = sheets.findIndex((s) => s.includes(`name="${name}"`));
  if (index < 0) throw new Error(`no sheet ${name}`);
  xml = xml.replace(/<sheets>[\s\S]*?<\/sheets>/, `<sheets>${(sheets[index] ?? '').replace(/ state="[^"]*"/, '')}</sheets>`);
  xml = xml.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (d) => {
    const id = /localSheetId="(\d+)"/.exec(d)?.[1];
    if (id === undefined) return d;
    return Number(id) === index ? d.replace(/localSheetId="\d+"/, 'localSheetId="0"') : '';
  });
  xml = xml.replace(/<definedNames>\s*<\/definedNames>/, '').replace(/activeTab="\d+"/, 'activeTab="0"').replace(/firstSheet="\d+"/, 'firstSheet="0"');
  files['xl/workbook.xml'] = strToU8(xml);
  return zipSync(files);
}

/** Writes the named workbooks into `dir` and converts them to PDF in one LibreOffice run. */
export function toPdf(dir: string, books: Record<string, Uint8Array>, opts: { recalc?: boolean } = {}): Record<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  const profile = path.join(dir, `lo-profile-${process.pid}`);
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  // Recalculate on load when asked (the default trusts the cached results), in a private profile.
  const mode = opts.recalc ? 0 : 1;
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
  const inputs = Object.entries(books).map(([name, bytes]) => {
    const f = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(f, bytes);
    return f;
  });
  const r = spawnSync(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...inputs], { encoding: 'utf8', timeout: 240_000 });
  fs.rmSync(profile, { recursive: true, force: true });
  const out: Record<string, string> = {};
  for (const name of Object.keys(books)) {
    const pdf = path.join(dir, `${name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${name}: ${r.stderr || r.stdout}`);
    out[name] = pdf;
  }
  return out;
}

export interface PageInfo {
  width: number;
  height: number;
  /** "A4" when poppler recognises the paper. */
  paper: string;
}

export function pdfPages(pdf: string): PageInfo[] {
  const all = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const count = Number(/Pages:\s+(\d+)/.exec(all)?.[1] ?? 0);
  const r = spawnSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' }).stdout;
  return [...r.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts(?: \(([^)]+)\))?/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]), paper: m[3] ?? '' }));
}

/** The text of one page (1-based) in reading layout. */
export function pageText(pdf: string, page: number): string {
  return spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
}

/** A PNG of the first page. */
export function firstPagePng(pdf: string, png: string, dpi = 80): void {
  fs.mkdirSync(path.dirname(png), { recursive: true });
  const base = png.replace(/\.png$/, '');
  spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  if (!fs.existsSync(png)) throw new Error(`pdftoppm wrote no ${png}`);
}
