// What a chosen link brings into the campaign form, from the linked campaign as read. A grading's
// predecessor fills the township list (and its built-in standard); with no 名册 read, the server
// carries the predecessor's organizations itself (campaign-plan: the roster, left out, is theirs).
// A 回头看's reviewed grading gives the year, the county and the townships: the 回头看 regrades
// those organizations under that standard. The county may still edit what was filled. Pure.
import type { CampaignDetail } from '../../../shared/api/contract';
import { followsPrevious, nextYear } from '../../../shared/campaign/previous';
import type { Linked } from '../slices';
import { campaignLabel, type CampaignFormValues } from './campaign-form';

export function linkedOf(detail: CampaignDetail, role: Linked['role']): Linked {
  const rosterCount = Object.values(detail.roster).reduce((n, list) => n + list.length, 0);
  return { role, id: detail.id, year: detail.year, county: detail.county, townships: detail.townships.map((t) => ({ id: t.id, name: t.name })), rosterCount };
}

export interface LinkFill {
  values: Partial<CampaignFormValues>;
  /** What the page says it filled in. */
  said: string;
}

/** `typedYear`: the 年度 in the form when the link is chosen; kept when it already follows last year's. */
export function linkFill(detail: CampaignDetail, role: Linked['role'], typedYear = ''): LinkFill {
  const linked = linkedOf(detail, role);
  const townships = linked.townships.map((t) => t.name).join('\n');
  const n = linked.townships.length;
  if (role === 'reviews') {
    return {
      values: { year: String(detail.year), county: detail.county, townships },
      said: `已按被复查的批次（${campaignLabel(linked)}）填入年度和 ${n} 个乡镇（街道）；回头看沿用该批次的评定标准和党组织名册。请填写截止日期；不参加回头看的乡镇（街道）可从名单中删去。`,
    };
  }
  const standard = detail.schemeId === 'default6' || detail.schemeId === 'yichun5' ? detail.schemeId : undefined;
  const roster = linked.rosterCount ? `；不导入名册时沿用上一年度的 ${linked.rosterCount} 个党组织` : '';
  // The form starts at this calendar year, often last year's grading year itself: the next one is offered.
  const typed = Number(typedYear.trim());
  const year = Number.isInteger(typed) && followsPrevious(typed, detail.year) ? null : String(nextYear(detail.year));
  return {
    values: { townships, ...(year ? { year } : {}), ...(standard ? { standard } : {}) },
    said: `已按上一年度批次（${campaignLabel(linked)}）填入${year ? `年度 ${year}、` : ' '}${n} 个乡镇（街道）${standard ? '和评定标准' : ''}${roster}。可以修改。`,
  };
}
