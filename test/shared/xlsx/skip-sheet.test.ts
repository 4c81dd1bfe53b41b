// A sheet the caller never reads (the validator ignores the template's 汇总表) is verified, not
// parsed: it comes back without rows, and every guard an unparsed entry gets still refuses it.
import { readWorkbook } from '../../../shared';
import { book, worksheet, type HostilePart } from '../../helpers/hostile-zip';

const skipSummary = { skipSheet: (name: string) => name === '汇总表' };
const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>东山村党支部</t></is></c></row>';

test('a skipped sheet keeps its name and state, without rows; the others are read', async () => {
  const r = await readWorkbook(book({ sheets: [{ name: '一览表', xml: worksheet(rows) }, { name: '汇总表', xml: worksheet(rows), state: 'hidden' }] }), {}, skipSummary);
  expect(r.issues).toEqual([]);
  expect(r.model?.sheets.map((s) => [s.name, s.state, s.rows.length])).toEqual([
    ['一览表', 'visible', 1],
    ['汇总表', 'hidden', 0],
  ]);
});

test.each<[string, string, string]>([
  ['a DOCTYPE in a skipped sheet is still refused', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${worksheet(rows)}`, 'XML_DOCTYPE'],
])('%s', async (_name, xml, code) => {
  const r = await readWorkbook(book({ sheets: [{ name: '一览表', xml: worksheet(rows) }, { name: '汇总表', xml }] }), {}, skipSummary);
  expect(r.model).toBeNull();
  expect(r.issues.map((i) => i.code)).toEqual([code]);
});

test('a skipped sheet whose CRC lies is still refused', async () => {
  const lying = (parts: HostilePart[]) => parts.map((p) => (p.name === 'xl/worksheets/sheet2.xml' ? { ...p, central: { crc: 1 }, local: { crc: 1 } } : p));
  const r = await readWorkbook(book({ sheets: [{ name: '一览表', xml: worksheet(rows) }, { name: '汇总表', xml: worksheet(rows) }], edit: lying }), {}, skipSummary);
  expect(r.model).toBeNull();
  expect(r.issues.map((i) => i.code)).toEqual(['ZIP_SIZE_MISMATCH']);
});
