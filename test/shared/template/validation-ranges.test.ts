// A template loaded and saved again (a 回头看's template, the demo's files) keeps its data
// validations exactly, each cell in at most one: exceljs wrote every column's run twice (D10:D34
// and D5:D34), which Excel opens only with a repair that drops them.
import { strFromU8, unzipSync } from 'fflate';
import { defaultScheme } from '../../../shared';
import type { ExcelJS } from '../../../shared/template/excel';
import { fillTemplate } from '../../../shared/template/fill';
import { generateTemplate } from '../../../shared/template/generate';
import { sampleOrgs } from '../../../shared/template/sample';
import { exactValidationRanges } from '../../../shared/template/validation-ranges';
import { colLetter, parseCell } from '../../../shared/workbook/a1';

/** Every worksheet's validation ranges, as written. */
function validationRanges(bytes: Uint8Array): Map<string, string[]> {
  const files = unzipSync(bytes);
  const out = new Map<string, string[]>();
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    const refs = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    out.set(name, refs);
  }
  return out;
}

/** The cells of "D5:D34" / "P5:Q34" / "A5". */
function cells(ref: string): string[] {
  const [a, b = a] = ref.split(':') as [string, string?];
  const p = (x: string) => {
    const c = parseCell(x);
    if (!c) throw new Error(`not a cell: ${x}`);
    return c;
  };
  const s = p(a);
  const e = p(b);
  const out: string[] = [];
  for (let c = s.col; c <= e.col; c++) for (let r = s.row; r <= e.row; r++) out.push(`${colLetter(c)}${r}`);
  return out;
}

const covered = (refs: string[]) => refs.flatMap(cells);

describe('data validations of a workbook saved again', () => {
  let template: Uint8Array;
  beforeAll(async () => {
    template = await generateTemplate({ scheme: defaultScheme, year: 2026, county: '青山县', campaignId: 'c2026', township: { id: 't1', name: '东山镇' } });
  });

  test.each([0, 3, 30])('filled with %d organizations: the template’s cells, none in two validations', async (n) => {
    const s = sampleOrgs(defaultScheme, n, 1, { prefix: '东山' });
    const filled = await fillTemplate(template, { scheme: defaultScheme, orgs: s.orgs, rectifications: s.rectifications, info: { township: '东山镇' } });
    const before = validationRanges(template);
    const after = validationRanges(filled);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [sheet, refs] of after) {
      const all = covered(refs);
      expect({ sheet, twice: all.filter((c, i) => all.indexOf(c) !== i) }).toEqual({ sheet, twice: [] });
      expect(new Set(all)).toEqual(new Set(covered(before.get(sheet) ?? [])));
    }
  });

  test.each<[string, Record<string, string>, string[]]>([
    // [case, cell → validation, ranges written]
    ['a column run of one validation', Object.fromEntries([5, 6, 7, 10, 11].map((r) => [`D${r}`, 'x'])), ['D5:D7', 'D10:D11']],
    ['rows 5 to 34: one range, not D10:D34 and D5:D34', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`D${i + 5}`, 'x'])), ['D5:D34']],
    ['two columns alike: a range each', { P5: 'y', P6: 'y', Q5: 'y', Q6: 'y' }, ['P5:P6', 'Q5:Q6']],
    ['two validations in one column', { D5: 'x', D6: 'x', D7: 'z', D8: 'x' }, ['D5:D6', 'D8', 'D7']],
    ['a range already written as one stays', { 'E5:E9': 'x' }, ['E5:E9']],
  ])('%s', (_case, byCell, want) => {
    const v = (k: string): ExcelJS.DataValidation => ({ type: 'list', allowBlank: true, formulae: [`"${k}"`] });
    const model = Object.fromEntries(Object.entries(byCell).map(([addr, k]) => [addr, v(k)]));
    const ws = { dataValidations: { model } } as unknown as ExcelJS.Worksheet;
    exactValidationRanges(ws);
    expect(Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model)).toEqual(want);
  });
});
