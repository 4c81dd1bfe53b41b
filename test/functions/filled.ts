// Filled township workbooks for the end-to-end tests, made with the templates helper's generator
// and filler (raw cell values, so mistakes can be injected).
import { defaultScheme } from '../../shared';
import { generateTemplate } from '../../shared/template/generate';
import { fillTemplate, type FillOrg, type FillRect } from '../../shared/template/fill';
import { sampleOrgs } from '../../shared/template/sample';

export interface Filled {
  bytes: Uint8Array;
  orgs: FillOrg[];
  rectifications: FillRect[];
}

const templates = new Map<string, Promise<Uint8Array>>();

function template(campaignId: string, t: { id: string; name: string }): Promise<Uint8Array> {
  const key = `${campaignId}/${t.id}`;
  let p = templates.get(key);
  if (!p) {
    p = generateTemplate({ scheme: defaultScheme, year: 2026, county: '青山县', campaignId, township: t });
    templates.set(key, p);
  }
  return p;
}

export async function filled(
  t: { id: string; name: string },
  opts: { seed?: number; n?: number; campaignId?: string; mutate?: (orgs: FillOrg[]) => void } = {},
): Promise<Filled> {
  const s = sampleOrgs(defaultScheme, opts.n ?? 20, opts.seed ?? 1, { prefix: t.name.slice(0, 2) });
  opts.mutate?.(s.orgs);
  const bytes = await fillTemplate(await template(opts.campaignId ?? 'c2026', t), {
    scheme: defaultScheme,
    orgs: s.orgs,
    rectifications: s.rectifications,
    info: { township: t.name, filledBy: '张三', phone: '0790-1234567', filledOn: '2026-04-20' },
  });
  return { bytes, orgs: s.orgs, rectifications: s.rectifications };
}

/** The grade the county's standard gives a row, computed here from the raw scores (90/80/60). */
export function expectedGrade(o: FillOrg): string {
  const total = (o.scores as number[]).reduce((a, b) => a + b, 0);
  return total >= 90 ? '好' : total >= 80 ? '较好' : total >= 60 ? '一般' : '较差';
}
