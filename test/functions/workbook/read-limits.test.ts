// The reader's bounds are server settings: READ_LIMITS (JSON) reaches the one reader the upload
// uses, and a bad value is refused when the settings are read.
import { parseReadLimits } from '../../../functions/src/config';
import { errorBodySchema } from '../../../shared/api/contract';
import { filled } from '../filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from '../stack';

test.each<[string, string | undefined, object | string]>([
  ['unset', undefined, {}],
  ['one bound', '{"maxRowsPerSheet":50000}', { maxRowsPerSheet: 50000 }],
  ['not JSON', '{maxRows', 'READ_LIMITS is not valid JSON'],
  ['an unknown key', '{"maxRows":5}', 'READ_LIMITS is not valid'],
  ['zero', '{"maxCells":0}', 'READ_LIMITS is not valid'],
])('READ_LIMITS %s', (_name, json, expected) => {
  if (typeof expected === 'string') expect(() => parseReadLimits(json)).toThrow(expected);
  else expect(parseReadLimits(json)).toEqual(expected);
});

describe('an upload is read with the configured bounds', () => {
  let st: Stack;
  const t = TOWNSHIPS[0]!;
  beforeAll(async () => {
    st = await startStack({ settings: { readLimits: { maxRowsPerSheet: 10 } } });
    expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  });
  afterAll(() => st.stop());

  it('refuses a 20-organization workbook over a 10-row bound with the bound in the message', async () => {
    const f = await filled(t, { seed: 2, n: 20 });
    const r = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: f.bytes });
    expect(r.status).toBe(422);
    const issues = errorBodySchema.parse(await r.json()).error.issues ?? [];
    expect(issues.map((i) => [i.code, i.message])).toEqual([['TOO_MANY_ROWS', '工作表“分类定级情况一览表”超过 10 行（上限），请删除多余的行或按乡镇拆分后分别上传']]);
  });
});
