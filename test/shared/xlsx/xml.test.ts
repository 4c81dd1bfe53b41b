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
