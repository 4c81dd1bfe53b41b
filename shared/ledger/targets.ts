// Upgrade targets (晋位升级, source 000): by the next round, 100 % of last year's 较差 and 30 % of
// its 一般 organizations should have moved up at least one grade. Counted per township (last
// year's township, whose committee graded it) and for the county, by organization id, so a
// renamed organization is still itself and a merged one is judged by the organization it became.
// A dissolved organization has nothing left to upgrade: it leaves the denominator and is listed.
// One not yet graded this year stays in the denominator as not moved, and the report says it is
// incomplete, so a share is never flattered by missing uploads.
//
// The targets are county configuration: the scheme's optional `targets` section (schema.ts, checked
// with the rest of the scheme); without one, the defaults below.
import { z } from 'zod';
import type { Issue } from '../issues/types';
import { makeIssue } from '../issues/catalogue';
import { percentBeside, percentCap } from '../quota/format';
import type { GradedOrg } from '../roster/graded';
import { successorOf, townshipName, type OrgIdentity, type TownshipNames } from '../roster/identity';
import { gradeRank } from '../grade/grade';
import { upgradeTargetSchema, type Scheme } from '../scheme/schema';

export { upgradeTargetSchema } from '../scheme/schema';
export const upgradeTargetsSchema = z.array(upgradeTargetSchema).min(1, { message: '至少需要一项目标' });
export type UpgradeTarget = z.output<typeof upgradeTargetSchema>;

/** Source 000: “较差”类晋位升级达到100%，“一般”类晋位升级率达到30%. */
export const DEFAULT_BOTTOM_UPGRADE_SHARE = 1;
export const DEFAULT_NEXT_UPGRADE_SHARE = 0.3;

/** The scheme's own targets, else the defaults on its bands. */
export function upgradeTargetsOf(s: Scheme): UpgradeTarget[] {
  return s.targets ?? defaultUpgradeTargets(s);
}

/** The default targets on a scheme's bands: the bottom band 100 %, the band above it 30 %. */
export function defaultUpgradeTargets(s: Scheme): UpgradeTarget[] {
  const n = s.grades.length;
  const bottom = s.grades[n - 1];
  const next = n >= 3 ? s.grades[n - 2] : undefined;
  return [...(bottom ? [{ grade: bottom.key, share: DEFAULT_BOTTOM_UPGRADE_SHARE }] : []), ...(next ? [{ grade: next.key, share: DEFAULT_NEXT_UPGRADE_SHARE }] : [])];
}

/** A county's targets from JSON: checked against the scheme's grades, Chinese messages. */
export function loadUpgradeTargets(s: Scheme, json: unknown): { ok: true; targets: UpgradeTarget[] } | { ok: false; issues: Issue[] } {
  const r = upgradeTargetsSchema.safeParse(json);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => makeIssue('TARGETS_INVALID', { detail: `${i.path.join('.') || '目标'}：${i.message}` })) };
  const issues: Issue[] = [];
  r.data.forEach((t, i) => {
    if (gradeRank(s, t.grade) < 0) issues.push(makeIssue('TARGETS_INVALID', { detail: `${i}.grade：未定义的等次键名“${t.grade}”` }));
    else if (gradeRank(s, t.grade) === 0) issues.push(makeIssue('TARGETS_INVALID', { detail: `${i}.grade：最高等次无法再晋位升级` }));
  });
  return issues.length ? { ok: false, issues } : { ok: true, targets: r.data };
}

export interface TargetOrg {
  /** Last year's id and name. */
  orgId: string;
  name: string;
  townshipId: string;
  before: string;
  /** This year's grade of the organization it is now (itself, or what it merged into); null when not graded. */
  after: string | null;
  nowId: string | null;
  nowName: string | null;
}

export interface TargetLine {
  grade: string;
  gradeLabel: string;
  target: number;
  /** Last year's organizations of the grade, less the dissolved. */
  base: number;
  movedUp: number;
  share: number | null;
  /** How many more must move up to meet the target. */
  needed: number;
  met: boolean;
  moved: TargetOrg[];
  notMoved: TargetOrg[];
  /** Counted in `notMoved` too: not graded yet this year. */
  notGraded: TargetOrg[];
  dissolved: TargetOrg[];
}

