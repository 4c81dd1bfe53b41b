// A cell refused while reading (a character no workbook may hold, as Excel saves one pasted from
// Word: a manual line break is U+000B, written `_x000B_`) is refused at its cell with the
// organization of its row, in the list and in the ledger, as every row-level message is.
// (北坪村 is row 8 of the list; the ledger's lines 4–6 are 上塘村, 下湾村, 枫林有限公司.)
import { DETAIL_SHEET as D, RECT_SHEET as R, defaultScheme as S, readSubmission } from '../../../shared';
import { buildZip, filledWorkbook, unzipParts } from '../../helpers/workbooks';

/** The filled file with one shared string changed as Excel would save it. */
async function withSharedString(from: string, to: string): Promise<Uint8Array> {
  const parts = unzipParts(await filledWorkbook({ n: 10 }));
  const sst = parts.find((p) => p.name === 'xl/sharedStrings.xml');
  if (!sst) throw new Error('no shared strings');
  const xml = Buffer.from(sst.data).toString('utf8');
  if (!xml.includes(`>${from}<`)) throw new Error(`no shared string ${from}`);
  sst.data = xml.replace(`>${from}<`, `>${to}<`);
  return buildZip(parts);
}

const located = async (bytes: Uint8Array) => (await readSubmission(bytes, S)).issues.map((i) => [i.code, i.sheet, i.cell, i.org, i.message]);

test.each<[string, string, string, Array<[string, string, string, string | undefined, string]>]>([
  [
    'a name with a line break pasted from Word',
    '北坪村党支部',
    '北坪村党支部_x000B_',
    [['CELL_INVALID_CHAR', D, 'B8', '北坪村党支部', `工作表“${D}”第 8 行“北坪村党支部”，B8 单元格：单元格含有电子表格不允许保存的字符（U+000B），读取时已将其去掉；请删除该字符（可重新输入该单元格内容）后再上传`]],
  ],
  [
    'a bell character in a ledger measure shared by three lines',
    '落实“三会一课”制度，改善活动阵地',
    '落实“三会一课”制度_x0007_，改善活动阵地',
    [
      ['CELL_INVALID_CHAR', R, 'E4', '上塘村党支部', `工作表“${R}”第 4 行“上塘村党支部”，E4 单元格：单元格含有电子表格不允许保存的字符（U+0007），读取时已将其去掉；请删除该字符（可重新输入该单元格内容）后再上传`],
      ['CELL_INVALID_CHAR', R, 'E5', '下湾村党支部', expect.stringContaining('第 5 行“下湾村党支部”，E5 单元格') as unknown as string],
      ['CELL_INVALID_CHAR', R, 'E6', '枫林有限公司党支部', expect.stringContaining('第 6 行“枫林有限公司党支部”，E6 单元格') as unknown as string],
    ],
  ],
  [
    'a cell above the list keeps its place without an organization',
    '填报人：',
    '填报人_x0001_：',
    [['CELL_INVALID_CHAR', D, 'E2', undefined, expect.stringMatching(new RegExp(`^工作表“${D}”E2 单元格：`)) as unknown as string]],
  ],
])('%s', async (_name, from, to, expected) => {
  expect(await located(await withSharedString(from, to))).toEqual(expected);
});
