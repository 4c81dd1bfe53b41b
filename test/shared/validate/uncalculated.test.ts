// Formulas saved without their results (a script filled the template; no spreadsheet calculated
// it). The engine recalculates only formulas it can vouch for — the template's own for the row,
// or a plain sum of the row's scores; any other formula's value only a spreadsheet can tell, and
// the upload says which cell to open and save. A LibreOffice re-save of the same file is then
// judged by the values it shows.
import { DETAIL_SHEET as D, defaultScheme as S, readSubmission, sampleOrgs, type Issue } from '../../../shared';
import { infoEdits, orgsEdits, rectEdits, type Edit } from '../../helpers/clerk-edits';
import { haveOpenpyxl, resavedByLibreOffice, soffice, viaOpenpyxl } from '../../helpers/clerk-files';
import { INFO, template } from '../../helpers/workbooks';

const base = sampleOrgs(S, 10, 7);
const filled: Edit[] = [...infoEdits(S, INFO), ...orgsEdits(S, base.orgs), ...rectEdits(base.rectifications)];
// Row 8 is 北坪村党支部 (the template's rows start at 5).
const ROW8 = base.orgs[3]?.name ?? '';

const CASES: Array<{ name: string; edits: Edit[] }> = [
  { name: 'the template filled by a script', edits: filled },
  { name: 'a total summing six of the seven indicators', edits: [...filled, { op: 'set', sheet: D, cell: 'O8', value: { formula: 'SUM(H8:M8)' } }] },
  { name: 'a score typed as a formula', edits: [...filled, { op: 'set', sheet: D, cell: 'H8', value: { formula: '7.5+7.5' } }] },
  { name: 'a grade typed as a formula', edits: [...filled, { op: 'set', sheet: D, cell: 'R8', value: { formula: '"好"' } }] },
  { name: 'a row inserted by the script above the organizations of rows 7–', edits: [...filled, { op: 'insertRow', sheet: D, row: 7 }] },
];

const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.cell ?? ''}`);

(haveOpenpyxl ? describe : describe.skip)('openpyxl', () => {
  let files: Uint8Array[] = [];
  beforeAll(async () => {
    const t = await template(S, 30);
    files = viaOpenpyxl(CASES.map((c) => ({ template: t, edits: c.edits })));
  }, 120_000);
  const read = async (i: number) => readSubmission(files[i] as Uint8Array, S);

  test('the template\'s own formulas are recalculated, with a note per column', async () => {
    const r = await read(0);
    expect(errors(r.issues)).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'FORMULA_NO_RESULT').map((i) => i.cell)).toEqual(['O5', 'R5']);
    expect(r.submission?.orgs[3]).toMatchObject({ name: ROW8, total: (base.orgs[3]?.scores as number[]).reduce((a, b) => a + b, 0) });
  });

  test('a total that leaves out an indicator is refused at its cell, quoting the formula', async () => {
    const r = await read(1);
    expect(errors(r.issues)).toEqual(['FORMULA_UNVERIFIED@O8']);
    const e = r.issues.find((i) => i.code === 'FORMULA_UNVERIFIED');
    expect(e?.org).toBe(ROW8);
    expect(e?.message).toContain('总分公式“=SUM(H8:M8)”没有计算结果');
  });

  test('a score that is a formula is not "未填写"', async () => {
    const r = await read(2);
    expect(errors(r.issues)).toEqual(['FORMULA_NO_VALUE@H8']);
    expect(r.issues.find((i) => i.code === 'FORMULA_NO_VALUE')?.message).toContain('单元格是公式“=7.5+7.5”');
  });

  test('a grade formula of its own is refused', async () => {
    expect(errors((await read(3)).issues)).toEqual(['FORMULA_UNVERIFIED@R8']);
  });

  test('formulas left pointing at the rows above after a row was inserted are refused, row by row', async () => {
    const r = await read(4);
    const e = errors(r.issues);
    // Rows 8–15 hold the organizations of rows 7–14, their formulas still those of rows 7–14.
    expect(e).toContain('FORMULA_UNVERIFIED@O8');
    expect(e.filter((x) => x.startsWith('FORMULA_UNVERIFIED@O')).length).toBe(base.orgs.length - 2);
  });

  (soffice ? test : test.skip)('re-saved by LibreOffice, the same files are judged by the values they show', async () => {
    const [own, six] = resavedByLibreOffice([files[0] as Uint8Array, files[1] as Uint8Array]);
    expect(errors((await readSubmission(own as Uint8Array, S)).issues)).toEqual([]);
    expect(errors((await readSubmission(six as Uint8Array, S)).issues)).toEqual(['TOTAL_MISMATCH@O8']);
  }, 120_000);
});
