// The campaign form as the county fills it in → the request the server takes, checked here with
// the server's own rules (the contract's zod schema, then buildCampaign), so every message the
// server would give appears next to its field before anything is sent. Pure.
import { createCampaignSchema, type CampaignRosterEntry, type CreateCampaign, type RosterEntry } from '../../../shared/api/contract';
import { zodIssuesText } from '../../../shared/api/zod-zh';
import { buildCampaign } from '../../../shared/campaign/build';
import { lookbackTownships, pastDeadline } from '../../../shared/campaign/lookback';
import { issueTotals } from '../../../shared/issues/cap';
import { issueText } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';
import type { Scheme } from '../../../shared/scheme/schema';
import { orgKey, toHalfWidth } from '../../../shared/text/normalize';

/** What the form's inputs hold, as typed. */
export interface CampaignFormValues {
  year: string;
  county: string;
  deadline: string;
  /** keep: the edited campaign's own standard. */
  standard: 'keep' | 'default6' | 'yichun5' | 'custom';
  /** One township per line (、，, and ; separate too). */
  townships: string;
  /** A new grading's predecessor (last year's campaign): '' or absent for none. */
  previousId?: string;
  /** 分类定级 (absent: grading) or 回头看, which regrades the organizations of one grading. */
  kind?: 'grading' | 'lookback';
  /** A 回头看's reviewed grading: '' or absent until chosen. */
  reviewsId?: string;
}

export type FieldKey = 'year' | 'county' | 'deadline' | 'standard' | 'townships' | 'roster' | 'reviews';

/** The campaign a form links to (a 回头看's reviewed grading), as read: its name and townships. */
export interface LinkedCampaign {
  id: string;
  year: number;
  county: string;
  townships: ReadonlyArray<{ id: string; name: string }>;
}

/** “2032 年度 示范县”: how the page names a campaign in its messages (ids are not for people). */
export const campaignLabel = (c: Pick<LinkedCampaign, 'year' | 'county'>): string => `${c.year} 年度 ${c.county}`;

export interface FieldNote {
  text: string;
  tone: 'error' | 'warning';
}

export interface FormContext {
  now: number;
  /** The 名册 read from a file or pasted text, if any. */
  roster: { entries: readonly RosterEntry[]; townships: ReadonlyArray<{ name: string }>; issues: readonly Issue[] } | null;
  /** The county's own standard, parsed from its file (standard = custom). */
  customScheme: unknown;
  /** Editing: the campaign as read (its townships with ids, roster by township id, standard). */
  editing: { townships: ReadonlyArray<{ id: string; name: string }>; roster: Readonly<Record<string, readonly CampaignRosterEntry[]>>; scheme: Scheme } | null;
  /** A 回头看: the reviewed grading once read (its townships are the only ones allowed). */
  reviewed?: LinkedCampaign | null;
}

export type FormCheck =
  | { ok: true; body: CreateCampaign; warnings: Partial<Record<FieldKey, FieldNote>>; rosterWarnings: Issue[] }
  | { ok: false; fields: Partial<Record<FieldKey, FieldNote>>; issues: Issue[] };

