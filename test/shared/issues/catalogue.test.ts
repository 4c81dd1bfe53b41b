import { ALL_ISSUE_DEFS, ISSUES, LEDGER_REFUSAL_STATUS, makeIssue, quoted, statusOf } from '../../../shared';

test('issue numbers are unique and codes are SCREAMING_SNAKE', () => {
  const nums = ALL_ISSUE_DEFS.map((d) => d.def.num);
  expect(new Set(nums).size).toBe(nums.length);
  for (const d of ALL_ISSUE_DEFS) expect(d.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(Object.keys(ISSUES)).toHaveLength(ALL_ISSUE_DEFS.length);
});

test('numbers sit in their area range', () => {
  const range = { grading: [100, 199], workbook: [200, 299], server: [300, 399], ledger: [400, 499] } as Record<string, [number, number]>;
  for (const d of ALL_ISSUE_DEFS) {
    const [lo, hi] = range[d.area] ?? [0, -1];
    expect([d.code, d.def.num >= lo && d.def.num <= hi]).toEqual([d.code, true]);
  }
});

test('every message is Chinese text', () => {
  for (const d of ALL_ISSUE_DEFS) {
    const text = (d.def.zh as (p: object) => string)({ value: 'x', max: 1, name: 'n', detail: '评定标准无效' });
    expect([d.code, /[\u4e00-\u9fff]/.test(text)]).toEqual([d.code, true]);
  }
});

test('makeIssue names the sheet and cell first', () => {
  const i = makeIssue('SCORE_MALFORMED', { value: 'abc', max: 15 }, { sheet: '一览表', cell: 'H5' });
  expect(i).toMatchObject({ code: 'SCORE_MALFORMED', num: 101, severity: 'error', sheet: '一览表', cell: 'H5' });
  expect(i.message).toBe('工作表“一览表”H5 单元格：“abc”不是有效的分数，请填写 0 到 15 之间的数字');
});

test.each([
  ['short', 'abc', 'abc'],
  ['exactly 40', '一'.repeat(40), '一'.repeat(40)],
  ['41 characters', '一'.repeat(41), `${'一'.repeat(40)}…（共 41 字）`],
  ['a million', 'x'.repeat(1_000_000), `${'x'.repeat(40)}…（共 1000000 字）`],
])('a quoted value is cut to a short prefix: %s', (_name, value, want) => {
  expect(quoted(value)).toBe(want);
  const i = makeIssue('SCORE_MALFORMED', { value, max: 15 });
  expect(i.params?.value).toBe(want);
  expect(i.message.length).toBeLessThan(want.length + 40);
});

test('a refusal carries its HTTP status; a data issue has none', () => {
  expect(statusOf('AUTH_MISSING')).toBe(401);
  expect(statusOf('UPLOAD_REFUSED')).toBe(422);
  expect(statusOf('UPLOAD_LOCKED')).toBe(409);
  expect(ISSUES.SCORE_MALFORMED.status).toBeUndefined();
  // Server codes all answer a request; so do the ledger machine's refusals of an action (the
  // status its refusal reason maps to); every other code is about data and has none.
  const machine = new Map<string, number>([
    ['LEDGER_FORBIDDEN_ROLE', LEDGER_REFUSAL_STATUS.forbidden],
    ['LEDGER_OTHER_TOWNSHIP', LEDGER_REFUSAL_STATUS.forbidden],
    ['LEDGER_BAD_TRANSITION', LEDGER_REFUSAL_STATUS.conflict],
    ['LEDGER_REQUEST_NO_PROGRESS', LEDGER_REFUSAL_STATUS.invalid],
    ['LEDGER_REQUEST_NO_DATE', LEDGER_REFUSAL_STATUS.invalid],
    ['LEDGER_REQUEST_DATE_FUTURE', LEDGER_REFUSAL_STATUS.invalid],
    ['LEDGER_REQUEST_NO_MATTER', LEDGER_REFUSAL_STATUS.invalid],
    ['LEDGER_COMMENT_REQUIRED', LEDGER_REFUSAL_STATUS.invalid],
  ]);
  for (const d of ALL_ISSUE_DEFS) {
    const want = d.area === 'server' ? 'a status' : machine.has(d.code) ? machine.get(d.code) : undefined;
    expect([d.code, d.area === 'server' && typeof d.def.status === 'number' ? 'a status' : d.def.status]).toEqual([d.code, want]);
  }
});
