// What each kind of cell XML becomes in the sheet model: one case per row of the table, each a
// workbook built part by part and read through the one reader.
import { readWorkbook, type SheetCell, type SheetModel } from '../../../shared';
import { book, styles, worksheet } from '../../helpers/hostile-zip';

async function sheetOf(rows: string, opts: { sst?: string[] | string; styles?: string; date1904?: boolean; recalcOnLoad?: boolean; after?: string } = {}): Promise<SheetModel> {
  const r = await readWorkbook(
    book({
      sheets: [{ xml: worksheet(rows, opts.after) }],
      ...(opts.sst !== undefined ? { sharedStrings: opts.sst } : {}),
      ...(opts.styles !== undefined ? { styles: opts.styles } : {}),
      ...(opts.date1904 ? { date1904: true } : {}),
      ...(opts.recalcOnLoad ? { recalcOnLoad: true } : {}),
    }),
  );
  expect(r.issues).toEqual([]);
  return r.model!.sheets[0]!;
}

async function cellOf(cellXml: string, opts: Parameters<typeof sheetOf>[1] = {}): Promise<SheetCell | undefined> {
  const s = await sheetOf(`<row r="1">${cellXml}</row>`, opts);
  return s.rows[0]?.cells[1];
}

const dateStyles = styles([0, 14, 164, 31, 165, 166], { 164: 'yyyy\\-mm\\-dd', 165: '0.00"天"', 166: '[h]:mm' });
// Conditional formats' own number formats, numbered from 164 as openpyxl numbers them, in <dxfs>
// and in x14's <dxfs> under extLst: they are not the cells' formats of the same ids.
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const withDxfs = dateStyles.replace(
  '</styleSheet>',
  '<dxfs count="2"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf><dxf><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></dxf></dxfs>' +
    `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDCF7C0D}" xmlns:x14="${X14}"><x14:dxfs count="1"><x14:dxf><numFmt numFmtId="164" formatCode="0"/></x14:dxf></x14:dxfs></ext></extLst></styleSheet>`,
);

