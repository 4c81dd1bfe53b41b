// Acceptance (issue 10): each layout a township clerk produces, built three ways — exceljs (with
// the results a spreadsheet caches), openpyxl (formulas without results) and a LibreOffice
// re-save (every formula recalculated) — gives the same verdict and the same first message.
// Notes (severity info, e.g. "formula has no result" for openpyxl files) are not messages a
// clerk must act on and are left out of "first message".
import { DETAIL_SHEET, META_SHEET, RECT_SHEET, checkIdentity, defaultScheme as S, hasErrors, readSubmission, sampleOrgs, type FillOrg, type FillRect, type Issue, type ReadResult } from '../../../shared';
import { infoEdits, orgsEdits, rectEdits, rowEdits, type Edit } from '../../helpers/clerk-edits';
import { haveOpenpyxl, resavedByLibreOffice, soffice, viaExceljs, viaOpenpyxl } from '../../helpers/clerk-files';
import { CAMPAIGN, INFO, TOWNSHIP, template } from '../../helpers/workbooks';

if (!haveOpenpyxl) console.warn('openpyxl not found (/usr/bin/python3): the openpyxl variants are skipped (CI installs python3-openpyxl)');
if (!soffice) console.warn('soffice not found: the LibreOffice re-save variants are skipped (CI installs libreoffice-calc)');

const D = DETAIL_SHEET;
const COPY = `${DETAIL_SHEET} (2)`;
const base = sampleOrgs(S, 10, 7);
// 东山村党总支 and its two branches (rows 5–7), 北坪村 (row 8, 较好), 上塘村 and 下湾村 (一般),
// 石桥社区 (好), 柳溪公司 (row 12, 较好), 枫林有限公司 (较差), 桃园局 (较好).
const orgs = (edit?: (o: FillOrg[]) => void): FillOrg[] => {
  const o = base.orgs.map((x) => ({ ...x, scores: [...x.scores] }));
  edit?.(o);
  return o;
};
const rects = (edit?: (r: FillRect[]) => void): FillRect[] => {
  const r = base.rectifications.map((x) => ({ ...x }));
  edit?.(r);
  return r;
};

/** The usual filled template, with the detail rows and ledger lines given. */
function filled(o: FillOrg[] = orgs(), r: FillRect[] = rects(), sheet = D): Edit[] {
  return [...infoEdits(S, INFO, sheet), ...orgsEdits(S, o, sheet), ...rectEdits(r)];
}

const TRAD: Record<string, string> = { 东: '東', 岭: '嶺', 湾: '灣', 桥: '橋', 枫: '楓', 园: '園', 区: '區', 协: '協', 会: '會', 党: '黨', 总: '總' };
const traditional = (s: string) => Array.from(s, (ch) => TRAD[ch] ?? ch).join('');
const ALIAS: Record<string, string> = { 村: '农村', 非公有制经济组织: '民营企业', 国有企业: '国企', 机关事业单位: '事业单位' };

interface Case {
  name: string;
  edits: Edit[];
  refused: boolean;
  /** Code of the first error (refused) or first warning (accepted); null: no message at all. */
  first: string | null;
  /** More about what was read, checked on every variant. */
  then?: (r: ReadResult, all: Issue[]) => void;
}

