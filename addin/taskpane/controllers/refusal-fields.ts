// The server's refusal of a campaign, placed beside the form field it is about: by its code, or
// for a field the contract refused (REQUEST_FIELD_INVALID) by the field's Chinese name, which
// every such message carries (截止日期：…).
import { FIELD_LABELS } from '../../../shared/api/zod-zh';
import type { ApiError } from '../api/client';
import type { FieldKey, FieldNote } from '../model/campaign-form';

const BY_CODE: Record<string, FieldKey> = {
  CAMPAIGN_SCHEME_INVALID: 'standard',
  CAMPAIGN_SCHEME_LOCKED: 'standard',
  CAMPAIGN_TOWNSHIP_DUPLICATE: 'townships',
  CAMPAIGN_TOWNSHIP_NAME_DUPLICATE: 'townships',
  CAMPAIGN_TOWNSHIP_REPORTED: 'townships',
  CAMPAIGN_ROSTER_UNKNOWN: 'roster',
  CAMPAIGN_ROSTER_REFUSED: 'roster',
  CAMPAIGN_REVIEWS_MISSING: 'reviews',
  CAMPAIGN_REVIEWS_INVALID: 'reviews',
  CAMPAIGN_LINKS_MIXED: 'reviews',
  CAMPAIGN_LOOKBACK_TOWNSHIP: 'townships',
};

/** Request fields → form fields, matched by the Chinese names the server uses. */
const BY_LABEL: Array<[string, FieldKey]> = [
  [FIELD_LABELS.year ?? '年度', 'year'],
  [FIELD_LABELS.county ?? '县（市、区）名称', 'county'],
  [FIELD_LABELS.deadline ?? '截止日期', 'deadline'],
  [FIELD_LABELS.townships ?? '乡镇（街道）名单', 'townships'],
  [FIELD_LABELS.roster ?? '党组织名册', 'roster'],
  [FIELD_LABELS.scheme ?? '自定义评定标准', 'standard'],
  [FIELD_LABELS.schemeId ?? '评定标准', 'standard'],
  [FIELD_LABELS.reviewsId ?? '被复查的批次', 'reviews'],
];

export function fieldsOfRefusal(e: ApiError): Partial<Record<FieldKey, FieldNote>> {
  const out: Partial<Record<FieldKey, FieldNote>> = {};
  const byCode = BY_CODE[e.code];
  if (byCode) out[byCode] = { tone: 'error', text: e.message };
  if (e.code !== 'REQUEST_FIELD_INVALID') return out;
  const messages = e.issues.length ? e.issues.map((i) => i.message) : [e.message];
  for (const m of messages) {
    const text = m.replace(/^请求内容不正确：/, '');
    const hit = BY_LABEL.find(([label]) => text.startsWith(label));
    if (hit && !out[hit[1]]) out[hit[1]] = { tone: 'error', text };
  }
  return out;
}
