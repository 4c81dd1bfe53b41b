// Acceptance of the print standard (issue 11): the demo county's consolidated workbook and a filled
// township template, printed by LibreOffice to PDF, sheet by sheet and whole. Every page is A4,
// one table wide (the first and last column headers on every page), with the header repeated;
// 汇总表 of 12 townships is one page, 明细表 of 300 organizations at most 20 (body text of every
// sheet at least 8 pt on paper: fewer rows a page than the 6 pt of old). The first page of
// each sheet is written to test-artifacts/print/ to be looked at.
import { defaultScheme, detailForm, duplicatesForm, goodListForm, ledgerForm, poorDetailForm, poorListForm, quotaForm, statusForm, summaryForm, type FormContext } from '../../shared';
import { detailDef } from '../../shared/template/detail-sheet';
import { rectDef } from '../../shared/template/rect-sheet';
import { summaryDef } from '../../shared/template/summary-sheet';
import { fillTemplate } from '../../shared/template/fill';
import { generateTemplate } from '../../shared/template/generate';
import { sampleOrgs } from '../../shared/template/sample';
import { filled } from '../functions/filled';
import { startStack, type Stack } from '../functions/stack';
import { canPrint, pageText } from './office';
import { expectNumberedPerSheet, expectPrintsWell, print, type Printed } from './printed';

const maybe = canPrint ? describe : describe.skip;
if (!canPrint) console.warn('soffice or poppler-utils not found: skipping the print acceptance (CI installs libreoffice-calc and poppler-utils)');

/** The 12 townships of `npm run demo`: 北坪镇 reports nothing, 枫林镇 is returned. */
const TOWNSHIPS = [
  ['chengguan', '城关镇'], ['dongshan', '东山镇'], ['xihe', '西河乡'], ['nanling', '南岭乡'],
  ['beiping', '北坪镇'], ['shiqiao', '石桥镇'], ['liuxi', '柳溪乡'], ['fenglin', '枫林镇'],
  ['taoyuan', '桃园街道'], ['songpo', '松坡乡'], ['meiling', '梅岭镇'], ['lantian', '兰田乡'],
].map(([id, name]) => ({ id: id as string, name: name as string }));

maybe('the demo county’s consolidated workbook', () => {
  let st: Stack;
  let printed: Printed;
  let ctx: FormContext;
  beforeAll(async () => {
    st = await startStack();
    const body = { id: 'c2026', year: 2026, county: '青山县', deadline: '2099-04-25', townships: TOWNSHIPS };
    expect((await st.call('POST', '/campaigns', { token: st.county(), json: body })).status).toBe(201);
    // Ten townships of 30 organizations are counted (300), 枫林镇 is returned, 北坪镇 missing.
    let seed = 100;
    for (const t of TOWNSHIPS.filter((x) => x.id !== 'beiping')) {
      const f = await filled(t, { seed: seed++, n: 30 });
      expect((await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: f.bytes })).status).toBe(201);
    }
    expect((await st.call('POST', '/campaigns/c2026/townships/fenglin/review', { token: st.county(), json: { action: 'return', comment: '“好”的情况说明过于简单，请补充', version: 1 } })).status).toBe(200);
    const r = await st.call('GET', '/campaigns/c2026/consolidated', { token: st.county() });
    expect(r.status).toBe(200);
    const bytes = new Uint8Array(await r.arrayBuffer());
    printed = (await print({ county: bytes }, false)).county as Printed;
    ctx = { scheme: defaultScheme, county: '青山县', year: 2026, townships: TOWNSHIPS.map((t) => t.name), generatedAt: '2026-04-25 00:00' };
  }, 300_000);
  afterAll(() => st?.stop());

  test.each([
    ['汇总表', () => summaryForm(ctx, 10)],
    ['汇总表（按类别）', () => summaryForm(ctx, 10, 'category')],
    ['明细表', () => detailForm(ctx)],
    ['较差名单', () => poorListForm(ctx)],
    ['较差状况明细表', () => poorDetailForm(ctx)],
    ['好等次名单', () => goodListForm(ctx)],
    ['整改台账', () => ledgerForm(ctx)],
    ['比例检查', () => quotaForm(ctx)],
    ['报送情况', () => statusForm(ctx)],
    ['重复上报', () => duplicatesForm(ctx)],
  ])('%s prints on A4, one table wide, header on every page', (_name, def) => {
    expectPrintsWell(printed, def());
  });

  test('汇总表 of 12 townships is one page (and by category one); 明细表 of 300 organizations at most 20', () => {
    expect(printed.sheets.get('汇总表')?.pages.length).toBe(1);
    expect(printed.sheets.get('汇总表（按类别）')?.pages.length).toBe(1);
    const detail = printed.sheets.get('明细表')?.pages.length ?? 0;
    expect(detail).toBeGreaterThan(0);
    expect(detail).toBeLessThanOrEqual(20);
  });

  test('the whole workbook prints as the sum of its sheets (no empty pages)', () => {
    const sum = [...printed.sheets.values()].reduce((a, s) => a + s.pages.length, 0);
    expect(printed.whole.length).toBe(sum);
    expect(printed.whole.every((p) => p.paper === 'A4')).toBe(true);
  });

  test('printed whole, each form numbers its own pages from 1 under its name', () => {
    expectNumberedPerSheet(printed);
  });
});

