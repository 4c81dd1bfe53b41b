// The Excel custom functions (namespace DJ, 定级). Their JSDoc is their API: the webpack plugin
// custom-functions-metadata-plugin reads it to write functions.json and appends the
// CustomFunctions.associate(id, fn) calls to this file when bundling. English text here is the
// default metadata; addin/functions/locale/zh-CN.json gives the Chinese one (functions.zh-CN.json).
// Logic lives in grade-core.ts and quota-core.ts; this file only converts results and errors for Excel.
import { issueText } from '../../shared/issues/catalogue';
import { gradeCore, type GradeCell } from './grade-core';
import { quotaCheckCore, quotaTableCore } from './quota-core';
import { FnInputError } from './values';

/**
 * Grades Party organizations under the county's standard: one total, a column of totals, or rows of indicator scores (one row per organization). Returns one grade, or a column of grades that spills.
 * @customfunction GRADE
 * @param scores A total (92, "92分", "９２"), a column of totals, or rows with one score per indicator (7 columns in the default standard). Blank rows and a header row taken with the range stay blank; the spill ends at the last filled row, so a whole column (O:O) works.
 * @param [forcedBottom] Involved in 三打两建 problems (是/否): one cell for every row, or a column beside the scores. 是 means 较差 whatever the score.
 * @param [newlyEstablished] Newly established organization (是/否): one cell for every row, or a column beside the scores. It cannot be graded 好.
 * @param [scheme] The grading standard: default6 (the default, 六类) or yichun5 (宜春五类), by id or by that Chinese name, or a county's standard as JSON text.
 * @param invocation Supplied by Excel: the addresses of the arguments, so messages name the sheet row and cell.
 * @requiresParameterAddresses
 * @returns The grade of each row (好, 较好, 一般 or 较差). A row with bad input shows #VALUE! with a Chinese message.
 */
export function grade(
  scores: unknown[][],
  forcedBottom: unknown[][],
  newlyEstablished: unknown[][],
  scheme: string,
  invocation: CustomFunctions.Invocation,
): unknown[][] {
  let cells: GradeCell[][];
  try {
    cells = gradeCore({ scores, forcedBottom, newlyEstablished, scheme, addresses: invocation?.parameterAddresses ?? null });
  } catch (e) {
    throw excelError(e);
  }
  const only = cells.length === 1 ? cells[0]?.[0] : undefined;
  // A single cell shows its error directly; in a spill each bad row carries its own error.
  if (only !== undefined && typeof only !== 'string') throw excelError(new FnInputError(only.problem));
  return cells.map((row) => row.map((c) => (typeof c === 'string' ? c : valueError(c.problem))));
}

/**
 * Checks the shares of grades against the quota rules (好 at most 20 %, raised for some categories; 较差 around 10 %) and returns a one-line verdict in Chinese.
 * @customfunction QUOTA_CHECK
 * @param grades The grades to count (好/较好/一般/较差, Simplified or Traditional). Blank cells and the 等次 header are skipped; rows hidden by a filter are counted too (Excel passes them), while an upload reads visible rows only.
 * @param [categories] The category of each organization, a range the same size as grades (or one cell for all): agencies may have a raised cap for 好.
 * @param [scheme] The grading standard: default6 (the default, 六类) or yichun5 (宜春五类), by id or by that Chinese name, or a county's standard as JSON text.
 * @returns Counts and shares per grade, then whether the quotas are met and what is off.
 */
export function quotaCheck(grades: unknown[][], categories: unknown[][], scheme: string): string {
  try {
    return quotaCheckCore({ grades, categories, scheme });
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * The counts and shares behind QUOTA_CHECK as a table that spills: grade, count, share, requirement, verdict; then the total and any blanks or unrecognized labels.
 * @customfunction QUOTA_TABLE
 * @param grades The grades to count (好/较好/一般/较差, Simplified or Traditional). Blank cells and the 等次 header are skipped; rows hidden by a filter are counted too (Excel passes them), while an upload reads visible rows only.
 * @param [categories] The category of each organization, a range the same size as grades (or one cell for all).
 * @param [scheme] The grading standard: default6 (the default, 六类) or yichun5 (宜春五类), by id or by that Chinese name, or a county's standard as JSON text.
 * @returns A table with five columns: 等次, 个数, 占比, 要求, 结论.
 */
export function quotaTable(grades: unknown[][], categories: unknown[][], scheme: string): unknown[][] {
  try {
    return quotaTableCore({ grades, categories, scheme });
  } catch (e) {
    throw excelError(e);
  }
}

function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * Users get a Chinese message, never a stack trace; unexpected faults say so. A fault's own text is
 * the engine's English (“Cannot read properties of undefined…”): only its kind is shown, as a code
 * to pass on, and the fault goes to the console for whoever debugs it.
 */
function excelError(e: unknown): CustomFunctions.Error {
  if (e instanceof FnInputError) return valueError(e.message);
  console.error('分类定级：自定义函数出错', e);
  const said = e instanceof Error ? e.message : String(e);
  const detail = /[\u4e00-\u9fff]/.test(said) ? said : `内部错误，代码 ${e instanceof Error ? e.name : typeof e}`;
  return valueError(issueText('FN_INTERNAL', { detail }));
}
