// A county's grading standard as data. Counties differ in categories, indicator splits, quota
// caps, explanation rules and the words their clerks use (domain.md), so none of those live in code.
import { z } from 'zod';
import { normalizeLabel } from '../text/normalize';

const key = z
  .string({ message: '应为键名文字' })
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, { message: '键名只能由字母、数字和下划线组成，且以字母开头' });
const share = z.number({ message: '应为数字' }).min(0, { message: '比例不能小于 0' }).max(1, { message: '比例不能大于 1（请写成小数，如 0.2）' });
const label = z.string({ message: '应为文字' }).trim().min(1, { message: '不能为空' }).max(40, { message: '不能超过 40 个字' });
/** Words clerks write for something; compared after normalization (Traditional, full width, spaces). */
const words = z.array(label, { message: '应为文字列表，如 ["民营企业", "非公经济"]' }).default([]);

export const categorySchema = z.object({
  key,
  name: label,
  /** Other names clerks write for it (民营企业, 非公经济); Traditional forms match automatically. */
  aliases: words,
  /** Quota classes let agencies or education/health units have a raised cap for 好. */
  quotaClass: key.default('standard'),
});

export const indicatorSchema = z.object({
  key,
  name: label,
  aliases: words,
  max: z.number({ message: '指标满分应为数字' }).positive({ message: '指标满分必须大于 0' }),
});

export const gradeBandSchema = z.object({
  key,
  label,
  aliases: words,
  /** Lowest total that earns this grade, inclusive. */
  min: z.number({ message: '等次下限应为数字' }).min(0, { message: '等次下限不能小于 0' }),
});

export const quotaSchema = z.object({
  /** Cap on the share graded at the top band (好), per quota class where raised. */
  top: z.object({
    grade: key,
    maxShare: share,
    classCaps: z.record(z.string(), share).default({}),
    severity: z.enum(['error', 'warning'], { message: '应为 "error" 或 "warning"' }).default('error'),
  }),
  /** The bottom band (较差) should be "around" a target share. */
  bottom: z.object({
    grade: key,
    targetShare: share,
    tolerance: share,
    severity: z.enum(['error', 'warning'], { message: '应为 "error" 或 "warning"' }).default('warning'),
  }),
});

/**
 * One upgrade target (晋位升级, source 000): last year's organizations of `grade` of which `share`
 * should have moved up at least one grade by the next round. Default (no `targets` section): the
 * bottom band 100 %, the band above it 30 % (shared/ledger/targets.ts `defaultUpgradeTargets`).
 */
export const upgradeTargetSchema = z.object({
  grade: key,
  share: z.number({ message: '应为数字' }).min(0, { message: '比例不能小于 0' }).max(1, { message: '比例不能大于 1（请写成小数，如 0.3）' }),
});

export const explanationRuleSchema = z.object({
  categories: z.array(key).min(1, { message: '至少需要一个类别' }),
  grades: z.array(key).min(1, { message: '至少需要一个等次' }),
});

const onOff = z.boolean({ message: '应为 true 或 false' });

export const overridesSchema = z.object({
  /** Involved in 三打两建 problems (or its leaders were): graded 较差 whatever the score. */
  forcedBottom: z.object({ enabled: onOff, label }),
  /** Newly established in the coverage campaign: cannot be graded 好 in principle. */
  newlyEstablishedCap: z.object({ enabled: onOff, label, capGrade: key }),
  /** A branch under a general branch is normally graded the same as the general branch. */
  branchFollowsGeneralBranch: z.object({ enabled: onOff }),
});

/**
 * A county's own words for organization types and yes/no marks, added to the built-in ones
 * (党委/党总支/党支部 and 是/否/√/…), e.g. 联合支部 or 有/无 where its clerks write them.
 */
export const vocabularySchema = z.object({
  orgTypes: z.object({ committee: words, generalBranch: words, branch: words }).default({ committee: [], generalBranch: [], branch: [] }),
  yes: words,
  no: words,
});

