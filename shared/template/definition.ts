// The county's forms as data: which sheets, which columns, which header texts. The generator writes
// them, the reader finds them by text, the validator knows what each column means. Indicator and
// flag columns come from the scheme, so a five-way or differently split standard gets its own sheet.
import type { Scheme } from '../scheme/schema';
import type { CampaignKind } from '../api/campaign';
import { kindName } from '../consolidate/titles';
import { normalizeLabel } from '../text/normalize';
import { GRADE_HEADER, GRADE_HEADER_ALIASES, TOTAL_HEADER, TOTAL_HEADER_ALIASES } from './header-words';
import { fitWidth } from '../print/measure';
import { inlineRows } from '../print/blocks';
import type { LabelledItem } from '../print/types';

export const TEMPLATE_ID = 'grading-detail';
/** Bumped when the layout changes in a way an older reader would misread. */
export const TEMPLATE_VERSION = '1';

export const DETAIL_SHEET = '分类定级情况一览表';
/** The township's 分类定级汇总表 (source 002, 附件三): counts and shares of the 一览表 by formula. */
export const SUMMARY_SHEET = '汇总表';
export const RECT_SHEET = '整改台账';
export const META_SHEET = '_meta';
/** Every sheet of the template, in order (the task pane inserts these). */
export const TEMPLATE_SHEETS = [DETAIL_SHEET, SUMMARY_SHEET, RECT_SHEET, META_SHEET] as const;

/** Generated layout (title, unit/date block, header); the reader does not rely on it (it finds headers by text). */
export const DETAIL_LAYOUT = { titleRow: 1, infoRow: 2, headerRow: 3, subHeaderRow: 4, firstDataRow: 5 } as const;
export const RECT_LAYOUT = { titleRow: 1, infoRow: 2, headerRow: 3, firstDataRow: 4 } as const;
/**
 * Rows pre-created with formulas and checks. Only rows that exist print, so a template has the
 * roster plus a few blank rows (a paper form's blank lines), or this many without a roster; a
 * clerk with more organizations copies a row (formulas and checks come with it).
 */
export const DEFAULT_TEMPLATE_ROWS = 30;
export const SPARE_TEMPLATE_ROWS = 5;
export const DEFAULT_RECT_ROWS = 15;

export const INDICATOR_GROUP = '分类定级指标得分';
export const FLAG_GROUP = '否决及限制情形';

export type ColumnKind = 'seq' | 'text' | 'category' | 'orgType' | 'int' | 'score' | 'total' | 'flag' | 'grade';

export type DetailKey =
  | 'seq'
  | 'name'
  | 'committee'
  | 'category'
  | 'orgType'
  | 'parent'
  | 'members'
  | 'score'
  | 'total'
  | 'forcedBottom'
  | 'newlyEstablished'
  | 'grade'
  | 'explanation'
  | 'remark';

export interface ColumnDef<K extends string = string> {
  key: K;
  /** Header text as generated (indicators carry their maximum: "党组织带头人（15分）"). */
  header: string;
  /** Other header texts accepted by the reader (normalized on comparison). */
  aliases: readonly string[];
  /** Group header above this column in a two-row header. */
  group?: string;
  kind: ColumnKind;
  required: boolean;
  width: number;
  /** For score columns: position in scheme.indicators and the maximum. */
  indicator?: number;
  max?: number;
}

export type DetailColumn = ColumnDef<DetailKey>;

/**
 * Width of a score, total or 是/否 column: a score such as 14.5 fits, the header wraps two or
 * three characters a line. At the old widths (7, 198 units for the 一览表) the sheet fit to a
 * landscape page printed at 70 %, body text at 7 pt (5.5 pt where Calibri was missing); now 165
 * units, ~83 %. Not 5: the 填报 block must stay on one row (DETAIL_LAYOUT) over the columns of a
 * five-indicator scheme, and at 5 联系电话 takes the 情况说明 column and 填报日期 finds no room.
 */
const SCORE_WIDTH = 6;

