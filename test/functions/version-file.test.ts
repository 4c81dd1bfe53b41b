// The original file of a version comes back under its own extension: a clerk's macro-enabled
// workbook (.xlsm) or a template (.xltx) named .xlsx is a file Excel refuses to open.
import { buildZip, unzipParts } from '../helpers/workbooks';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** A township's filled file with the workbook part declared as `type`, as Excel saves .xlsm/.xltx. */
async function saved(t: { id: string; name: string }, type: string): Promise<Uint8Array> {
  const parts = unzipParts((await filled(t, { seed: 3 })).bytes);
  const ct = parts.find((p) => p.name === '[Content_Types].xml');
  if (!ct) throw new Error('no [Content_Types].xml');
  ct.data = Buffer.from(ct.data).toString('utf8').replace(SHEET_MAIN, type);
  return buildZip(parts);
}

beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

it.each([
  [0, 'xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.12'],
  [1, 'xltx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template'],
  [2, 'xlsx', SHEET_MAIN, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
])('township %i: accepted, and downloaded as .%s exactly as uploaded', async (i, extension, type, mime) => {
  const t = TOWNSHIPS[i] as { id: string; name: string };
  const bytes = await saved(t, type);
  expect((await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: bytes })).status).toBe(201);
  const r = await st.call('GET', `/campaigns/c2026/townships/${t.id}/versions/1/file`, { token: st.county() });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe(mime);
  expect(decodeURIComponent((r.headers.get('content-disposition') ?? '').split("UTF-8''")[1] ?? '')).toBe(`2026年度${t.name}分类定级情况一览表（第1版）.${extension}`);
  expect(Buffer.from(await r.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
});