test.each<[string, string, Parameters<typeof sheetOf>[1], SheetCell | undefined]>([
  ['a shared string', '<c r="A1" t="s"><v>1</v></c>', { sst: ['甲', '东山村党支部'] }, { v: '东山村党支部' }],
  ['a rich-text shared string, phonetic guide left out', '<c r="A1" t="s"><v>0</v></c>', { sst: '<sst><si><r><t>西河村</t></r><r><rPr><b/></rPr><t>党支部</t></r><rPh sb="0" eb="1"><t>にし</t></rPh></si></sst>' }, { v: '西河村党支部' }],
  ['an inline string', '<c r="A1" t="inlineStr"><is><t>南岭社区党支部</t></is></c>', {}, { v: '南岭社区党支部' }],
  ['an inline rich-text string', '<c r="A1" t="inlineStr"><is><r><t>较</t></r><r><t>好</t></r></is></c>', {}, { v: '较好' }],
  ['a blank string is no cell', '<c r="A1" t="inlineStr"><is><t xml:space="preserve">   </t></is></c>', {}, undefined],
  ['a number', '<c r="A1"><v>92.5</v></c>', {}, { v: 92.5 }],
  ['a number in exponent form', '<c r="A1"><v>1.5E+2</v></c>', {}, { v: 150 }],
  ['a number with whitespace around it (pretty-printed XML)', '<c r="A1"><v>\n  92.5 \t</v></c>', {}, { v: 92.5 }],
  ['whitespace only is no value', '<c r="A1"><v> \n </v></c>', {}, undefined],
  ['a shared-string index with whitespace around it', '<c r="A1" t="s"><v> 1\n</v></c>', { sst: ['甲', '东山村党支部'] }, { v: '东山村党支部' }],
  ['a formula result with whitespace around it', '<c r="A1"><f>B1</f><v>\n90\n</v></c>', {}, { v: 90, formula: 'B1' }],
  ['a formula whose result is only whitespace was not calculated', '<c r="A1"><f>B1</f><v> </v></c>', {}, { v: null, formula: 'B1', noResult: true }],
  ['a styled empty cell is no cell', '<c r="A1" s="1"/>', { styles: dateStyles }, undefined],
  ['a date by built-in format 14', '<c r="A1" s="1"><v>46132</v></c>', { styles: dateStyles }, { v: new Date(Date.UTC(2026, 3, 20)) }],
  ['a date by a custom format', '<c r="A1" s="2"><v>46132</v></c>', { styles: dateStyles }, { v: new Date(Date.UTC(2026, 3, 20)) }],
  ['a date by the Chinese built-in format 31', '<c r="A1" s="3"><v>46132</v></c>', { styles: dateStyles }, { v: new Date(Date.UTC(2026, 3, 20)) }],
  ['a quoted 天 is not a date', '<c r="A1" s="4"><v>3</v></c>', { styles: dateStyles }, { v: 3 }],
  ['elapsed hours are a time', '<c r="A1" s="5"><v>0.5</v></c>', { styles: dateStyles }, { v: new Date(Date.UTC(1899, 11, 30, 12)) }],
  ['a date by a custom format, conditional formats numbering theirs alike', '<c r="A1" s="2"><v>46132</v></c>', { styles: withDxfs }, { v: new Date(Date.UTC(2026, 3, 20)) }],
  ['a number stays a number when a conditional format gives its id a date', '<c r="A1" s="4"><v>3</v></c>', { styles: withDxfs }, { v: 3 }],
  ['a date in the 1904 system', '<c r="A1" s="1"><v>44670</v></c>', { styles: dateStyles, date1904: true }, { v: new Date(Date.UTC(2026, 3, 20)) }],
  ['an ISO date (t="d")', '<c r="A1" t="d"><v>2026-04-20T00:00:00</v></c>', {}, { v: new Date(Date.UTC(2026, 3, 20)) }],
  ['a boolean', '<c r="A1" t="b"><v>1</v></c>', {}, { v: true }],
  ['an error value', '<c r="A1" t="e"><v>#DIV/0!</v></c>', {}, { v: null, error: '#DIV/0!' }],
  ['a formula with its result', '<c r="A1"><f>SUM(B1:C1)</f><v>90</v></c>', {}, { v: 90, formula: 'SUM(B1:C1)' }],
  ['a formula with a cached 0', '<c r="A1"><f>B1</f><v>0</v></c>', {}, { v: 0, formula: 'B1' }],
  ['a formula never calculated', '<c r="A1"><f>SUM(B1:C1)</f></c>', {}, { v: null, formula: 'SUM(B1:C1)', noResult: true }],
  ['a text formula that gave ""', '<c r="A1" t="str"><f>IF(B1="","",B1)</f><v></v></c>', {}, { v: null, formula: 'IF(B1="","",B1)' }],
  ['a text formula result', '<c r="A1" t="str"><f>B1</f><v>较好</v></c>', {}, { v: '较好', formula: 'B1' }],
  ['a text formula result kept in the shared strings (Gnumeric)', '<c r="A1" t="s"><f>B1</f><v>1</v></c>', { sst: ['好', '较好'] }, { v: '较好', formula: 'B1' }],
  ['a text formula that gave "", kept in the shared strings (Gnumeric)', '<c r="A1" t="s"><f>B1</f><v>0</v></c>', { sst: [''] }, { v: null, formula: 'B1' }],
  ['a result the workbook recalculates on opening is not its value (xlsxwriter saves 0)', '<c r="A1"><f>SUM(B1:C1)</f><v>0</v></c>', { recalcOnLoad: true }, { v: null, formula: 'SUM(B1:C1)', noResult: true }],
  ['a calculated result is kept when the workbook recalculates on opening', '<c r="A1"><f>SUM(B1:C1)</f><v>87.5</v></c>', { recalcOnLoad: true }, { v: 87.5, formula: 'SUM(B1:C1)' }],
  ['a calculated text result is kept when the workbook recalculates on opening', '<c r="A1" t="str"><f>B1</f><v>较好</v></c>', { recalcOnLoad: true }, { v: '较好', formula: 'B1' }],
  ['a value stays a value when the workbook recalculates on opening', '<c r="A1"><v>92.5</v></c>', { recalcOnLoad: true }, { v: 92.5 }],
  ['a formula giving an error', '<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>', {}, { v: null, formula: '1/0', error: '#DIV/0!' }],
  ['a boolean formula', '<c r="A1" t="b"><f>B1&gt;1</f><v>0</v></c>', {}, { v: false, formula: 'B1>1' }],
  ['a date formula as Strict Open XML saves it (ISO text)', '<c r="A1" s="1" t="d"><f>TODAY()</f><v>2026-04-20T00:00:00</v></c>', { styles: dateStyles }, { v: new Date(Date.UTC(2026, 3, 20)), formula: 'TODAY()' }],
  ['_x000D_ is a carriage return', '<c r="A1" t="inlineStr"><is><t>第一行_x000D_\n第二行</t></is></c>', {}, { v: '第一行\r\n第二行' }],
  ['_x005F_ keeps an escape literal', '<c r="A1" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>', {}, { v: '_x0041_' }],
  ['an escape in a shared string', '<c r="A1" t="s"><v>0</v></c>', { sst: ['制度_x000A_执行'] }, { v: '制度\n执行' }],
  ['text that only looks like an escape', '<c r="A1" t="inlineStr"><is><t>_x12_ _xZZZZ_</t></is></c>', {}, { v: '_x12_ _xZZZZ_' }],
])('%s', async (_name, xml, opts, expected) => {
  expect(await cellOf(xml, opts)).toEqual(expected);
});

