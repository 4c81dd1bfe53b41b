// A county's grading standard as data. Counties differ in categories, indicator splits, quota
// caps and explanation rules (domain.md), so none of those numbers live in code.
import { z } from 'zod';

const key = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, { message: '键名只能由字母、数字和下划线组成，且以字母开头' });
const share = z.number().min(0, { message: '比例不能小于 0' }).max(1, { message: '比例不能大于 1（请写成小数，如 0.2）' });

export const categorySchema = z.object({
  key,
  name: z.string().min(1),
  /** Other names clerks write for it; Traditional forms match automatically after normalization. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Quota classes let agencies or education/health units have a raised cap for 好. */
  quotaClass: key.default('standard'),
});

export const indicatorSchema = z.object({
  key,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  max: z.number().positive({ message: '指标满分必须大于 0' }),
});

export const gradeBandSchema = z.object({
  key,
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Lowest total that earns this grade, inclusive. */
  min: z.number().min(0),
});

export const quotaSchema = z.object({
  /** Cap on the share graded at the top band (好), per quota class where raised. */
  top: z.object({
    grade: key,
    maxShare: share,
    classCaps: z.record(z.string(), share).default({}),
    severity: z.enum(['error', 'warning']).default('error'),
  }),
  /** The bottom band (较差) should be "around" a target share. */
  bottom: z.object({
    grade: key,
    targetShare: share,
    tolerance: share,
    severity: z.enum(['error', 'warning']).default('warning'),
  }),
});

export const explanationRuleSchema = z.object({
  categories: z.array(key).min(1),
  grades: z.array(key).min(1),
});

export const overridesSchema = z.object({
  /** Involved in 三打两建 problems (or its leaders were): graded 较差 whatever the score. */
  forcedBottom: z.object({ enabled: z.boolean(), label: z.string().min(1) }),
  /** Newly established in the coverage campaign: cannot be graded 好 in principle. */
  newlyEstablishedCap: z.object({ enabled: z.boolean(), label: z.string().min(1), capGrade: key }),
  /** A branch under a general branch is normally graded the same as the general branch. */
  branchFollowsGeneralBranch: z.object({ enabled: z.boolean() }),
});

export const schemeSchema = z
  .object({
    id: key,
    name: z.string().min(1),
    version: z.string().min(1).default('1'),
    categories: z.array(categorySchema).min(1, { message: '至少需要一个类别' }),
    indicators: z.array(indicatorSchema).min(1, { message: '至少需要一项指标' }),
    /**
     * The total's ceiling (百分制: 100). Kept apart from the indicator maxima because source 000
     * lists 15/15/10/10/10/20/25, which add to 105, under a 100-point scale.
     */
    totalMax: z.number().positive().default(100),
    /** Highest band first. The last band must start at 0 so every total has a grade. */
    grades: z.array(gradeBandSchema).min(2, { message: '至少需要两个等次' }),
    quota: quotaSchema,
    explanations: z.array(explanationRuleSchema).default([]),
    overrides: overridesSchema,
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
    const sum = s.indicators.reduce((a, i) => a + i.max, 0);
    const reachable = Math.min(sum, s.totalMax);
    const first = s.grades[0];
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
    s.explanations.forEach((r, i) => {
      r.grades.forEach((g) => needGrade(g, ['explanations', i, 'grades']));
      r.categories.forEach((c) => {
        if (!catKeys.has(c)) ctx.addIssue({ code: 'custom', path: ['explanations', i, 'categories'], message: `未定义的类别键名“${c}”` });
      });
    });
  });

export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
export type Category = z.output<typeof categorySchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type GradeBand = z.output<typeof gradeBandSchema>;
