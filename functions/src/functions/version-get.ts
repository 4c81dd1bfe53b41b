import { app, type HttpRequest } from '@azure/functions';
import { findCategory, gradeByKey, type Scheme } from '../../../shared';
import type { SubmissionRow, VersionDetail } from '../../../shared/api/contract';
import { diffVersions } from '../../../shared/review/diff';
import type { OrgRow } from '../../../shared/submission/types';
import { endpoint, json } from '../http/handler';
import { versionScope } from '../http/scope';
import { getState } from '../storage/queries';
import { readStoredSubmission } from '../storage/submission-blobs';
import { rosterSpelling } from '../orgs/roster-spelling';

function row(s: Scheme, o: OrgRow): SubmissionRow {
  return {
    row: o.row,
    name: o.name,
    category: o.category,
    categoryName: s.categories.find((c) => c.key === o.category)?.name ?? findCategory(s, o.category)?.name ?? o.category,
    orgType: o.orgType,
    parentName: o.parentName,
    members: o.members,
    scores: o.scores,
    total: o.total,
    grade: o.grade,
    gradeLabel: gradeByKey(s, o.grade)?.label ?? o.grade,
    forcedBottom: o.flags.forcedBottom,
    newlyEstablished: o.flags.newlyEstablished,
    explanation: o.explanation,
    remark: o.remark,
  };
}

/**
 * GET /api/campaigns/{c}/townships/{t}/versions/{v} (the county, or the township itself): the rows,
 * warnings, 填报人/联系电话/填报日期, quota verdict, and what changed since the previous version.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign, township: tw, version: rec, previous: prevRec } = await versionScope(req);
  const c = campaign.id;
  const t = tw.id;
  const v = rec.version;
  const [state, stored, prev] = await Promise.all([
    getState(store, c, t),
    readStoredSubmission(store, c, t, rec.contentHash),
    prevRec ? readStoredSubmission(store, c, t, prevRec.contentHash) : Promise.resolve(null),
  ]);
  // The version entity is written after its blob: a missing blob is a storage fault.
  if (!stored) throw new Error(`stored submission of ${c}/${t} v${v} is missing`);
  const s = campaign.scheme;
  // Under the roster's spelling, as the ledger and the county workbook name them (a version stored before uploads took it kept the typed names).
  const spelled = await rosterSpelling(store, campaign);
  const sub = spelled(t, stored.submission);
  const body: VersionDetail = {
    campaignId: c,
    townshipId: t,
    townshipName: tw.name,
    version: v,
    current: state?.currentVersion === v,
    state: state?.state ?? 'missing',
    comment: state?.currentVersion === v ? (state.comment ?? null) : null,
    receivedAt: rec.receivedAt,
    contentHash: rec.contentHash,
    uploadedBy: rec.uploadedBy,
    info: { township: sub.township, filledBy: sub.filledBy, phone: sub.phone, filledOn: sub.filledOn },
    quota: { ok: rec.quotaOk, summary: rec.quotaSummary },
    counts: rec.counts,
    indicators: s.indicators.map((i) => ({ key: i.key, name: i.name, max: i.max })),
    orgs: sub.orgs.map((o) => row(s, o)),
    rectifications: sub.rectifications,
    warnings: stored.warnings.map(({ params: _p, ...w }) => w),
    diff: prev && prevRec ? diffVersions(s, prevRec.version, spelled(t, prev.submission), sub) : null,
  };
  return json(200, body);
});

export const registration = {
  name: 'versionGet',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/versions/{version}',
  handler,
};
app.http(registration.name, registration);