test('a cell filled down from a shared formula is a formula cell with its cached result and its own references', async () => {
  const s = await sheetOf('<row r="5"><c r="O5"><f t="shared" ref="O5:O6" si="0">SUM(H5:N5)</f><v>88</v></c></row><row r="6"><c r="O6"><f t="shared" si="0"/><v>91</v></c></row>');
  expect(s.rows.map((r) => r.cells[15])).toEqual([
    { v: 88, formula: 'SUM(H5:N5)' },
    { v: 91, formula: 'SUM(H6:N6)' },
  ]);
});

test('rows keep their numbers, absent rows stay absent, hidden rows are marked', async () => {
  const s = await sheetOf('<row r="2"><c r="B2"><v>1</v></c></row><row r="3" hidden="1"><c r="A3"><v>2</v></c></row><row r="4"><c r="A4" s="0"/></row><row r="9"><c r="C9"><v>3</v></c></row>');
  expect(s.rows.map((r) => [r.row, r.hidden ?? false, r.cells.length])).toEqual([
    [2, false, 3],
    [3, true, 2],
    [9, false, 4],
  ]);
});

test('rows and cells without an r attribute follow the previous one', async () => {
  const s = await sheetOf('<row r="3"><c><v>1</v></c><c><v>2</v></c></row><row><c r="C4"><v>3</v></c><c><v>4</v></c></row>');
  expect(s.rows.map((r) => [r.row, r.cells.map((c, i) => (c ? `${i}:${String(c.v)}` : '')).filter(Boolean)])).toEqual([
    [3, ['1:1', '2:2']],
    [4, ['3:3', '4:4']],
  ]);
});

test('a merged range keeps its value in the top-left cell only and is listed', async () => {
  const s = await sheetOf(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>藏在合并区域下</t></is></c></row><row r="2"><c r="A2"><v>7</v></c><c r="D2"><v>1</v></c></row><row r="3"><c r="D3"><v>2</v></c></row>',
    { after: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D2:D3"/></mergeCells>' },
  );
  expect(s.merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 3 },
    { top: 2, left: 4, bottom: 3, right: 4 },
  ]);
  expect(s.rows.map((r) => [r.row, r.cells.map((c) => c?.v).filter((x) => x !== undefined)])).toEqual([
    [1, ['标题']],
    [2, [7, 1]],
  ]);
});

test('sheets come in workbook order with their names and states, wherever their parts sit in the zip', async () => {
  const r = await readWorkbook(
    book({
      sheets: [
        { name: '一览表', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: '_meta', xml: worksheet(''), state: 'veryHidden' },
        { name: '旧表', xml: worksheet(''), state: 'hidden' },
      ],
      // Worksheets first, workbook.xml last: read by local headers, the order does not matter.
      edit: (parts) => [...parts.filter((p) => p.name.includes('worksheets/')), ...parts.filter((p) => !p.name.includes('worksheets/'))],
    }),
  );
  expect(r.issues).toEqual([]);
  expect(r.model!.sheets.map((s) => [s.name, s.state])).toEqual([
    ['一览表', 'visible'],
    ['_meta', 'veryHidden'],
    ['旧表', 'hidden'],
  ]);
});

test('entries with data descriptors (sizes after the data) are read', async () => {
  const r = await readWorkbook(book({ sheets: [{ xml: worksheet('<row r="1"><c r="A1"><v>5</v></c></row>') }], edit: (parts) => parts.map((p, i) => ({ ...p, descriptor: { signature: i % 2 === 0 } })) }));
  expect(r.issues).toEqual([]);
  expect(r.model!.sheets[0]!.rows[0]!.cells[1]).toEqual({ v: 5 });
});
