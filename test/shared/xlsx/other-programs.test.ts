// The county's template filled, then saved the way other programs save it: Gnumeric (ssconvert),
// a script writing with xlsxwriter, and the variants the format allows that Excel's Strict Open
// XML, Google Sheets, Numbers and scripts write (hand-made from the same file). Each must read as
// the values the file shows: the same submission as the source, and no issue that the source has not.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultScheme as S, readSubmission, type ReadResult } from '../../../shared';
import { buildZip, filledWorkbook, unzipParts, type ZipPart } from '../../helpers/workbooks';

const PYTHON = '/usr/bin/python3';
const has = (cmd: string) => spawnSync('sh', ['-c', cmd]).status === 0;
const haveSsconvert = has('command -v ssconvert');
const haveXlsxwriter = has(`${PYTHON} -c "import openpyxl, xlsxwriter"`);
if (!haveSsconvert) console.warn('ssconvert (gnumeric) not found: skipping the Gnumeric file');
if (!haveXlsxwriter) console.warn('python3-xlsxwriter not found: skipping the xlsxwriter file');

type Parts = Map<string, string | Uint8Array>;

/** Rewrites the XML parts of a file; `fn` may rename, add or drop parts. */
function rewrite(bytes: Uint8Array, fn: (parts: Parts) => void): Uint8Array {
  const parts: Parts = new Map(unzipParts(bytes).map((p) => [p.name, /\.(xml|rels)$/.test(p.name) ? Buffer.from(p.data).toString('utf8') : p.data]));
  fn(parts);
  return buildZip([...parts].map(([name, data]): ZipPart => ({ name, data })));
}

const text = (parts: Parts, name: string): string => {
  const s = parts.get(name);
  if (typeof s !== 'string') throw new Error(`no part ${name}`);
  return s;
};
const eachXml = (parts: Parts, fn: (s: string, name: string) => string) => {
  for (const [name, s] of parts) if (typeof s === 'string') parts.set(name, fn(s, name));
};
const sheetsOf = (parts: Parts) => [...parts.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
const eachSheet = (parts: Parts, fn: (s: string) => string) => {
  for (const n of sheetsOf(parts)) parts.set(n, fn(text(parts, n)));
};
/** The shared strings' texts, still XML-escaped. */
const sharedTexts = (parts: Parts): string[] =>
  [...text(parts, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));

const TRANSITIONAL = 'http://schemas.openxmlformats.org/';

/** Day serials (the ledger's 完成时限) as ISO text, as Strict Open XML saves dates; the first one as a formula's result. */
function isoDates(parts: Parts): void {
  let first = true;
  eachSheet(parts, (s) =>
    s.replace(/<c r="([A-Z]+\d+)"( s="\d+")?><v>(4\d{4})<\/v><\/c>/g, (_m, ref: string, style = '', serial: string) => {
      const iso = new Date((Number(serial) - 25569) * 86_400_000).toISOString().slice(0, 19);
      const f = first ? `<f>DATE(${iso.slice(0, 4)},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})</f>` : '';
      first = false;
      return `<c r="${ref}"${style} t="d">${f}<v>${iso}</v></c>`;
    }),
  );
  if (first) throw new Error('no dates to rewrite');
}

/** Excel's "Strict Open XML Spreadsheet": the same parts in the ISO namespaces, dates as ISO text. */
function strict(parts: Parts): void {
  isoDates(parts);
  eachXml(parts, (s) =>
    s
      .replaceAll(`${TRANSITIONAL}spreadsheetml/2006/main`, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
      .replaceAll(`${TRANSITIONAL}officeDocument/2006/relationships`, 'http://purl.oclc.org/ooxml/officeDocument/relationships')
      .replaceAll(`${TRANSITIONAL}drawingml/2006/main`, 'http://purl.oclc.org/ooxml/drawingml/main')
      .replace('<workbook ', '<workbook conformance="strict" '),
  );
}

/** Every shared-string cell written with its text inline (t="inlineStr", or t="str" as some scripts do). */
const inline = (kind: 'inlineStr' | 'str') => (parts: Parts) => {
  const sst = sharedTexts(parts);
  eachSheet(parts, (s) =>
    s.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
      const t = sst[Number(i)] ?? '';
      return kind === 'inlineStr' ? `<c ${a}t="inlineStr"${b}><is><t xml:space="preserve">${t}</t></is></c>` : `<c ${a}t="str"${b}><v>${t}</v></c>`;
    }),
  );
};

/** Rows and cells without `r` (each follows the one before; the template's blank styled cells keep the places). */
function noAddresses(parts: Parts): void {
  eachSheet(parts, (s) => s.replace(/<c r="[A-Z]+\d+"/g, '<c').replace(/<row r="\d+"/g, '<row'));
}