export interface TargetScope {
  /** Null for the whole county. */
  townshipId: string | null;
  label: string;
  lines: TargetLine[];
}

export interface TargetReport {
  county: TargetScope;
  townships: TargetScope[];
  /** False while some of last year's organizations have no grade this year. */
  complete: boolean;
  issues: Issue[];
}

export interface TargetInput {
  scheme: Scheme;
  /** Default: the scheme's (`upgradeTargetsOf`). */
  targets?: readonly UpgradeTarget[];
  /** Last campaign's final grades (after its 回头看, if it had one). */
  previous: readonly GradedOrg[];
  /** This campaign's grades so far. */
  current: readonly GradedOrg[];
  /** Organizations after this campaign's roster was applied (renames, merges, dissolutions). */
  identities: readonly OrgIdentity[];
  townshipNames?: TownshipNames;
  /** Label of the county scope; 全县 unless given. */
  countyLabel?: string;
}

export function computeUpgradeTargets(input: TargetInput): TargetReport {
  const s = input.scheme;
  const targets = input.targets ?? upgradeTargetsOf(s);
  const byId = new Map(input.identities.map((o) => [o.id, o]));
  const now = new Map(input.current.map((g) => [g.orgId, g]));
  const label = (key: string) => s.grades.find((g) => g.key === key)?.label ?? key;

  // One judgement per last year's organization, then counted per scope.
  const judged = input.previous.map((p) => {
    const to = successorOf(byId, p.orgId);
    const cur = to ? now.get(to.id) : undefined;
    const org: TargetOrg = { orgId: p.orgId, name: p.name, townshipId: p.townshipId, before: p.grade, after: cur?.grade ?? null, nowId: to?.id ?? null, nowName: to?.name ?? null };
    const state = to === null ? 'dissolved' : !cur ? 'notGraded' : gradeRank(s, cur.grade) < gradeRank(s, p.grade) ? 'moved' : 'notMoved';
    return { org, state };
  });

  // Each township's judgements, townships in last year's order: a province-sized county has 500
  // townships and 25,000 organizations, which a filter per township would walk 500 times.
  const byTownship = new Map<string, typeof judged>();
  for (const j of judged) {
    const mine = byTownship.get(j.org.townshipId);
    if (mine) mine.push(j);
    else byTownship.set(j.org.townshipId, [j]);
  }
  const scope = (townshipId: string | null, scopeLabel: string, rows: typeof judged): TargetScope => ({
    townshipId,
    label: scopeLabel,
    lines: targets.map((t) => {
      const mine = rows.filter((j) => j.org.before === t.grade);
      const pick = (st: string) => mine.filter((j) => j.state === st).map((j) => j.org);
      const moved = pick('moved');
      const notGraded = pick('notGraded');
      const notMoved = [...pick('notMoved'), ...notGraded];
      const dissolved = pick('dissolved');
      const base = moved.length + notMoved.length;
      const needed = Math.max(0, Math.ceil(t.share * base - 1e-9) - moved.length);
      return { grade: t.grade, gradeLabel: label(t.grade), target: t.share, base, movedUp: moved.length, share: base === 0 ? null : moved.length / base, needed, met: needed === 0, moved, notMoved, notGraded, dissolved };
    }),
  });

  const county = scope(null, input.countyLabel ?? '全县', judged);
  const townships = [...byTownship].map(([id, rows]) => scope(id, townshipName(input.townshipNames, id), rows));
  const issues: Issue[] = [];
  for (const sc of [...townships, county]) {
    for (const l of sc.lines) {
      if (l.met) continue;
      issues.push(makeIssue('TARGET_NOT_MET', { scope: sc.label, grade: l.gradeLabel, base: l.base, moved: l.movedUp, share: percentBeside(l.share ?? 0, l.target), target: percentCap(l.target), needed: l.needed }));
    }
  }
  for (const l of county.lines) for (const o of l.notGraded) issues.push(makeIssue('TARGET_NOT_GRADED', { name: o.nowName ?? o.name, grade: l.gradeLabel }));
  return { county, townships, complete: county.lines.every((l) => l.notGraded.length === 0), issues };
}