const CASES: Case[] = [
  {
    name: 'every indicator at its maximum',
    // 石桥社区 (the one 好, so the quota is unchanged).
    edits: filled(orgs((o) => (o[6]!.scores = S.indicators.map((i) => i.max)))),
    refused: false,
    first: null,
    then: (r) => expect(r.submission?.orgs[6]).toMatchObject({ total: 100, grade: 'good' }),
  },
  {
    name: 'scores typed as text ("１４", "18分")',
    edits: filled(
      orgs((o) => {
        o[3]!.scores[0] = '１４';
        o[5]!.scores[6] = '18分';
      }),
    ),
    refused: true,
    first: 'SCORE_AS_TEXT',
    then: (_r, all) => {
      const errors = all.filter((i) => i.severity === 'error');
      // The cause, at the cells typed, naming the organization; nothing downstream (总分, 等次).
      expect(errors.map((i) => `${i.code}@${i.cell}`)).toEqual(['SCORE_AS_TEXT@H8', 'SCORE_AS_TEXT@N10']);
      expect(errors[0]?.message).toContain('第 8 行“北坪村党支部”，H8 单元格');
    },
  },
  {
    name: 'data in a copied sheet "(2)", the original left blank',
    edits: [{ op: 'copy', sheet: D, to: COPY }, ...filled(orgs(), rects(), COPY)],
    refused: false,
    first: 'DETAIL_SHEET_CHOSEN',
    then: (r, all) => {
      expect(r.submission?.orgs).toHaveLength(10);
      expect(all.find((i) => i.code === 'DETAIL_SHEET_CHOSEN')?.message).toContain(`已读取工作表“${COPY}”`);
    },
  },
  {
    name: 'both the original and the copy filled',
    edits: [...filled(), { op: 'copy', sheet: D, to: COPY }],
    refused: true,
    first: 'DETAIL_SHEETS_CONFLICT',
    then: (_r, all) => expect(all.filter((i) => i.severity === 'error')).toHaveLength(1),
  },
  {
    name: '类别 merged down over a general branch and its branches',
    edits: [
      ...filled(
        orgs((o) => {
          o[1]!.category = null;
          o[2]!.category = null;
        }),
      ),
      { op: 'merge', sheet: D, range: 'D5:D7' },
    ],
    refused: false,
    first: null,
    then: (r) => expect(r.submission?.orgs.slice(0, 3).map((o) => o.category)).toEqual(['village', 'village', 'village']),
  },
  {
    name: 'subtotal rows 村小计 and 合计',
    edits: [
      ...infoEdits(S, INFO),
      ...orgsEdits(S, orgs().slice(0, 6), D, 5),
      ...rowEdits(D, 11, [null, '村小计', null, null, null, null, 120, 80, 80, 55, 55, 55, 110, 95]),
      ...orgsEdits(S, orgs().slice(6), D, 12),
      ...rowEdits(D, 16, ['合计']),
      ...rectEdits(rects()),
    ],
    refused: false,
    first: null,
    then: (r) => expect(r.submission?.orgs.map((o) => o.row)).toEqual([5, 6, 7, 8, 9, 10, 12, 13, 14, 15]),
  },
  {
    name: 'a 栏次 row (甲 乙 丙 … 1 2 3) under the header',
    edits: [...infoEdits(S, INFO), ...rowEdits(D, 5, [...'甲乙丙丁戊己庚', ...Array.from({ length: 13 }, (_, i) => i + 1)]), ...orgsEdits(S, orgs(), D, 6), ...rectEdits(rects())],
    refused: false,
    first: null,
    then: (r) => expect(r.submission?.orgs[0]?.row).toBe(6),
  },
  {
    name: 'categories as clerks write them (农村, 民营企业, 国企, 事业单位)',
    edits: filled(orgs((o) => o.forEach((x) => (x.category = ALIAS[String(x.category)] ?? x.category)))),
    refused: false,
    first: null,
    then: (r) => expect(new Set(r.submission?.orgs.map((o) => o.category))).toEqual(new Set(['village', 'community', 'soe', 'private', 'agency'])),
  },
  {
    name: '整改台账 renamed 台账',
    edits: [...filled(), { op: 'rename', sheet: RECT_SHEET, to: '台账' }],
    refused: false,
    first: null,
    then: (r) => expect(r.submission?.rectifications).toHaveLength(3),
  },
  {
    name: 'ledger names in Traditional characters, deadlines as 年底前',
    edits: filled(
      orgs(),
      rects((r) =>
        r.forEach((x) => {
          x.orgName = traditional(String(x.orgName));
          x.deadline = '年底前';
        }),
      ),
    ),
    refused: false,
    first: null,
    then: (r) => expect(r.submission?.rectifications.map((x) => [x.orgName, x.deadline, x.deadlineText])).toEqual([
      ['上塘村黨支部', null, '年底前'],
      ['下灣村黨支部', null, '年底前'],
      ['楓林有限公司黨支部', null, '年底前'],
    ]),
  },
  {
    name: 'a hand-made copy (no template id) whose 填报单位 is another township',
    edits: [...filled(), ...infoEdits(S, { township: '东山镇党委' }), { op: 'deleteSheet', sheet: META_SHEET }],
    refused: true,
    first: 'OWNER_NAME_MISMATCH',
  },
  {
    // openpyxl numbers the rule's format 164, as it numbers the date format of 填报日期 and the
    // ledger's 整改时限: the rule's format is not theirs.
    name: 'a script highlights low scores with a conditional format showing 0.00',
    edits: [...filled(), { op: 'highlight', sheet: D, range: 'H5:N34', below: 6, numFmt: '0.00' }],
    refused: false,
    first: null,
    then: (r) => {
      expect(r.submission?.filledOn).toBe('2026-04-20');
      expect(r.submission?.rectifications.map((x) => x.deadline)).toEqual(['2026-12-31', '2026-12-31', '2026-12-31']);
    },
  },
  {
    // 填报单位 comes pre-filled; the clerk clears it and types none of the four. Each message
    // names the cell after the label's merge (the template merges A2:B2, E2:F2, I2:J2, N2:O2).
    name: 'the 填报 block left blank',
    edits: [...orgsEdits(S, orgs()), ...rectEdits(rects()), { op: 'set', sheet: D, cell: 'C2', value: null }],
    refused: false,
    first: 'INFO_BLANK',
    then: (_r, all) => expect(all.filter((i) => i.code === 'INFO_BLANK').map((i) => i.cell)).toEqual(['C2', 'G2', 'L2', 'Q2']),
  },
  {
    // A filter on the list left on, hiding 上塘村 (row 9) and 枫林有限公司 (row 13): both have
    // ledger lines, whose names are right. They are told the row is hidden, not to check the name.
    name: 'a filter left on hides organizations that have ledger lines',
    edits: [...filled(), { op: 'autoFilter', sheet: D, range: 'A4:T14' }, { op: 'hideRow', sheet: D, row: 9 }, { op: 'hideRow', sheet: D, row: 13 }],
    refused: false,
    first: 'ROWS_HIDDEN_SKIPPED',
    then: (_r, all) => expect(all.filter((i) => i.code.startsWith('RECT_ORG')).map((i) => [i.code, i.cell, i.org, i.params?.row])).toEqual([
        ['RECT_ORG_HIDDEN', 'B4', '上塘村党支部', 9],
        ['RECT_ORG_HIDDEN', 'B6', '枫林有限公司党支部', 13],
      ]),
  },
  {
    name: 'a hidden organization row',
    edits: [...filled(), { op: 'hideRow', sheet: D, row: 12 }],
    refused: false,
    first: 'ROWS_HIDDEN_SKIPPED',
    then: (r) => expect(r.submission?.orgs.map((o) => o.name)).not.toContain('柳溪公司党支部'),
  },
];