/** "城关镇\n东山乡、西山镇" → the names, trimmed, blanks dropped, in order. */
export function splitTownships(text: string): string[] {
  return text
    .split(/[\n\r、，,;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The request field a zod issue is about → the form field showing it. */
const FIELD_OF: Record<string, FieldKey> = { year: 'year', county: 'county', deadline: 'deadline', townships: 'townships', roster: 'roster', schemeId: 'standard', scheme: 'standard', reviewsId: 'reviews' };

function rosterByName(entries: readonly RosterEntry[]): Record<string, CampaignRosterEntry[]> {
  const out: Record<string, CampaignRosterEntry[]> = {};
  for (const { township, row: _row, ...e } of entries) (out[township] ??= []).push(e);
  return out;
}

/** The names the campaign will have: the list typed, else the 名册's townships in order of appearance. */
export function townshipNames(values: CampaignFormValues, ctx: Pick<FormContext, 'roster'>): string[] {
  const typed = splitTownships(values.townships);
  return typed.length ? typed : (ctx.roster?.townships.map((t) => t.name) ?? []);
}

/** The request body as the form describes it (unchecked). */
export function formBody(values: CampaignFormValues, ctx: FormContext): CreateCampaign {
  const names = townshipNames(values, ctx);
  // Townships keep their ids: an edit's own, or a 回头看's from the reviewed grading.
  const idByName = new Map([...(ctx.reviewed?.townships ?? []), ...(ctx.editing?.townships ?? [])].map((t) => [orgKey(t.name), t.id] as const));
  const townships = names.map((name) => {
    const id = idByName.get(orgKey(name));
    return id ? { id, name } : { name };
  });
  const yearText = toHalfWidth(values.year).trim();
  const body: CreateCampaign = { year: /^\d+$/.test(yearText) ? Number(yearText) : Number.NaN, county: values.county.trim(), deadline: values.deadline.trim(), townships };
  // A 回头看 takes the reviewed grading's standard and 名册: the server refuses either sent with it.
  if (values.kind === 'lookback') return { ...body, kind: 'lookback', ...(values.reviewsId ? { reviewsId: values.reviewsId } : {}) };
  if (values.standard === 'default6' || values.standard === 'yichun5') body.schemeId = values.standard;
  if (values.standard === 'custom' && ctx.customScheme !== undefined) body.scheme = ctx.customScheme;
  if (values.previousId && !ctx.editing) body.previousId = values.previousId;
  if (ctx.roster) body.roster = rosterByName(ctx.roster.entries);
  else if (ctx.editing) {
    // An edit sends the whole campaign again: the roster as read, for the townships still listed.
    const kept = new Set(names.map(orgKey));
    const roster: Record<string, CampaignRosterEntry[]> = {};
    for (const t of ctx.editing.townships) {
      const list = ctx.editing.roster[t.id];
      if (list?.length && kept.has(orgKey(t.name))) roster[t.name] = [...list];
    }
    body.roster = roster;
  }
  return body;
}

function note(text: string, tone: FieldNote['tone'] = 'error'): FieldNote {
  return { text, tone };
}

/** A deadline left blank: said plainly (the contract's words are for a date written wrong). */
const blankDeadline = (text: string): FieldNote | null => (text.trim() ? null : note('请填写截止日期，如 2026-04-25'));

function yearNote(year: string): FieldNote | null {
  const yearText = toHalfWidth(year).trim();
  if (!yearText) return note('请填写年度，如 2026');
  if (!/^\d+$/.test(yearText)) return note(`年度“${year.trim().slice(0, 10)}”应为四位数字，如 2026`);
  return null;
}

/** The contract's refusals, each beside its field (a field's own message, set before, wins). */
function schemaNotes(body: CreateCampaign, fields: Partial<Record<FieldKey, FieldNote>>): ReturnType<typeof createCampaignSchema.safeParse> {
  const parsed = createCampaignSchema.safeParse(body);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = FIELD_OF[String(i.path[0])];
      if (key && !fields[key]) fields[key] = note(zodIssuesText([i]));
    }
  }
  return parsed;
}

/**
 * A 回头看, checked as the server would: a reviewed grading chosen, its townships only (a subset
 * may be regraded), each once; a past deadline is a warning.
 */
function checkLookback(values: CampaignFormValues, ctx: FormContext): FormCheck {
  const fields: Partial<Record<FieldKey, FieldNote>> = {};
  const year = yearNote(values.year);
  if (year) fields.year = year;
  const deadline = blankDeadline(values.deadline);
  if (deadline) fields.deadline = deadline;
  if (!values.reviewsId) fields.reviews = note('请选择回头看要复查的分类定级批次');
  const names = townshipNames(values, ctx);
  const reviewed = ctx.reviewed?.id === values.reviewsId ? ctx.reviewed : null;
  const picked = lookbackTownships(reviewed?.townships ?? null, names.map((name) => ({ name })));
  if (!picked.ok) {
    // Only a reviewed grading that was read can leave a name unknown.
    fields.townships = note(picked.problem === 'unknown' && reviewed ? issueText('CAMPAIGN_LOOKBACK_TOWNSHIP', { name: picked.name, id: campaignLabel(reviewed) }) : issueText('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: picked.name }));
  }
  if (names.length === 0) fields.townships = note('请填写回头看的乡镇（街道），每行一个（选择被复查的批次后自动填入）');
  const body = formBody(values, ctx);
  const parsed = schemaNotes(body, fields);
  if (Object.keys(fields).length || !parsed.success) return { ok: false, fields, issues: [] };
  const warnings: Partial<Record<FieldKey, FieldNote>> = {};
  const past = pastDeadline(parsed.data.deadline, ctx.now);
  if (past) warnings.deadline = note(past.message, 'warning');
  return { ok: true, body, warnings, rosterWarnings: [] };
}

/** Checks the form with the server's rules; `ok` carries the body to send and the warnings to show. */
export function checkForm(values: CampaignFormValues, ctx: FormContext): FormCheck {
  if (values.kind === 'lookback') return checkLookback(values, ctx);
  const fields: Partial<Record<FieldKey, FieldNote>> = {};
  const year = yearNote(values.year);
  if (year) fields.year = year;
  const deadline = blankDeadline(values.deadline);
  if (deadline) fields.deadline = deadline;
  if (values.standard === 'custom' && ctx.customScheme === undefined) fields.standard = note('请选择本县的评定标准文件（.json）');
  const names = townshipNames(values, ctx);
  if (names.length === 0) fields.townships = note('请填写乡镇（街道）名单，或在下面导入党组织名册（名单按名册中的乡镇生成）');
  // The true count: a long 名册's list ends with the count of those not listed (shared/issues/cap.ts).
  const rosterErrors = ctx.roster ? issueTotals(ctx.roster.issues).error : 0;
  if (rosterErrors) fields.roster = note(`名册中有 ${rosterErrors} 处错误，请改正后重新读取`);

  const body = formBody(values, ctx);
  // The year's own message above is clearer than zod's for text that is not a number.
  const parsed = schemaNotes(body, fields);
  if (Object.keys(fields).length || !parsed.success) return { ok: false, fields, issues: [] };

  const outcome = buildCampaign(parsed.data, { now: ctx.now, previous: ctx.editing ? { townships: ctx.editing.townships, scheme: ctx.editing.scheme } : undefined });
  switch (outcome.kind) {
    case 'ok': {
      const warnings: Partial<Record<FieldKey, FieldNote>> = {};
      const past = outcome.draft.warnings.find((w) => w.code === 'DEADLINE_PAST');
      if (past) warnings.deadline = note(past.message, 'warning');
      return { ok: true, body, warnings, rosterWarnings: outcome.draft.warnings.filter((w) => w.code !== 'DEADLINE_PAST') };
    }
    case 'schemeInvalid':
      return { ok: false, fields: { standard: note(outcome.detail) }, issues: [] };
    case 'townshipIdDuplicate':
      return { ok: false, fields: { townships: note(issueText('CAMPAIGN_TOWNSHIP_DUPLICATE', { id: outcome.id })) }, issues: [] };
    case 'townshipNameDuplicate':
      return { ok: false, fields: { townships: note(issueText('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: outcome.name })) }, issues: [] };
    case 'rosterUnknown':
      return { ok: false, fields: { roster: note(`${issueText('CAMPAIGN_ROSTER_UNKNOWN', { id: outcome.key })}；请把它加入名单，或清空名单（按名册生成）`) }, issues: [] };
    case 'rosterRefused': {
      const errors = outcome.issues.filter((i) => i.severity === 'error');
      return { ok: false, fields: { roster: note(issueText('CAMPAIGN_ROSTER_REFUSED', { errors: errors.length })) }, issues: outcome.issues };
    }
  }
}

/** A past deadline, as the server would warn about it, for the field while it is typed. */
export function deadlineFieldNote(text: string, now: number): FieldNote | null {
  if (!text.trim()) return null;
  const r = createCampaignSchema.shape.deadline.safeParse(text);
  if (!r.success) return note(zodIssuesText(r.error.issues.map((i) => ({ ...i, path: ['deadline'] }))));
  const past = pastDeadline(r.data, now);
  return past ? note(past.message, 'warning') : null;
}