export function detailColumns(s: Scheme): DetailColumn[] {
  const cols: DetailColumn[] = [
    { key: 'seq', header: '序号', aliases: ['编号', '序'], kind: 'seq', required: false, width: 5 },
    { key: 'name', header: '党组织名称', aliases: ['基层党组织名称', '组织名称', '名称', '党组织', '党组织全称', '单位名称', '支部名称'], kind: 'text', required: true, width: 20 },
    { key: 'committee', header: '所属党(工)委', aliases: ['所属党委', '所属党工委', '所属基层党委', '所属党(工)委'], kind: 'text', required: false, width: 10 },
    { key: 'category', header: '类别', aliases: ['领域', '所属领域', '类型类别', '党组织类别', '分类'], kind: 'category', required: true, width: fitWidth(s.categories.map((c) => c.name), 8, 10) },
    { key: 'orgType', header: '组织类型', aliases: ['党组织类型', '组织形式', '党组织形式'], kind: 'orgType', required: false, width: 7 },
    { key: 'parent', header: '所属党总支', aliases: ['上级党总支', '所属总支'], kind: 'text', required: false, width: 10 },
    { key: 'members', header: '党员数', aliases: ['党员人数', '党员数(名)', '党员数(人)'], kind: 'int', required: false, width: 5 },
  ];
  s.indicators.forEach((ind, i) => {
    cols.push({
      key: 'score',
      header: `${ind.name}（${formatMax(ind.max)}分）`,
      aliases: [ind.name, ind.key, ...ind.aliases],
      group: INDICATOR_GROUP,
      kind: 'score',
      required: true,
      width: SCORE_WIDTH,
      indicator: i,
      max: ind.max,
    });
  });
  cols.push({ key: 'total', header: `总分（${formatMax(s.totalMax)}分）`, aliases: [TOTAL_HEADER, ...TOTAL_HEADER_ALIASES], kind: 'total', required: true, width: SCORE_WIDTH });
  const o = s.overrides;
  if (o.forcedBottom.enabled) {
    cols.push({ key: 'forcedBottom', header: o.forcedBottom.label, aliases: ['三打两建', '涉及三打两建', '涉及“三打两建”问题'], group: FLAG_GROUP, kind: 'flag', required: false, width: SCORE_WIDTH });
  }
  if (o.newlyEstablishedCap.enabled) {
    cols.push({ key: 'newlyEstablished', header: o.newlyEstablishedCap.label, aliases: ['新组建党组织', '新建', '是否新组建'], group: FLAG_GROUP, kind: 'flag', required: false, width: SCORE_WIDTH });
  }
  cols.push(
    { key: 'grade', header: GRADE_HEADER, aliases: [...GRADE_HEADER_ALIASES], kind: 'grade', required: true, width: 6 },
    { key: 'explanation', header: '情况说明', aliases: ['说明', '扣分理由', '定级理由', '情况说明(扣分理由)'], kind: 'text', required: s.explanations.length > 0, width: 24 },
    { key: 'remark', header: '备注', aliases: [], kind: 'text', required: false, width: 8 },
  );
  return fitInfoRow(cols);
}

/** The widest a score column grows to: the table stays narrower than the default scheme's. */
const MAX_SCORE_WIDTH = 14;

/**
 * The 填报 block must stay on one row (DETAIL_LAYOUT). It is laid over the columns (print/blocks.ts),
 * so a scheme with few indicators and no flag columns pushed 填报日期 to a second row and the
 * header down: the score, total and flag columns widen together until the block fits.
 */
function fitInfoRow(cols: DetailColumn[]): DetailColumn[] {
  const narrow = (c: DetailColumn) => c.kind === 'score' || c.kind === 'total' || c.kind === 'flag';
  let out = cols;
  for (let w = SCORE_WIDTH; w <= MAX_SCORE_WIDTH; w++) {
    out = cols.map((c) => (narrow(c) ? { ...c, width: w } : c));
    if (inlineRows(infoItems(null), out.map((c) => c.width)).length === 1) break;
  }
  return out;
}

export type RectKey = 'seq' | 'orgName' | 'grade' | 'problems' | 'measures' | 'owner' | 'deadline' | 'status' | 'requestClose' | 'completedOn' | 'state' | 'leader' | 'liaison' | 'itemId';
export type RectColumn = ColumnDef<RectKey>;

/**
 * The 整改台账's columns. The first eight are the form townships have always filled; the rest
 * carry the ledger as records (shared/ledger): the township marks 申请销号 with its 完成日期, and
 * a template pre-filled with the township's open items shows each item's 台账状态, the county's
 * 挂点领导 and 联络员, and its 台账编号, which ties the line to its item when the sheet comes back.
 * New columns go last, so cells of the first eight keep their addresses in every template.
 */
