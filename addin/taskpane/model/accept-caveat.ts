// What an 审核通过 confirmation says first when the version breaks the quota: the table shows
// 不符合 in a column, but the confirmation asked only "通过？", so a county could lock a
// non-compliant grading without being told at the moment it decides. Pure.

const SAID = '不符合比例要求：';

interface Quota {
  ok: boolean;
  summary: string;
}

/** The reason part of a quota summary (after 不符合比例要求：), else the summary itself. */
function reason(summary: string): string {
  const at = summary.indexOf(SAID);
  return (at >= 0 ? summary.slice(at + SAID.length) : summary).replace(/[。；]+$/, '');
}

/** "注意：西河乡的比例不符合要求（…）。" before one township's confirmation; '' when it complies or is unknown. */
export function acceptCaveat(name: string, quota: Quota | null | undefined): string {
  return quota && !quota.ok ? `注意：${name}的比例不符合要求（${reason(quota.summary)}）。` : '';
}

/** For 全部通过: which of the townships break the quota, or ''. */
export function bulkAcceptCaveat(rows: ReadonlyArray<{ name: string; quota: Quota | null | undefined }>): string {
  const bad = rows.filter((r) => r.quota && !r.quota.ok).map((r) => r.name);
  return bad.length ? `注意：其中${bad.join('、')}的比例不符合要求（原因见表中“比例”列）。` : '';
}
