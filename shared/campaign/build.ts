// A campaign as the county describes it (year, county, deadline, standard, townships, roster) →
// the campaign the server stores, with the rules once: which standard, stable township ids, a
// roster checked like an uploaded 名册, a deadline already past is a warning; and what an edit may
// not change once townships have reported. Pure, so the page can apply the same rules.
import type { CampaignRosterEntry, CreateCampaign } from '../api/contract';
import type { Issue } from '../issues/types';
import { makeIssue } from '../issues/catalogue';
import { checkRoster, MAX_ROSTER_ENTRIES, type RosterLine } from '../roster/sheet';
import { defaultSchemeInput, yichunSchemeInput } from '../scheme/default';
import { loadScheme, parseJsonText } from '../scheme/load';
import { schemeFingerprint } from '../scheme/lookup';
import type { Scheme, SchemeInput } from '../scheme/schema';
import { orgKey } from '../text/normalize';
import { pastDeadline } from './lookback';
import { cleanName } from '../text/name';

export { parseJsonText };

/** The request after zod (the deadline already yyyy-mm-dd). */
export type CampaignFields = Omit<CreateCampaign, 'deadline' | 'id'> & { deadline: string };

export interface CampaignDraft {
  year: number;
  county: string;
  deadline: string;
  townships: Array<{ id: string; name: string }>;
  scheme: Scheme;
  schemeId: string;
  schemeFingerprint: string;
  roster: Record<string, CampaignRosterEntry[]>;
  /** Not refusals: e.g. the deadline has passed, a roster line without a category. */
  warnings: Issue[];
}

export type BuildOutcome =
  | { kind: 'ok'; draft: CampaignDraft }
  | { kind: 'schemeInvalid'; detail: string }
  | { kind: 'townshipIdDuplicate'; id: string }
  | { kind: 'townshipNameDuplicate'; name: string }
  | { kind: 'rosterUnknown'; key: string }
  | { kind: 'rosterRefused'; issues: Issue[] };

const BUILT_IN: Record<string, SchemeInput> = { default6: defaultSchemeInput, yichun5: yichunSchemeInput };

/** The county's own scheme (JSON text or parsed), else a built-in one, else the previous revision's, else default6. */
function chooseScheme(f: CampaignFields, previous: Scheme | undefined): { ok: true; scheme: Scheme } | { ok: false; detail: string } {
  if (f.scheme !== undefined && f.scheme !== null && f.scheme !== '') {
    let input: unknown = f.scheme;
    if (typeof f.scheme === 'string') {
      const parsed = parseJsonText(f.scheme);
      if (!parsed.ok) return { ok: false, detail: parsed.message };
      input = parsed.value;
    }
    const r = loadScheme(input);
    return r.ok ? r : { ok: false, detail: r.message };
  }
  if (f.schemeId) {
    const r = loadScheme(BUILT_IN[f.schemeId]);
    return r.ok ? r : { ok: false, detail: r.message };
  }
  if (previous) return { ok: true, scheme: previous };
  const r = loadScheme(defaultSchemeInput);
  return r.ok ? r : { ok: false, detail: r.message };
}

/**
 * Given ids are kept; a township without one keeps its previous id (same name), else gets t01,
 * t02… — never an id a previous township had, so a new township inherits no one's reports or links.
 */
function townshipIds(given: CampaignFields['townships'], previous: ReadonlyArray<{ id: string; name: string }>): Array<{ id: string; name: string }> {
  const prevByName = new Map(previous.map((t) => [orgKey(t.name), t.id] as const));
  const used = new Set(given.flatMap((t) => (t.id ? [t.id] : [])));
  let n = 0;
  const next = () => {
    let id: string;
    do id = `t${String(++n).padStart(2, '0')}`;
    while (used.has(id) || previous.some((t) => t.id === id));
    used.add(id);
    return id;
  };
  return given.map((t) => {
    if (t.id) return { id: t.id, name: t.name };
    const kept = prevByName.get(orgKey(t.name));
    if (kept && !used.has(kept)) {
      used.add(kept);
      return { id: kept, name: t.name };
    }
    return { id: next(), name: t.name };
  });
}