export const RECT_COLUMNS: readonly RectColumn[] = [
  { key: 'seq', header: '序号', aliases: ['编号'], kind: 'seq', required: false, width: 5 },
  { key: 'orgName', header: '党组织名称', aliases: ['基层党组织名称', '组织名称', '名称'], kind: 'text', required: true, width: 18 },
  { key: 'grade', header: '等次', aliases: ['定级等次', '评定等次'], kind: 'grade', required: false, width: 6 },
  { key: 'problems', header: '主要问题', aliases: ['存在问题', '存在的主要问题', '整改事项', '问题'], kind: 'text', required: true, width: 22 },
  { key: 'measures', header: '整改措施', aliases: ['主要措施', '措施', '整改主要措施'], kind: 'text', required: true, width: 22 },
  { key: 'owner', header: '责任人', aliases: ['整改责任人'], kind: 'text', required: true, width: 8 },
  { key: 'deadline', header: '完成时限', aliases: ['时限', '完成时间', '整改时限'], kind: 'text', required: true, width: 11 },
  { key: 'status', header: '完成情况', aliases: ['整改情况', '进展情况', '整改完成情况'], kind: 'text', required: false, width: 16 },
  { key: 'requestClose', header: '申请销号', aliases: ['是否申请销号', '销号申请'], kind: 'flag', required: false, width: 6 },
  { key: 'completedOn', header: '完成日期', aliases: ['整改完成日期', '实际完成日期'], kind: 'text', required: false, width: 11 },
  { key: 'state', header: '台账状态', aliases: ['销号情况', '整改状态'], kind: 'text', required: false, width: 8 },
  { key: 'leader', header: '挂点领导', aliases: ['挂点县领导', '挂点联系领导'], kind: 'text', required: false, width: 8 },
  { key: 'liaison', header: '联络员', aliases: ['联系人'], kind: 'text', required: false, width: 8 },
  { key: 'itemId', header: '台账编号', aliases: ['整改事项编号', '事项编号'], kind: 'text', required: false, width: 18 },
];

/** The 填报 block above the header; the reader finds each label and takes the text after it. */
export const INFO_FIELDS = [
  // The form prints 填报单位（盖章）: the township stamps over it.
  { key: 'township', label: '填报单位', aliases: ['填报单位（盖章）', '报送单位', '单位'] },
  { key: 'filledBy', label: '填报人', aliases: ['填表人', '经办人'] },
  { key: 'phone', label: '联系电话', aliases: ['电话', '联系方式'] },
  { key: 'filledOn', label: '填报日期', aliases: ['填报时间', '日期', '报送日期'] },
] as const;
export type InfoKey = (typeof INFO_FIELDS)[number]['key'];

/** The unit/date block; value widths are fixed so the filler and the reader find the same cells. */
export function infoItems(township: string | null): LabelledItem[] {
  return INFO_FIELDS.map((f): LabelledItem => {
    switch (f.key) {
      case 'township':
        return { label: '填报单位（盖章）', value: township, blank: 16 };
      case 'phone':
        return { label: f.label, blank: 16 };
      case 'filledOn':
        return { label: f.label, blank: 12, kind: 'date' };
      default:
        return { label: f.label, blank: 12 };
    }
  });
}

export const ORG_TYPES = [
  { key: 'committee', label: '党委', aliases: ['党工委', '基层党委', '党委会'] },
  { key: 'generalBranch', label: '党总支', aliases: ['总支', '党总支部'] },
  { key: 'branch', label: '党支部', aliases: ['支部', '联合党支部', '临时党支部', '功能型党支部'] },
] as const;

/** 党委 / 党总支 / 党支部 for an org-type key; '' for none (the one place keys become words). */
export function orgTypeLabel(key: string | null | undefined): string {
  return ORG_TYPES.find((t) => t.key === key)?.label ?? '';
}

export const FLAG_CHOICES = ['是', '否'] as const;

/** Keys of the `_meta` sheet (column A) and of the workbook's custom properties. */
export const META_KEYS = ['templateId', 'templateVersion', 'schemeId', 'schemeVersion', 'schemeFingerprint', 'campaignId', 'townshipId', 'township', 'county', 'year'] as const;
export type MetaKey = (typeof META_KEYS)[number];
export type TemplateMeta = Partial<Record<MetaKey, string>>;

export function formatMax(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function detailTitle(county: string, township: string, year: number | string, kind?: CampaignKind): string {
  return `${county}${township}${year}年度${kindName('基层党组织分类定级情况一览表', kind)}`;
}

export function rectTitle(township: string, year: number | string, kind?: CampaignKind): string {
  return `${township}${year}年度${kindName('一般、较差基层党组织整改台账', kind)}`;
}

/** Lowest bands that need a rectification row: 一般 and 较差 with four bands. */
export function needsRectification(s: Scheme, gradeKey: string): boolean {
  const rank = s.grades.findIndex((g) => g.key === gradeKey);
  return rank >= Math.ceil(s.grades.length / 2);
}

const HEADER_MAX = /^(.+?)\((?:满分)?(\d+(?:\.\d+)?)分?\)$/;

/**
 * "党组织带头人（15分）" → { label: "党组织带头人", max: 15 }. Normalized text; brackets of any width.
 */
export function splitHeader(text: string): { label: string; max: number | null } {
  return splitLabel(normalizeLabel(text));
}

/** splitHeader of a text already through normalizeLabel. */
export function splitLabel(n: string): { label: string; max: number | null } {
  // Most texts asked about are organization names, read on every row: no ")" at the end, no maximum.
  const m = n.endsWith(')') ? HEADER_MAX.exec(n) : null;
  if (m && m[1] && m[2]) return { label: m[1], max: Number(m[2]) };
  return { label: n, max: null };
}
