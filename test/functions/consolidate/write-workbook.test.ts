// The county workbook built from hostile stored submissions (what a file can smuggle into a
// stored name or ledger line): every part still parses as strict XML, nothing becomes a formula,
// cells fit Excel's limit, and LibreOffice opens it and shows formula-like text as typed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { CUT_MARKER, MAX_CELL_CHARS, tallySubmission, type OrgRow, type Submission } from '../../../shared';
import { commitUpload } from '../../../functions/src/storage/commands';
import { getStore } from '../../../functions/src/storage/store-singleton';
import { canPrint, pageText, pdfPages, toPdf } from '../../print/office';
import { loadWorkbookBytes, rowValues } from '../xlsx';
import { campaignBody, startStack, type Stack } from '../stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
});
afterAll(() => st?.stop());

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function findRow(ws: ExcelJS.Worksheet, first: unknown): number {
  for (let r = 1; r <= ws.rowCount; r++) if (rowValues(ws, r)[0] === first) return r;
  throw new Error(`no row starting with ${String(first)} in ${ws.name}`);
}

const NAMES = [
  '东山\uFFFE村党支部',
  '西河\uFFFF\u0001村党支部',
  '南岭\uD800村党支部',
  '=HYPERLINK("http://evil.example","点此领奖")',
  '+1+1党支部',
  '-1党支部',
  '@SUM(1,1)党支部',
  '\t=1+1党支部',
  '<b>&amp;"引号"</b>党支部',
];

function hostileOrg(i: number, name: string): OrgRow {
  return {
    row: 5 + i,
    seq: i + 1,
    name,
    committee: '党委\u0000\u000B',
    category: 'village',
    orgType: 'branch',
    parentName: null,
    members: 10,
    scores: [10, 10, 5, 5, 5, 10, 5],
    total: 50,
    grade: 'poor',
    flags: { forcedBottom: false, newlyEstablished: false },
    explanation: i === 0 ? '长'.repeat(40_000) : i === 1 ? '长'.repeat(1_000_000) : '\r=1+1',
    remark: '@remark',
  };
}

function strictXmlErrors(bytes: Uint8Array): string[] {
  const errors: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const p = new SaxesParser({ xmlns: true });
    p.on('error', (e) => errors.push(`${name}: ${e.message}`));
    p.write(new TextDecoder('utf-8', { fatal: true }).decode(data)).close();
  }
  return errors;
}

describe('built from hostile stored submissions', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const c = 'hostile';
    expect((await st.call('POST', '/campaigns', { token: st.county(c), json: campaignBody({ id: c }) })).status).toBe(201);
    const store = await getStore();
    const orgs = NAMES.map((n, i) => hostileOrg(i, n));
    const rect = [{ row: 3, orgName: NAMES[0] as string, problems: "=cmd|' /C calc'!A0", measures: '措施\u000B\uFFFE', owner: '@张三', deadline: null, deadlineText: '年底前', status: '-' }];
    const submission = { templateId: 't', templateVersion: '1', schemeId: 'default6', schemeFingerprint: '', township: '东山镇', filledBy: '', phone: '', filledOn: null, orgs, rectifications: rect } as unknown as Submission;
    const tally = tallySubmission(submission);
    const hash = 'f'.repeat(64);
    const stored = { format: 1 as const, campaignId: c, townshipId: 'dongshan', contentHash: hash, submission, warnings: [] };
    const record = { contentHash: hash, orgs: tally.orgs, rectifications: tally.rectifications, quotaOk: true, quotaSummary: '—', counts: {}, uploadedBy: 'test' };
    const r = await commitUpload(store, { campaignId: c, townshipId: 'dongshan', contentHash: hash, raw: new Uint8Array([0]), stored, record, tally });
    expect(r.kind).toBe('created');
    const res = await st.call('GET', `/campaigns/${c}/consolidated`, { token: st.county(c) });
    expect(res.status).toBe(200);
    bytes = new Uint8Array(await res.arrayBuffer());
    wb = await loadWorkbookBytes(bytes);
  }, 120_000);

  it('every part parses with a strict XML parser (and the parser does catch a bad character)', () => {
    expect(strictXmlErrors(bytes)).toEqual([]);
    const p = new SaxesParser();
    const caught: string[] = [];
    p.on('error', (e) => caught.push(e.message));
    p.write('<a>\uFFFE</a>').close();
    expect(caught).not.toEqual([]);
  });

  it('has no formula anywhere, and text that looks like one keeps the Text format', () => {
    const sheets = Object.entries(unzipSync(bytes)).filter(([n]) => n.startsWith('xl/worksheets/'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const [, d] of sheets) expect(strFromU8(d)).not.toMatch(/<f[ >]/);
    const ws = sheet(wb, '明细表');
    const names = NAMES.map((_, i) => ws.getCell(findRow(ws, i + 1), 3));
    expect(names.map((c) => c.value)).toEqual(['东山村党支部', '西河村党支部', '南岭村党支部', ...NAMES.slice(3)]);
    for (const c of names.slice(3, 8)) expect([c.value, c.numFmt]).toEqual([c.value, '@']);
  });

  it('long text is cut to Excel’s cell limit with a marker (and continues on the rows under its own)', () => {
    const ws = sheet(wb, '明细表');
    const col = rowValues(ws, findRow(ws, '序号')).indexOf('情况说明') + 1;
    for (const seq of [1, 2]) {
      let r = findRow(ws, seq);
      let v = ws.getCell(r, col).value as string;
      // Continuation rows: 序号 blank, the text going on.
      while (rowValues(ws, r + 1)[0] == null && typeof ws.getCell(r + 1, col).value === 'string') v += ws.getCell(++r, col).value as string;
      expect([v.length, v.endsWith(CUT_MARKER)]).toEqual([MAX_CELL_CHARS, true]);
    }
  });

  it('the ledger keeps the deadline as written (年底前) and its text safe', () => {
    const ws = sheet(wb, '整改台账');
    const r = rowValues(ws, findRow(ws, 1));
    expect(r.slice(5, 10)).toEqual(["=cmd|' /C calc'!A0", '措施', '@张三', '年底前', '-']);
  });

  (canPrint ? it : it.skip)(
    'opens in LibreOffice: the PDF shows the formula-like names as typed',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
      try {
        const pdf = toPdf(dir, { hostile: bytes }).hostile as string;
        const pages = pdfPages(pdf);
        expect(pages.length).toBeGreaterThan(0);
        const text = pages.map((_, i) => pageText(pdf, i + 1)).join('').replace(/\s+/g, '');
        expect(text).toContain('=HYPERLINK(');
        expect(text).toContain('+1+1党支部');
        expect(text).toContain('@SUM(1,1)党支部');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