function absoluteTargets(parts: Parts): void {
  parts.set('_rels/.rels', text(parts, '_rels/.rels').replace(/Target="(?!\/)/g, 'Target="/'));
  const rels = 'xl/_rels/workbook.xml.rels';
  parts.set(rels, text(parts, rels).replace(/Target="(?!\/)/g, 'Target="/xl/'));
}

/** Spreadsheet elements under an `x:` prefix instead of the default namespace. */
function prefixed(parts: Parts): void {
  eachXml(parts, (s, name) => {
    if (!name.startsWith('xl/') || name.includes('theme') || !name.endsWith('.xml')) return s;
    return s.replace(`xmlns="${TRANSITIONAL}spreadsheetml/2006/main"`, `xmlns:x="${TRANSITIONAL}spreadsheetml/2006/main"`).replace(/<(\/?)([A-Za-z]\w*)(?=[\s/>])/g, '<$1x:$2');
  });
}

const contentType = (from: string, to: string) => (parts: Parts) => parts.set('[Content_Types].xml', text(parts, '[Content_Types].xml').replace(from, to));

/** The workbook part somewhere other than xl/workbook.xml, its relationships pointing back into xl/. */
function movedWorkbook(parts: Parts): void {
  parts.set('book/main.xml', text(parts, 'xl/workbook.xml'));
  parts.delete('xl/workbook.xml');
  parts.set('book/_rels/main.xml.rels', text(parts, 'xl/_rels/workbook.xml.rels').replace(/Target="/g, 'Target="../xl/'));
  parts.delete('xl/_rels/workbook.xml.rels');
  parts.set('_rels/.rels', text(parts, '_rels/.rels').replace('xl/workbook.xml', 'book/main.xml'));
  parts.set('[Content_Types].xml', text(parts, '[Content_Types].xml').replace('/xl/workbook.xml', '/book/main.xml'));
}

/** Gnumeric's way with a text result: kept in the shared strings (<c t="s"><f>…</f><v>index</v>). */
function textResultsShared(parts: Parts): void {
  const added: string[] = [];
  const base = sharedTexts(parts).length;
  eachSheet(parts, (s) =>
    s.replace(/<c ([^>]*?)t="str"([^>]*)><f>([^<]*)<\/f><v>([^<]*)<\/v><\/c>/g, (_m, a: string, b: string, f: string, v: string) => {
      added.push(`<si><t>${v}</t></si>`);
      return `<c ${a}t="s"${b}><f>${f}</f><v>${base + added.length - 1}</v></c>`;
    }),
  );
  parts.set('xl/sharedStrings.xml', text(parts, 'xl/sharedStrings.xml').replace('</sst>', `${added.join('')}</sst>`));
}

/** xlsxwriter's formulas: result 0, recalculated by Excel and WPS when the file is opened. */
function zeroResultsRecalculatedOnOpening(parts: Parts): void {
  parts.set('xl/workbook.xml', text(parts, 'xl/workbook.xml').replace(/<calcPr [^>]*\/>/, '<calcPr calcId="124519" fullCalcOnLoad="1"/>'));
  eachSheet(parts, (s) => s.replace(/<c ([^>]*?)(?: t="str")?><f>([^<]*)<\/f><v>[^<]*<\/v><\/c>/g, '<c $1><f>$2</f><v>0</v></c>'));
}

const VARIANTS: Array<[string, (p: Parts) => void]> = [
  ['Strict Open XML namespaces', strict],
  ['inline strings', inline('inlineStr')],
  ['text as t="str" values', inline('str')],
  ['rows and cells without addresses', noAddresses],
  ['absolute relationship targets', absoluteTargets],
  ['x:-prefixed elements', prefixed],
  ['a macro-enabled workbook (.xlsm)', contentType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')],
  ['a template (.xltx)', contentType('spreadsheetml.sheet.main+xml', 'spreadsheetml.template.main+xml')],
  ['the workbook part at another path', movedWorkbook],
  ['text formula results in the shared strings (Gnumeric)', textResultsShared],
];

let source: Uint8Array;
let expected: ReadResult;
beforeAll(async () => {
  source = await filledWorkbook({ n: 12 });
  expected = await readSubmission(source, S);
  expect(expected.issues).toEqual([]);
  expect(expected.submission?.orgs).toHaveLength(12);
});

test.each(VARIANTS)('%s: read as the source', async (_name, fn) => {
  const bytes = rewrite(source, fn);
  // The variant did change the file.
  expect(Buffer.from(bytes).equals(Buffer.from(rewrite(source, () => undefined)))).toBe(false);
  expect(await readSubmission(bytes, S)).toEqual(expected);
});

/** The same organizations, totals and grades, and only the notes that 总分 and 等次 were recalculated. */
async function expectRecalculated(bytes: Uint8Array): Promise<void> {
  const r = await readSubmission(bytes, S);
  expect(r.issues.map((i) => `${i.code}@${i.cell ?? ''}`)).toEqual(['FORMULA_NO_RESULT@O5', 'FORMULA_NO_RESULT@R5']);
  expect(r.submission?.orgs).toEqual(expected.submission?.orgs);
  expect(r.submission?.rectifications).toEqual(expected.submission?.rectifications);
}

test('formula results of 0 in a workbook recalculated on opening are recalculated, not read as 总分 0 and 等次 "0"', async () => {
  await expectRecalculated(rewrite(source, zeroResultsRecalculatedOnOpening));
});

describe('files the programs write', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'other-programs-'));
    fs.writeFileSync(path.join(dir, 'src.xlsx'), source);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir } });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  };

  (haveSsconvert ? test : test.skip)('Gnumeric (ssconvert): read as the source, 等次 included', async () => {
    run('ssconvert', [path.join(dir, 'src.xlsx'), path.join(dir, 'gnumeric.xlsx')]);
    expect(await readSubmission(new Uint8Array(fs.readFileSync(path.join(dir, 'gnumeric.xlsx'))), S)).toEqual(expected);
  });

  (haveXlsxwriter ? test : test.skip)('a script copying it with xlsxwriter: 总分 and 等次 recalculated', async () => {
    run(PYTHON, [path.join(__dirname, 'fixtures', 'xlsxwriter_copy.py'), path.join(dir, 'src.xlsx'), path.join(dir, 'xlsxwriter.xlsx')]);
    await expectRecalculated(new Uint8Array(fs.readFileSync(path.join(dir, 'xlsxwriter.xlsx'))));
  });
});
