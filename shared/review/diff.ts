// What changed between two versions of a township's report, so the county reviews a re-upload
// after a return by its differences: organizations added, removed, and changed (scores, total,
// grade, category, type, flags, explanation). Organizations are matched by orgKey, so a name
// retyped in Traditional characters, full width or with a space is the same organization, and a
// different spelling of it is no change: listed as a change of 党组织名称, it read as a rename that
// was none (a renamed organization has another key and shows as removed + added). Versions stored
// since uploads take the roster's spelling differ in spelling only where there is no roster. Pure.
import type { VersionDiff } from '../api/contract';
import { gradeByKey } from '../scheme/lookup';
import type { Scheme } from '../scheme/schema';
import type { OrgRow, RectificationRow } from '../submission/types';
import { orgTypeLabel } from '../template/definition';
import { orgKey } from '../text/normalize';

type Side = { orgs: readonly OrgRow[]; rectifications: readonly RectificationRow[] };

const YES = '是';
const NO = '否';

function num(n: number | null): string {
  return n === null ? '' : String(Math.round(n * 100) / 100);
}

/** The fields compared, each as display text, in the order the county reads a row. */
function fields(s: Scheme, o: OrgRow): Array<{ field: string; label: string; text: string }> {
  const category = s.categories.find((c) => c.key === o.category)?.name ?? o.category;
  const orgType = orgTypeLabel(o.orgType);
  return [
    { field: 'category', label: '类别', text: category },
    { field: 'orgType', label: '组织类型', text: orgType },
    { field: 'parentName', label: '所属党总支', text: o.parentName ?? '' },
    { field: 'members', label: '党员数', text: num(o.members) },
    ...s.indicators.map((ind, i) => ({ field: `score:${ind.key}`, label: ind.name, text: num(o.scores[i] ?? null) })),
    { field: 'total', label: '总分', text: num(o.total) },
    { field: 'grade', label: '等次', text: gradeByKey(s, o.grade)?.label ?? o.grade },
    { field: 'forcedBottom', label: s.overrides.forcedBottom.label, text: o.flags.forcedBottom ? YES : NO },
    { field: 'newlyEstablished', label: s.overrides.newlyEstablishedCap.label, text: o.flags.newlyEstablished ? YES : NO },
    { field: 'explanation', label: '情况说明', text: o.explanation },
    { field: 'remark', label: '备注', text: o.remark },
  ];
}

function summary(s: Scheme, o: OrgRow) {
  return { name: o.name, row: o.row, gradeLabel: gradeByKey(s, o.grade)?.label ?? o.grade, total: o.total };
}

function byKey<T>(rows: readonly T[], key: (r: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(key(r))) m.set(key(r), r);
  return m;
}

function rectText(r: RectificationRow): string {
  return [r.problems, r.measures, r.owner, r.deadline ?? '', r.status].join('\u0000');
}

/** Rectification lines by organization: which organizations' lines appeared, went or changed. */
function rectDiff(prev: readonly RectificationRow[], cur: readonly RectificationRow[]): VersionDiff['rectifications'] {
  const group = (rows: readonly RectificationRow[]) => {
    const m = new Map<string, { name: string; texts: string[] }>();
    for (const r of rows) {
      const k = orgKey(r.orgName);
      const g = m.get(k) ?? { name: r.orgName, texts: [] };
      g.texts.push(rectText(r));
      m.set(k, g);
    }
    return m;
  };
  const a = group(prev);
  const b = group(cur);
  const out: VersionDiff['rectifications'] = { added: [], removed: [], changed: [] };
  for (const [k, g] of b) {
    const before = a.get(k);
    if (!before) out.added.push(g.name);
    else if (before.texts.join('\u0001') !== g.texts.join('\u0001')) out.changed.push(g.name);
  }
  for (const [k, g] of a) if (!b.has(k)) out.removed.push(g.name);
  return out;
}

export function diffVersions(s: Scheme, previousVersion: number, prev: Side, cur: Side): VersionDiff {
  const before = byKey(prev.orgs, (o) => orgKey(o.name));
  const after = byKey(cur.orgs, (o) => orgKey(o.name));
  const diff: VersionDiff = { previousVersion, added: [], removed: [], changed: [], unchanged: 0, rectifications: rectDiff(prev.rectifications, cur.rectifications) };
  for (const [k, o] of after) {
    const p = before.get(k);
    if (!p) {
      diff.added.push(summary(s, o));
      continue;
    }
    const was = fields(s, p);
    const changes = fields(s, o).flatMap((f, i) => {
      const b = was[i]?.text ?? '';
      return f.text === b ? [] : [{ field: f.field, label: f.label, before: b, after: f.text }];
    });
    if (changes.length) diff.changed.push({ name: o.name, row: o.row, previousRow: p.row, changes });
    else diff.unchanged++;
  }
  for (const [k, p] of before) if (!after.has(k)) diff.removed.push(summary(s, p));
  return diff;
}
