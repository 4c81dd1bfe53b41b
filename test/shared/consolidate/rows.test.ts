import { defaultScheme, detailForm, detailRow, gradeReason, ledgerRows, summaryRow, type FormContext, type OrgRow, type RectificationRow, type Submission } from '../../../shared';

const s = defaultScheme;

function org(name: string, grade: string, total: number, more: Partial<OrgRow> = {}): OrgRow {
  return { row: 5, seq: null, name, committee: null, category: 'village', orgType: 'branch', parentName: null, members: 12, scores: [15, 15, 10, 10, 10, 20, 5], total, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '', ...more };
}

function line(orgName: string, problems: string, extra: Record<string, unknown> = {}): RectificationRow {
  return { row: 3, orgName, problems, measures: `${problems}的措施`, owner: '张三', deadline: '2026-12-31', status: '', ...extra } as RectificationRow;
}

function sub(orgs: OrgRow[], rectifications: RectificationRow[] = []): Pick<Submission, 'orgs' | 'rectifications'> {
  return { orgs, rectifications };
}

describe('why a grade is not the score’s', () => {
  test.each([
    ['the score decided', org('a', 'fairlyGood', 85), null],
    ['三打两建 forces 较差', org('a', 'poor', 95, { flags: { forcedBottom: true, newlyEstablished: false } }), '标记为“涉及三打两建问题”，一律定为“较差”'],
    ['新组建 caps at 较好', org('a', 'fairlyGood', 95, { flags: { forcedBottom: false, newlyEstablished: true } }), '标记为“新组建”，原则上不能定为“好”'],
    ['a branch follows its 党总支', org('a', 'average', 85, { parentName: '东山村党总支' }), '党支部一般与所属党总支等次相同'],
  ])('%s', (_what, o, reason) => {
    expect(gradeReason(s, o)).toBe(reason);
  });
});

describe('明细表 rows', () => {
  test('carry the override columns and the reason, in the form’s column order', () => {
    const ctx: FormContext = { scheme: s, county: '某县', year: 2026, townships: ['甲镇'], generatedAt: '2026-04-25 10:00' };
    const headers = detailForm(ctx).columns.map((c) => c.header);
    const o = org('东山村党支部', 'poor', 85, { flags: { forcedBottom: true, newlyEstablished: false }, explanation: '说明' });
    const row = detailRow(s, 7, '甲镇', o);
    expect(row).toHaveLength(headers.length);
    const at = (h: string) => row[headers.indexOf(h)];
    expect([at('序号'), at('乡镇（街道）'), at('党组织名称'), at('类别'), at('组织类型'), at('党员数')]).toEqual([7, '甲镇', '东山村党支部', '村', '党支部', 12]);
    expect([at('涉及三打两建问题'), at('新组建'), at('等次'), at('情况说明')]).toEqual(['是', '否', '较差', '说明']);
    expect(at('等次调整原因')).toContain('三打两建');
    expect(at(`总分（${s.totalMax}分）`)).toBe(85);
  });
});

