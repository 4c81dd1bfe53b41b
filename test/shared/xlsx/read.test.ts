// The DOCTYPE scan of parts nobody parses (drawings, VML): `<!DOCTYPE` and `<!ENTITY` are refused
// in any case, wherever they sit, across the 64 KB pieces the part is inflated in; other `<!`
// (comments, CDATA) are not. Each marker is placed so that its `<` falls on every byte around
// the first piece boundary, in a stored part and a deflated one.
import { readWorkbook } from '../../../shared';
import { book, worksheet } from '../../helpers/hostile-zip';

const PIECE = 65536;

function withVml(marker: string, lt: number, store: boolean): Uint8Array {
  const data = `<xml>${'x'.repeat(lt - 5)}${marker}<v:shape/></xml>`;
  return book({ sheets: [{ xml: worksheet('') }], edit: (p) => [...p, { name: 'xl/drawings/vmlDrawing1.vml', data, store }] });
}

const OFFSETS = [0, 1, 2, 3, 5, 8, 9, 10, 11].map((k) => PIECE - k).concat([PIECE, PIECE + 1, 5]);

test.each([
  ['<!DOCTYPE x>', 'XML_DOCTYPE'],
  ['<!doctype x>', 'XML_DOCTYPE'],
  ['<!ENTITY e "x">', 'XML_DOCTYPE'],
  ['<!Entity e "x">', 'XML_DOCTYPE'],
  ['<!-- a comment -->', null],
  ['<![CDATA[<!]]>', null],
  ['! <DOCTYPE', null],
  ['<!DOCTYP', null],
])('%p in a VML part, its "<" on each byte around a piece boundary, stored and deflated', async (marker, code) => {
  const got: Array<[number, boolean, string[]]> = [];
  for (const at of OFFSETS) for (const store of [true, false]) got.push([at, store, (await readWorkbook(withVml(marker, at, store))).issues.map((i) => i.code)]);
  expect(got).toEqual(OFFSETS.flatMap((at) => [true, false].map((store) => [at, store, code ? [code] : []])));
});

test('a part ending in "<!" is read', async () => {
  const bytes = book({ sheets: [{ xml: worksheet('') }], edit: (p) => [...p, { name: 'xl/drawings/vmlDrawing1.vml', data: '<xml/><!' }] });
  expect((await readWorkbook(bytes)).issues).toEqual([]);
});