export function buildCampaign(f: CampaignFields, opts: { now: number; previous?: { townships: ReadonlyArray<{ id: string; name: string }>; scheme: Scheme } }): BuildOutcome {
  const chosen = chooseScheme(f, opts.previous?.scheme);
  if (!chosen.ok) return { kind: 'schemeInvalid', detail: chosen.detail };
  const scheme = chosen.scheme;
  const townships = townshipIds(f.townships, opts.previous?.townships ?? []);
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const t of townships) {
    if (ids.has(t.id)) return { kind: 'townshipIdDuplicate', id: t.id };
    if (names.has(orgKey(t.name))) return { kind: 'townshipNameDuplicate', name: t.name };
    ids.add(t.id);
    names.add(orgKey(t.name));
  }

  // The roster is keyed by township id or name; each township's list is checked like a 名册.
  const lines: RosterLine[] = [];
  const idOf = new Map<string, string>();
  for (const [key, list] of Object.entries(f.roster ?? {})) {
    const t = townships.find((x) => x.id === key) ?? townships.find((x) => orgKey(x.name) === orgKey(key));
    if (!t) return { kind: 'rosterUnknown', key };
    idOf.set(t.name, t.id);
    // Cleaned as a 名册 read from a sheet is (a wrapped name sent as JSON): the stored roster pre-fills the templates.
    list.forEach((e, i) => lines.push({ township: t.name, name: cleanName(e.name), category: e.category ?? '', orgType: e.orgType ?? '', parent: e.parent ?? '', id: e.id ?? '', row: i + 1 }));
  }
  // The bound of an uploaded 名册 holds for the whole roster sent as lists too (each list alone is
  // bounded by the contract, 500 townships' lists together were not).
  if (lines.length > MAX_ROSTER_ENTRIES) return { kind: 'rosterRefused', issues: [makeIssue('ROSTER_TOO_MANY', { count: lines.length, limit: MAX_ROSTER_ENTRIES }, { sheet: '党组织名册' })] };
  const checked = checkRoster(lines, scheme, (l) => ({ sheet: `${l.township}名册` }), { townships: townships.map((t) => t.name) });
  if (checked.issues.some((i) => i.severity === 'error')) return { kind: 'rosterRefused', issues: checked.issues };
  const roster: Record<string, CampaignRosterEntry[]> = {};
  for (const { township, row: _row, ...entry } of checked.entries) {
    const id = idOf.get(township) ?? '';
    (roster[id] ??= []).push(entry);
  }

  const warnings = [...checked.issues];
  const past = pastDeadline(f.deadline, opts.now);
  if (past) warnings.unshift(past);
  return {
    kind: 'ok',
    draft: { year: f.year, county: f.county, deadline: f.deadline, townships, scheme, schemeId: scheme.id, schemeFingerprint: schemeFingerprint(scheme), roster, warnings },
  };
}

export type EditOutcome = { kind: 'ok' } | { kind: 'schemeLocked'; count: number } | { kind: 'townshipReported'; name: string };

/** Once townships have reported, the standard stays, and a township that reported stays on the list. */
export function checkEdit(
  prev: { schemeFingerprint: string; townships: ReadonlyArray<{ id: string; name: string }> },
  next: { schemeFingerprint: string; townships: ReadonlyArray<{ id: string }> },
  reported: ReadonlySet<string>,
): EditOutcome {
  if (reported.size > 0 && prev.schemeFingerprint !== next.schemeFingerprint) return { kind: 'schemeLocked', count: reported.size };
  for (const t of prev.townships) if (reported.has(t.id) && !next.townships.some((x) => x.id === t.id)) return { kind: 'townshipReported', name: t.name };
  return { kind: 'ok' };
}
