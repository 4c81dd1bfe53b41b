// The titles of the county workbook's forms and its file name. A 回头看's workbook is filed beside
// the grading's, with the same forms and different content: its titles and its file name name the
// 回头看, so two stamped documents never carry one title. Apart from the forms (forms.ts) so the
// pane can name a downloaded workbook without bundling the print standard.
import type { CampaignKind } from '../api/campaign';

/** Whose workbook a title is for (a grading's when `kind` is absent: records made before kinds). */
export interface TitleContext {
  county: string;
  year: number;
  kind?: CampaignKind | undefined;
}

/**
 * "青山县2026年度" and the form's name; in a 回头看's workbook the form's 分类定级 becomes
 * 分类定级回头看 ("…基层党组织分类定级回头看情况汇总表"), and a name without it is led by
 * 分类定级回头看 ("…分类定级回头看一般、较差基层党组织整改台账").
 */
export function formTitle(ctx: TitleContext, what: string): string {
  return `${ctx.county}${ctx.year}年度${kindName(what, ctx.kind)}`;
}

/** A form's name as a campaign of this kind files it: a 回头看's names the 回头看 (the township's template too). */
export function kindName(what: string, kind: CampaignKind | undefined): string {
  if (kind !== 'lookback') return what;
  return what.includes('分类定级') ? what.replace('分类定级', '分类定级回头看') : `分类定级回头看${what}`;
}

/** The county workbook's file name (Content-Disposition, and the pane's when the header has none). */
export function consolidatedFileName(c: TitleContext): string {
  return `${formTitle(c, '基层党组织分类定级汇总表')}.xlsx`;
}

/** The 派发表's title: a 回头看's names the 回头看, so its links are not taken for the grading's. */
export function dispatchTitle(c: TitleContext): string {
  return formTitle(c, '基层党组织分类定级上报链接派发表');
}

/** The 派发表's file name: "青山县2026年度上报链接派发表.xlsx"; a 回头看's "…年度分类定级回头看上报链接派发表.xlsx". */
export function dispatchFileName(c: TitleContext): string {
  return `${formTitle(c, '上报链接派发表')}.xlsx`;
}
