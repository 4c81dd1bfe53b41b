// Whose workbook is this? One rule for the task pane and the server, so a township sees exactly
// the verdict the county will: from the template's metadata when the file has it, from the
// 填报单位 written in the sheet when it does not. One code and one severity per case:
//   other campaign (metadata)            UPLOAD_OTHER_CAMPAIGN   error (refused, 422)
//   other township (metadata)            UPLOAD_OTHER_TOWNSHIP   error (refused, 422)
//   hand-made, 填报单位 names another    OWNER_NAME_MISMATCH     error (refused, 422)
//   template, 填报单位 names another     OWNER_NAME_DIFFERS      warning (the metadata decides)
//   no template metadata                 TEMPLATE_META_MISSING   info
//   template of another layout version   TEMPLATE_VERSION_UNSUPPORTED warning
//   template of another scheme (version) SCHEME_MISMATCH         warning
// A scheme that differs (only in version, or more) is a warning, not a refusal: the workbook is
// always read and checked against the campaign's scheme, so any real difference (a column
// missing, a score over the new maximum, a header showing another maximum) is reported at its
// own cell, and a file whose data fits the campaign's standard is one a reviewer would accept.
import { makeIssue, type ParamsOf, type Where } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { Scheme } from '../scheme/schema';
import { schemeFingerprint } from '../scheme/lookup';
import type { Submission } from '../submission/types';
import { TEMPLATE_ID, TEMPLATE_VERSION } from '../template/definition';
import { orgKey } from '../text/normalize';

export interface ExpectedOwner {
  /** The scheme the workbook was read under (the campaign's). The reader passes it. */
  scheme?: Scheme;
  /** The campaign the credential is for. The server and the pane pass it. */
  campaignId?: string;
  /** The township the credential is for. */
  township?: { id: string; name: string };
}

export type IdentityRefusal =
  | { code: 'UPLOAD_OTHER_CAMPAIGN'; params: ParamsOf<'UPLOAD_OTHER_CAMPAIGN'> }
  | { code: 'UPLOAD_OTHER_TOWNSHIP'; params: ParamsOf<'UPLOAD_OTHER_TOWNSHIP'> }
  | { code: 'UPLOAD_REFUSED'; params: ParamsOf<'UPLOAD_REFUSED'> };

export interface IdentityVerdict {
  issues: Issue[];
  /** Set when the workbook is not this owner's: the server answers with it (the pane shows `issues`). */
  refusal: IdentityRefusal | null;
}

/** What a read workbook says about itself (a Submission has it all). */
export type IdentityFacts = Pick<Submission, 'templateId' | 'templateVersion' | 'schemeId' | 'schemeFingerprint' | 'campaignId' | 'townshipId' | 'origin'>;

/** Decides, for each expectation given, whether the workbook belongs to it. */
export function checkIdentity(f: IdentityFacts, expected: ExpectedOwner): IdentityVerdict {
  const issues: Issue[] = [];
  const fromTemplate = f.templateId === TEMPLATE_ID;
  const s = expected.scheme;
  if (s) {
    if (!fromTemplate) issues.push(makeIssue('TEMPLATE_META_MISSING'));
    else {
      if (f.templateVersion !== TEMPLATE_VERSION) issues.push(makeIssue('TEMPLATE_VERSION_UNSUPPORTED', { version: f.templateVersion, expected: TEMPLATE_VERSION }));
      if (f.schemeFingerprint !== schemeFingerprint(s)) {
        issues.push(makeIssue('SCHEME_MISMATCH', { found: `${f.schemeId || '?'} ${f.origin?.schemeVersion ?? ''}`.trim(), expected: `${s.id} ${s.version}` }));
      }
    }
  }

  if (expected.campaignId && fromTemplate && f.campaignId && f.campaignId !== expected.campaignId) {
    // The clerk picked the wrong file: that one sentence is the whole answer.
    const params = { found: f.campaignId, expected: expected.campaignId };
    return { issues: [...issues, makeIssue('UPLOAD_OTHER_CAMPAIGN', params)], refusal: { code: 'UPLOAD_OTHER_CAMPAIGN', params } };
  }

  const t = expected.township;
  if (t) {
    const written = f.origin?.filledTownship;
    const at: Where = written?.cell ? { sheet: written.sheet, cell: written.cell } : written ? { sheet: written.sheet } : {};
    if (fromTemplate && f.townshipId) {
      if (f.townshipId !== t.id) {
        const params = { found: f.origin?.templateTownship || f.townshipId, expected: t.name };
        return { issues: [...issues, makeIssue('UPLOAD_OTHER_TOWNSHIP', params)], refusal: { code: 'UPLOAD_OTHER_TOWNSHIP', params } };
      }
      if (written?.text && !sameUnit(written.text, t.name) && !sameUnit(written.text, f.origin?.templateTownship ?? '')) {
        issues.push(makeIssue('OWNER_NAME_DIFFERS', { found: written.text, expected: t.name }, at));
      }
    } else if (written?.text && !sameUnit(written.text, t.name)) {
      issues.push(makeIssue('OWNER_NAME_MISMATCH', { found: written.text, expected: t.name }, at));
      return { issues, refusal: { code: 'UPLOAD_REFUSED', params: { errors: 1 } } };
    }
  }
  return { issues, refusal: null };
}

// Words around a committee's name that do not tell one township from another.
const PARTY_WORDS = /(中国共产党|中共|党工委|党\(工\)委|党委员会|委员会|党委|工委|人民政府|政府|街道办事处|办事处|组织办|\(盖章\)|盖章)/g;

/** The unit part of a 填报单位: "中共城关镇委员会（盖章）" and "城關鎮黨委" are both 城关镇. */
export function unitCore(text: string): string {
  return orgKey(text).replace(PARTY_WORDS, '');
}

/**
 * 填报单位 against a township's name, as a reviewer compares them: party words aside, one
 * contains the other (城关镇党委 / 城关镇, 城关 / 城关镇), never two different places.
 */
export function sameUnit(written: string, name: string): boolean {
  const a = unitCore(written);
  const b = unitCore(name);
  if (a.length < 2 || b.length < 2) return false;
  return a.includes(b) || b.includes(a);
}