export const schemeSchema = z
  .object({
    id: key,
    name: label,
    version: z.string({ message: '应为文字' }).trim().min(1, { message: '不能为空' }).default('1'),
    categories: z.array(categorySchema).min(1, { message: '至少需要一个类别' }),
    indicators: z.array(indicatorSchema).min(1, { message: '至少需要一项指标' }),
    /** The total's ceiling (百分制: 100); the indicator maxima must add up to it. */
    totalMax: z.number({ message: '总分满分应为数字' }).positive({ message: '总分满分必须大于 0' }).default(100),
    /** Highest band first. The last band must start at 0 so every total has a grade. */
    grades: z.array(gradeBandSchema).min(2, { message: '至少需要两个等次' }),
    quota: quotaSchema,
    /** Upgrade targets for the year after; absent means the default (bottom 100 %, the band above 30 %). */
    targets: z.array(upgradeTargetSchema).min(1, { message: '至少需要一项目标' }).optional(),
    explanations: z.array(explanationRuleSchema).default([]),
    overrides: overridesSchema,
    vocabulary: vocabularySchema.default({ orgTypes: { committee: [], generalBranch: [], branch: [] }, yes: [], no: [] }),
  })
  .superRefine((s, ctx) => {
    const dup = (xs: string[], path: string, what: string) => {
      const seen = new Set<string>();
      for (const x of xs) {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [path], message: `${what}“${x}”重复` });
        seen.add(x);
      }
    };
    dup(s.categories.map((c) => c.key), 'categories', '类别键名');
    dup(s.categories.map((c) => c.name), 'categories', '类别名称');
    dup(s.indicators.map((i) => i.key), 'indicators', '指标键名');
    dup(s.grades.map((g) => g.key), 'grades', '等次键名');
    dup(s.grades.map((g) => g.label), 'grades', '等次名称');
    // A word that names two categories (or two grades) would make a cell mean two things.
    oneMeaning(ctx, 'categories', '类别', s.categories.map((c) => ({ name: c.name, words: [c.name, c.key, ...c.aliases] })));
    oneMeaning(ctx, 'grades', '等次', s.grades.map((g) => ({ name: g.label, words: [g.label, g.key, ...g.aliases] })));
    oneMeaning(ctx, 'indicators', '指标', s.indicators.map((i) => ({ name: i.name, words: [i.name, i.key, ...i.aliases] })));
    const o = s.vocabulary.orgTypes;
    oneMeaning(ctx, 'vocabulary.orgTypes', '组织类型', [
      { name: 'committee', words: o.committee },
      { name: 'generalBranch', words: o.generalBranch },
      { name: 'branch', words: o.branch },
    ]);
    oneMeaning(ctx, 'vocabulary', '是/否标记', [
      { name: 'yes', words: s.vocabulary.yes },
      { name: 'no', words: s.vocabulary.no },
    ]);

    for (let i = 1; i < s.grades.length; i++) {
      const prev = s.grades[i - 1];
      const cur = s.grades[i];
      if (prev && cur && !(cur.min < prev.min)) {
        ctx.addIssue({ code: 'custom', path: ['grades', i, 'min'], message: `等次须按分数从高到低排列：“${cur.label}”的下限应低于“${prev.label}”` });
      }
    }
    const last = s.grades[s.grades.length - 1];
    if (last && last.min !== 0) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: `最低等次“${last.label}”的下限必须是 0` });
    }
    // A standard must be self-consistent: a row whose every indicator is within its maximum is
    // never refused for its total (source 000 lists maxima adding to 105 under a 100-point scale).
    const sum = Math.round(s.indicators.reduce((a, i) => a + i.max, 0) * 1e6) / 1e6;
    if (Math.abs(sum - s.totalMax) > 1e-9) {
      const list = s.indicators.map((i) => `${i.name} ${i.max}`).join('、');
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: `各项指标满分之和为 ${sum}（${list}），与总分满分 totalMax ${s.totalMax} 不一致；请调整指标满分，使其相加等于总分满分` });
    }
    const first = s.grades[0];
    const reachable = Math.min(sum, s.totalMax);
    if (first && first.min > reachable) {
      ctx.addIssue({ code: 'custom', path: ['grades', 0, 'min'], message: `最高等次下限 ${first.min} 超过了可得的最高总分 ${reachable}` });
    }

    const gradeKeys = new Set(s.grades.map((g) => g.key));
    const catKeys = new Set(s.categories.map((c) => c.key));
    const classes = new Set(s.categories.map((c) => c.quotaClass));
    const needGrade = (k: string, path: (string | number)[]) => {
      if (!gradeKeys.has(k)) ctx.addIssue({ code: 'custom', path, message: `未定义的等次键名“${k}”` });
    };
    needGrade(s.quota.top.grade, ['quota', 'top', 'grade']);
    needGrade(s.quota.bottom.grade, ['quota', 'bottom', 'grade']);
    needGrade(s.overrides.newlyEstablishedCap.capGrade, ['overrides', 'newlyEstablishedCap', 'capGrade']);
    for (const cls of Object.keys(s.quota.top.classCaps)) {
      if (!classes.has(cls)) ctx.addIssue({ code: 'custom', path: ['quota', 'top', 'classCaps', cls], message: `没有类别属于比例类“${cls}”` });
    }
    const targetGrades = new Set<string>();
    s.targets?.forEach((t, i) => {
      const rank = s.grades.findIndex((g) => g.key === t.grade);
      if (rank < 0) needGrade(t.grade, ['targets', i, 'grade']);
      else if (rank === 0) ctx.addIssue({ code: 'custom', path: ['targets', i, 'grade'], message: `最高等次“${s.grades[0]?.label ?? t.grade}”无法再晋位升级` });
      if (targetGrades.has(t.grade)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'grade'], message: `等次“${t.grade}”的目标重复` });
      targetGrades.add(t.grade);
    });
    s.explanations.forEach((r, i) => {
      r.grades.forEach((g) => needGrade(g, ['explanations', i, 'grades']));
      r.categories.forEach((c) => {
        if (!catKeys.has(c)) ctx.addIssue({ code: 'custom', path: ['explanations', i, 'categories'], message: `未定义的类别键名“${c}”` });
      });
    });
  });

function oneMeaning(ctx: z.RefinementCtx, path: string, what: string, items: Array<{ name: string; words: string[] }>): void {
  const owner = new Map<string, string>();
  for (const it of items) {
    for (const w of new Set(it.words.map(normalizeLabel))) {
      const prev = owner.get(w);
      if (prev !== undefined && prev !== it.name) {
        ctx.addIssue({ code: 'custom', path: path.split('.'), message: `“${w}”同时是${what}“${prev}”和“${it.name}”的名称或别名，请只保留一处` });
      } else owner.set(w, it.name);
    }
  }
}

export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
export type Category = z.output<typeof categorySchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type GradeBand = z.output<typeof gradeBandSchema>;