maybe('a filled township template', () => {
  let printed: Printed;
  let blank: Printed;
  const t = { id: 'chengguan', name: '城关镇' };
  beforeAll(async () => {
    const s = defaultScheme;
    const sample = sampleOrgs(s, 60, 5, { prefix: '城关' });
    // A long 情况说明 must wrap inside its cell and grow the row, not run over the next rows.
    const o = sample.orgs[3];
    if (o) o.explanation = '该党组织班子团结，三会一课制度落实到位，阵地建设规范，群众满意度测评优秀率达到百分之九十五以上，经党委研究确定。';
    const roster = sample.orgs.map((x) => ({ name: String(x.name), category: String(x.category), orgType: String(x.orgType) }));
    const tpl = await generateTemplate({ scheme: s, year: 2026, county: '青山县', campaignId: 'c2026', township: t, roster });
    const bytes = await fillTemplate(tpl, { scheme: s, orgs: sample.orgs, rectifications: sample.rectifications, info: { township: t.name, filledBy: '王干事', phone: '0790-1234567', filledOn: new Date(Date.UTC(2026, 3, 20)) } });
    const blankTemplate = await generateTemplate({ scheme: s, year: 2026, county: '青山县', campaignId: 'c2026', township: t });
    const p = await print({ template: bytes, blank: blankTemplate }, false);
    printed = p.template as Printed;
    blank = p.blank as Printed;
  }, 300_000);

  test.each([
    ['分类定级情况一览表', () => detailDef(defaultScheme, '青山县', t.name, 2026)],
    ['汇总表', () => summaryDef(defaultScheme, t.name, 2026)],
    ['整改台账', () => rectDef(t.name, 2026)],
  ])('%s prints on A4, one table wide, header and signature lines on every page', (name, def) => {
    expectPrintsWell(printed, def());
    const got = printed.sheets.get(name);
    got?.pages.forEach((_, i) => expect(pageText(got.pdf, i + 1).replace(/\s+/g, '')).toContain('审核人（签字）：'));
  });

  test('the 一览表 of 60 organizations and 5 blank rows prints on 4 pages, the 汇总表 on 1', () => {
    expect(printed.sheets.get('分类定级情况一览表')?.pages.length).toBe(4);
    expect(printed.sheets.get('汇总表')?.pages.length).toBe(1);
  });

  test('a blank template prints one page per sheet (no pages of empty rows)', () => {
    expect([...blank.sheets].map(([n, x]) => [n, x.pages.length])).toEqual([
      ['分类定级情况一览表', 1],
      ['汇总表', 1],
      ['整改台账', 1],
    ]);
    expect(blank.whole).toHaveLength(3);
  });

  test('printed whole, each sheet numbers its own pages from 1 under its name', () => {
    expectNumberedPerSheet(printed);
  });
});
