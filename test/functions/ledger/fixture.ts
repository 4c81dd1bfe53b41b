// Filled workbooks for the year-after tests over HTTP: organizations by name, category and total
// (scores spread over the default standard's indicators), ledger lines, and edits of the lines a
// template came pre-filled with (by their 台账编号). The grades are the county's bands: 95 好,
// 85 较好, 70 一般, 50 较差.
import { defaultScheme } from '../../../shared';
import { fillTemplate, type FillOrg, type FillRect } from '../../../shared/template/fill';
import type { Stack } from '../stack';

export const GOOD = 95;
export const FAIR = 85;
export const AVERAGE = 70;
export const POOR = 50;

export interface Org {
  name: string;
  /** Category name as clerks write it (村, 社区, 非公有制经济组织, 机关事业单位). */
  category: string;
  total: number;
}

/** Scores adding to `total`, each within its indicator's maximum. */
/** The township most ledger tests report as, and its roster: a 较差 and an 一般 village (TWO_ORGS), and a 较好 enterprise (THREE_ORGS). */
export const DONGSHAN = { id: 'dongshan', name: '东山镇' };
export const TWO_ORGS: readonly Org[] = [
  { name: '东山村党支部', category: '村', total: POOR },
  { name: '西河村党支部', category: '村', total: AVERAGE },
];
export const THREE_ORGS: readonly Org[] = [...TWO_ORGS, { name: '红星机械厂党支部', category: '非公有制经济组织', total: FAIR }];

export function scoresFor(total: number): number[] {
  const max = defaultScheme.indicators.map((i) => i.max);
  const scores = max.map((m) => Math.floor((m * total) / 100));
  let left = total - scores.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % scores.length) {
    if ((scores[i] ?? 0) < (max[i] ?? 0)) {
      scores[i] = (scores[i] ?? 0) + 1;
      left--;
    }
  }
  return scores;
}

export const fillOrgs = (orgs: readonly Org[]): FillOrg[] => orgs.map((o) => ({ name: o.name, category: o.category, orgType: '党支部', members: 12, scores: scoresFor(o.total), explanation: '经党委研究确定' }));

export const line = (orgName: string, problems: string, deadline: string, status = ''): FillRect => ({ orgName, problems, measures: `针对“${problems}”制定整改方案`, owner: '支部书记', deadline, status });

export type LedgerEdit = NonNullable<Parameters<typeof fillTemplate>[1]['ledger']>[number];

/** The township's template from the server (roster and open items pre-filled), filled. */
export async function townshipBook(st: Stack, c: string, t: { id: string; name: string }, orgs: readonly Org[], lines: FillRect[] = [], ledger: LedgerEdit[] = []): Promise<Uint8Array> {
  const r = await st.call('GET', `/campaigns/${c}/townships/${t.id}/template`, { token: st.township(t.id, c) });
  expect(r.status).toBe(200);
  return fillTemplate(new Uint8Array(await r.arrayBuffer()), {
    scheme: defaultScheme,
    orgs: fillOrgs(orgs),
    rectifications: lines,
    ledger,
    info: { township: t.name, filledBy: '张三', phone: '0790-1234567', filledOn: '2026-04-20' },
  });
}

export async function upload(st: Stack, c: string, t: { id: string; name: string }, bytes: Uint8Array): Promise<Response> {
  return st.call('POST', `/campaigns/${c}/townships/${t.id}/submissions`, { token: st.township(t.id, c), body: bytes });
}

/** Campaign `id` of township `t` alone, its roster the organizations given (so its uploads keep the ledger). */
export async function rosterCampaign(st: Stack, id: string, t: { id: string; name: string }, orgs: readonly Org[]): Promise<string> {
  const roster = { [t.id]: orgs.map((o) => ({ name: o.name, category: o.category })) };
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: { id, year: 2026, county: '青山县', deadline: '2099-04-25', townships: [t], roster } })).status).toBe(201);
  return id;
}
