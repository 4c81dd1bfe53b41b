// The task pane bundles exceljs's browser build (webpack alias exceljs → exceljs/dist/exceljs.min.js).
// The same shared code must generate, fill and read with it: nothing may lean on the Node build.
jest.mock('exceljs', () => jest.requireActual('exceljs/dist/exceljs.min.js'));

import { defaultScheme, fillTemplate, generateTemplate, readSubmission, sampleOrgs } from '../../../shared';

test('generate → fill → read with the browser build of exceljs gives zero issues', async () => {
  const t = await generateTemplate({ scheme: defaultScheme, year: 2026, county: '某某县', campaignId: 'c2026', township: { id: 't1', name: '城关镇' } });
  expect(t).toBeInstanceOf(Uint8Array);
  const s = sampleOrgs(defaultScheme, 30, 3);
  const filled = await fillTemplate(t, {
    scheme: defaultScheme,
    info: { township: '城关镇党委', filledBy: '张三', phone: '1', filledOn: '2026-04-20' },
    orgs: s.orgs,
    rectifications: s.rectifications,
  });
  const r = await readSubmission(filled, defaultScheme);
  expect(r.issues).toEqual([]);
  expect(r.submission?.orgs).toHaveLength(30);
  expect(r.submission?.townshipId).toBe('t1');
});
