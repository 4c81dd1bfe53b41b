// Every refusal of a request body reads in Chinese and names the field in Chinese.
import { z } from 'zod';
import { bulkReviewSchema, createCampaignSchema, dateSchema, issueAccessSchema, reviewActionSchema, revokeAccessSchema, updateCampaignSchema } from '../../../shared/api/contract';
import { ledgerActionSchema } from '../../../shared/api/ledger';
import { FIELD_LABELS, fieldPath, LEDGER_ACTION_LABELS, zodIssuesText } from '../../../shared/api/zod-zh';

const text = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return zodIssuesText(r.error.issues);
};
const NO_ENGLISH = /[A-Za-z]{3,}/;

describe('dates', () => {
  it.each([
    ['2026-04-25', '2026-04-25'],
    ['2026/4/5', '2026-04-05'],
    ['2026年4月25日', '2026-04-25'],
    ['２０２６－０４－２５', '2026-04-25'],
    ['2026.4.25', '2026-04-25'],
  ])('reads %s as %s', (input, iso) => {
    expect(dateSchema.parse(input)).toBe(iso);
  });

  it.each(['2026-02-30', '2026-13-01', '4月25日', 'tomorrow', ''])('refuses %s saying how to write a date', (input) => {
    const t = text(z.object({ deadline: dateSchema }), { deadline: input });
    expect(t).toContain('截止日期：');
    expect(t).toContain('不是有效的日期，请写成 2026-04-25 的形式');
  });
});

describe('messages', () => {
  it.each([
    ['a missing field', createCampaignSchema, { year: 2026, county: '青山县', townships: [{ name: '东山镇' }] }, '截止日期：必须填写'],
    ['a number as text', createCampaignSchema, { year: '2026', county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }] }, '年度：应为数字，实际是文字'],
    ['a year out of range', createCampaignSchema, { year: 1999, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }] }, '年度：不能小于 2000'],
    ['an empty list', createCampaignSchema, { year: 2026, county: '青山县', deadline: '2026-04-25', townships: [] }, '乡镇（街道）名单：至少要有 1 项'],
    ['a blank name inside a list', createCampaignSchema, { year: 2026, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }, { name: ' ' }] }, '乡镇（街道）名单第 2 项的名称：不能为空'],
    ['a bad id', createCampaignSchema, { id: 'C 2026', year: 2026, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }] }, '编号：编号只能使用小写字母、数字和短横线'],
    ['an unknown standard', createCampaignSchema, { year: 2026, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }], schemeId: 'x' }, '评定标准：应为以下之一：“default6”、“yichun5”'],
    ['a missing revision', updateCampaignSchema, { year: 2026, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }] }, '批次设置版本号：必须填写'],
    ['an unknown action', reviewActionSchema, { action: 'approve' }, '审核操作：应为以下之一'],
    ['a too long comment', reviewActionSchema, { action: 'return', comment: '改'.repeat(2001) }, '审核意见：不能超过 2000 个字'],
    ['bulk items without versions', bulkReviewSchema, { action: 'accept', items: [{ townshipId: 'dongshan' }] }, '审核清单第 1 项的版本号：必须填写'],
    ['days out of range', issueAccessSchema, { days: 0 }, '有效天数：不能小于 1'],
    ['nothing to revoke', revokeAccessSchema, { townships: [] }, '乡镇（街道）名单：至少要有 1 项'],
    ['a body that is not an object', revokeAccessSchema, 'x', '请求内容：应为对象，实际是文字'],
  ])('%s', (_n, schema, input, want) => {
    const t = text(schema as z.ZodType, input);
    expect(t).toContain(want);
    // Values are quoted as sent (“accept”); everything else is Chinese.
    expect(t.replace(/“[^”]*”/g, '')).not.toMatch(NO_ENGLISH);
  });

  it('says how many more problems there are beyond five', () => {
    const t = text(z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string(), g: z.string() }), {});
    expect(t).toMatch(/另有 2 处问题$/);
  });
});

describe('field names', () => {
  it.each([
    [['townships', 2, 'name'], '乡镇（街道）名单第 3 项的名称'],
    [['roster', '东山镇', 0, 'category'], '党组织名册的“东山镇”第 1 项的类别'],
    [[], '请求内容'],
    [['__proto__'], '“__proto__”'],
    [['roster', 'constructor'], '党组织名册的“constructor”'],
    [['roster', '镇'.repeat(41)], `党组织名册的“${'镇'.repeat(40)}…”`],
  ])('%j → %s', (path, want) => {
    expect(fieldPath(path)).toBe(want);
  });

  it('has a Chinese name for every field of every request schema', () => {
    const keys = (s: z.ZodType): string[] => {
      const shape = (s as unknown as { shape?: Record<string, z.ZodType> }).shape;
      if (!shape) return [];
      return Object.entries(shape).flatMap(([k, v]) => {
        const inner = (v as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? v;
        const el = (inner as unknown as { element?: z.ZodType }).element;
        return [k, ...keys(el ?? inner)];
      });
    };
    const all = [createCampaignSchema, updateCampaignSchema, reviewActionSchema, bulkReviewSchema, issueAccessSchema, revokeAccessSchema].flatMap(keys);
    expect(all.filter((k) => !FIELD_LABELS[k])).toEqual([]);
  });
});

describe('the ledger action’s own field names (its action is not a review’s)', () => {
  it.each([
    [['action'], '整改台账操作'],
    [['comment'], '意见或原因'],
    [['fields', 'deadline'], '整改事项内容的完成时限'],
  ])('%j → %s', (path, want) => {
    expect(fieldPath(path, LEDGER_ACTION_LABELS)).toBe(want);
  });

  it.each([
    // Six values would not fit in the 40 characters a field's problem is quoted to.
    ['an unknown action', { action: 'close' }, '取值不正确'],
    ['no action', {}, '必须填写'],
  ])('%s says what the action may be', (_what, input, want) => {
    const r = ledgerActionSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${fieldPath(i.path, LEDGER_ACTION_LABELS)}：${i.message}`)).toEqual([`整改台账操作：${want}`]);
  });
});
