import { ALL_ISSUE_DEFS } from '../../../shared';

const ledger = ALL_ISSUE_DEFS.filter((d) => d.area === 'ledger');

test('the year-after codes sit in 400–499 by concern: roster, ledger, targets, 回头看', () => {
  const range = (prefix: string): [number, number] => (prefix === 'ROSTER' ? [400, 429] : prefix === 'LEDGER' ? [430, 469] : prefix.startsWith('TARGET') ? [470, 479] : [480, 499]);
  for (const d of ledger) {
    const [lo, hi] = range(d.code.split('_')[0] ?? '');
    expect([d.code, d.def.num >= lo && d.def.num <= hi]).toEqual([d.code, true]);
  }
  expect(ledger.length).toBeGreaterThan(30);
});

test('every year-after message that takes an organization names it, in quotes', () => {
  const name = '东山村党支部';
  for (const d of ledger) {
    const text = (d.def.zh as (p: object) => string)({ name, id: 'o-1', township: '东山镇', townships: '东山镇、西山镇', other: '西河村党支部', parent: '东山村党总支', action: '销号', who: '县委组织部', status: '已销号', value: 'x', matter: '阵地', deadline: '2026-06-30', days: 3, grade: '一般', count: 1, field: '挂点领导', scope: '全县', base: 2, moved: 1, share: '50.0%', target: '100%', needed: 1, detail: '有误', before: '一般', after: '较好', open: 1, pending: 0, label: '涉及三打两建问题', bottom: '较差', cap: '较好' });
    expect([d.code, /[\u4e00-\u9fff]/.test(text)]).toEqual([d.code, true]);
    if (d.def.zh.toString().includes('p.name')) expect([d.code, text.includes(`“${name}”`)]).toEqual([d.code, true]);
  }
});
