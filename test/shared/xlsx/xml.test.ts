// Decoding the XML parts: a part's decoder is reused by later parts once it reached the end of
// its own, so what one part leaves behind (a BOM seen, a character cut at a 64 KB piece, a part
// refused halfway) must never show in the next part or the next workbook.
import { readWorkbook } from '../../../shared';
import { book, worksheet } from '../../helpers/hostile-zip';

const BOM = '\ufeff';
const names = Array.from({ length: 3000 }, (_, i) => `东山村第${i}党支部`);

/** Every part starting with a BOM; shared strings long enough that characters straddle 64 KB pieces. */
function bomBook(): Uint8Array {
  const rows = names.slice(0, 3).map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i * 999}</v></c></row>`).join('');
  return book({
    sheets: [{ xml: worksheet(rows) }, { xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>南岭社区</t></is></c></row>') }],
    sharedStrings: names,
    edit: (parts) => parts.map((p) => (typeof p.data === 'string' && p.name.endsWith('.xml') ? { ...p, data: BOM + p.data } : p)),
  });
}

const values = (r: Awaited<ReturnType<typeof readWorkbook>>) => r.model?.sheets.map((s) => s.rows.map((row) => row.cells[1]?.v));

test('parts starting with a BOM read the same, workbook after workbook', async () => {
  const expected = [[names[0], names[999], names[1998]], ['南岭社区']];
  for (let k = 0; k < 3; k++) {
    const r = await readWorkbook(bomBook());
    expect(r.issues).toEqual([]);
    expect(values(r)).toEqual(expected);
  }
});

test.each([
  ['ends inside a character', worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'), [0xe4, 0xb8], 'WORKBOOK_UNREADABLE'],
  ['holds a run of text over its bound', worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(32767 * 8 + 70000)}</t></is></c></row>`), [], 'XML_TEXT_TOO_LONG'],
])('after a sheet that %s is refused, the next workbook reads as before', async (_name, xml, tail, code) => {
  const data = Buffer.concat([Buffer.from(xml), Buffer.from(tail)]);
  const bad = await readWorkbook(book({ sheets: [{ xml }], edit: (p) => p.map((x) => (x.name.endsWith('sheet1.xml') ? { ...x, data } : x)) }));
  expect(bad.issues.map((i) => i.code)).toEqual([code]);
  const r = await readWorkbook(bomBook());
  expect(r.issues).toEqual([]);
  expect(values(r)?.[0]).toEqual([names[0], names[999], names[1998]]);
});

describe('elements: each costs the parser the same however empty', () => {
  const cells = '<row r="1"><c r="A1" t="inlineStr"><is><t>东山村党支部</t></is></c></row>';
  /** `n` empty elements, with a varying one every 500 so the part compresses under the ratio bound (as the tester's file did). */
  const padding = (n: number) => `<extLst>${Array.from({ length: n / 500 }, (_, i) => `${'<x/>'.repeat(499)}<y a="${((i * 2654435761) >>> 0).toString(16)}"/>`).join('')}</extLst>`;
  const limitOf = (r: Awaited<ReturnType<typeof readWorkbook>>) => Number(String(r.issues[0]?.params?.limit ?? '').replace(/,/g, ''));

  test('a sheet padded with empty elements its cells do not account for is refused within its first few hundred thousand; one whose cells account for them reads', async () => {
    // 140 MB of <x/> in an extLst took 20 s to parse; here a million, refused where the sheet's allowance ends.
    const r = await readWorkbook(book({ sheets: [{ xml: worksheet(cells, padding(1_000_000)) }] }));
    expect(r.issues.map((i) => [i.code, i.message.startsWith('工作簿中的 XML 元素过多（到部件“xl/worksheets/sheet1.xml”为止已超过 ')])).toEqual([['XML_TOO_MANY_ELEMENTS', true]]);
    expect(limitOf(r)).toBeLessThan(250_000);
    // A sheet of as many elements that its cells account for reads: cells of formatted inline text: a dozen elements each, as exceljs writes rich text.
    const rich = '<r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t>东山</t></r>';
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is>${rich.repeat(3)}</is></c></row>`).join('');
    const ok = await readWorkbook(book({ sheets: [{ xml: worksheet(rows, padding(150_000)) }] }));
    expect(ok.issues).toEqual([]);
    expect(ok.model?.sheets[0]?.rows).toHaveLength(2000);
  });

  test('the whole read has a bound of its own, from the cell, row, merge and style bounds', async () => {
    // With small bounds: 4 × 10 cells + 2 × 10 rows + 2 × 1 merge + 4 × 1 style + 100,000.
    const pad = padding(60_000);
    const r = await readWorkbook(book({ sheets: [{ xml: worksheet(cells, pad) }, { xml: worksheet(cells, pad) }] }), { maxCells: 10, maxRowsPerSheet: 10, maxMerges: 1, maxStyles: 1 });
    expect(r.issues.map((i) => [i.code, i.params?.entry])).toEqual([['XML_TOO_MANY_ELEMENTS', 'xl/worksheets/sheet2.xml']]);
    expect(limitOf(r)).toBe(100_066);
  });
});