describe('lists and ledger of one submission', () => {
  test('ledger lines are matched by orgKey: Traditional and full-width names keep 问题 and 措施', () => {
    const l = ledgerRows(s, '甲镇', sub([org('东山村党支部', 'poor', 50), org('西河村党支部', 'average', 70)], [line('東山村黨支部', '班子软弱'), line('西河村 党支部', '制度不全')]));
    expect(l.rect.map((r) => [r[2], r[4], r[5], r[6]])).toEqual([
      ['东山村党支部', '较差', '班子软弱', '班子软弱的措施'],
      ['西河村党支部', '一般', '制度不全', '制度不全的措施'],
    ]);
    expect(l.poorDetail[0]?.slice(5, 9)).toEqual(['班子软弱', '班子软弱的措施', '张三', '2026-12-31']);
  });

  test('a deadline written as text (年底前) is shown as written', () => {
    const l = ledgerRows(s, '甲镇', sub([org('甲', 'poor', 50)], [line('甲', '问题', { deadline: null, deadlineText: '年底前' })]));
    expect(l.rect[0]?.[8]).toBe('年底前');
    expect(l.poorDetail[0]?.[8]).toBe('年底前');
  });

  test('several items of one 较差 organization: one line each in the ledger, numbered together in the 状况明细表', () => {
    const l = ledgerRows(s, '甲镇', sub([org('甲', 'poor', 50)], [line('甲', '班子软弱'), line('甲', '制度不全')]));
    expect(l.rect).toHaveLength(2);
    expect(l.poorDetail[0]?.[5]).toBe('1. 班子软弱\n2. 制度不全');
  });

  test.each([
    ['the same 问题 and 措施 twice (the pre-filled line and a typed copy)', [line('甲', '班子软弱'), line('甲', '班子软弱')], ['班子软弱']],
    ['written with spaces around it', [line('甲', '班子软弱'), line('甲', ' 班子软弱 ', { measures: '班子软弱的措施' })], ['班子软弱']],
    ['the copy without 措施', [line('甲', '班子软弱'), line('甲', '班子软弱', { measures: '' })], ['班子软弱']],
    ['the same 问题 with other 措施: two items', [line('甲', '班子软弱'), line('甲', '班子软弱', { measures: '另一项措施' })], ['班子软弱', '班子软弱']],
    ['two blank 问题: both kept (nothing to compare)', [line('甲', ''), line('甲', '')], [null, null]],
  ])('a repeated line is listed once, as the ledger keeps one item: %s', (_what, lines, problems) => {
    const l = ledgerRows(s, '甲镇', sub([org('甲', 'poor', 50)], lines));
    expect(l.rect.map((r) => r[5])).toEqual(problems);
    expect(l.poorDetail[0]?.[5]).toBe(problems.length === 1 ? problems[0] : problems[0] === null ? null : '1. 班子软弱\n2. 班子软弱');
  });

  test('an organization that needs rectification and has no line still gets an empty one', () => {
    const l = ledgerRows(s, '甲镇', sub([org('乙', 'average', 70)]));
    expect(l.rect).toEqual([[null, '甲镇', '乙', '村', '一般', null, null, null, null, null]]);
  });

  test('a line for an organization not in the list is kept and marked, never dropped', () => {
    const l = ledgerRows(s, '甲镇', sub([org('甲', 'good', 95)], [line('不存在的党支部', '问题')]));
    expect(l.rect.map((r) => [r[2], r[4]])).toEqual([['不存在的党支部', '（一览表中无此党组织）']]);
  });

  test('较差 and 好 lists with the reason for 较差', () => {
    const l = ledgerRows(s, '甲镇', sub([org('甲', 'poor', 50), org('乙', 'poor', 95, { flags: { forcedBottom: true, newlyEstablished: false } }), org('丙', 'good', 95, { explanation: '好的说明' })]));
    expect(l.poor.map((r) => [r[2], r[6]])).toEqual([
      ['甲', '总分 50 分，低于 60 分'],
      ['乙', '标记为“涉及三打两建问题”，一律定为“较差”'],
    ]);
    expect(l.good).toEqual([[null, '甲镇', '丙', '村', 12, 95, '好的说明']]);
  });
});

describe('汇总表 rows', () => {
  test.each([
    ['a counted township shows its figures', { label: '甲镇', included: true, total: 10, counts: [1, 6, 2, 1], shares: [0.1, 0.6, 0.2, 0.1], members: 120, remark: null }, ['甲镇', 10, 120, 1, 0.1, 6, 0.6, 2, 0.2, 1, 0.1, null]],
    ['a township not counted shows only its name and why', { label: '丁镇', included: false, total: 0, counts: [0, 0, 0, 0], shares: [0, 0, 0, 0], members: null, remark: '未上报' }, ['丁镇', null, null, null, null, null, null, null, null, null, null, '未上报']],
  ])('%s', (_what, r, cells) => {
    expect(summaryRow(r)).toEqual(cells);
  });
});