interface Verdict {
  refused: boolean;
  first: Issue | null;
  all: Issue[];
  read: ReadResult;
}

/** What the server answers: the identity rule for this township first, then the read issues. */
async function verdict(bytes: Uint8Array): Promise<Verdict> {
  const read = await readSubmission(bytes, S);
  const owner = read.submission ? checkIdentity(read.submission, { campaignId: CAMPAIGN, township: TOWNSHIP }).issues : [];
  const all = [...owner, ...read.issues];
  const first = all.find((i) => i.severity === 'error') ?? all.find((i) => i.severity === 'warning') ?? null;
  return { refused: hasErrors(all) || !read.submission, first, all, read };
}

const built = new Map<string, Partial<Record<'exceljs' | 'openpyxl' | 'LibreOffice', Verdict>>>();

beforeAll(async () => {
  const t = await template(S, 30);
  const byExceljs = await Promise.all(CASES.map((c) => viaExceljs(t, c.edits, S)));
  const byOpenpyxl = haveOpenpyxl ? viaOpenpyxl(CASES.map((c) => ({ template: t, edits: c.edits }))) : [];
  const byLibreOffice = soffice ? resavedByLibreOffice(byExceljs) : [];
  for (const [i, c] of CASES.entries()) {
    const v: Partial<Record<'exceljs' | 'openpyxl' | 'LibreOffice', Verdict>> = { exceljs: await verdict(byExceljs[i]!) };
    if (byOpenpyxl[i]) v.openpyxl = await verdict(byOpenpyxl[i]);
    if (byLibreOffice[i]) v.LibreOffice = await verdict(byLibreOffice[i]);
    built.set(c.name, v);
  }
}, 600_000);

test.each(CASES.map((c) => [c.name, c] as const))('%s: same verdict and first message from exceljs, openpyxl and LibreOffice', (_name, c) => {
  const v = built.get(c.name) ?? {};
  expect(Object.keys(v)).toEqual(['exceljs', ...(haveOpenpyxl ? ['openpyxl'] : []), ...(soffice ? ['LibreOffice'] : [])]);
  const summary = Object.entries(v).map(([by, x]) => [by, x.refused, x.first?.code ?? null, x.first?.message ?? null]);
  const want = summary[0];
  for (const s of summary) expect(s).toEqual([s[0], c.refused, c.first, want?.[3]]);
  for (const x of Object.values(v)) c.then?.(x.read, x.all);
});
