import { applyLedgerAction, createLedgerItem, ISSUES, LEDGER_REFUSAL_CODES, LEDGER_REFUSAL_STATUS, type Actor, type LedgerAction, type LedgerItem, type LedgerStatus } from '../../../shared';

const county: Actor = { role: 'county', label: '县委组织部 李四' };
const dongshan: Actor = { role: 'township', townshipId: 'dongshan', label: '东山镇 张三' };
const xishan: Actor = { role: 'township', townshipId: 'xishan' };
const system: Actor = { role: 'system' };
const ctx = { at: '2026-06-01T02:00:00.000Z', campaignId: 'c2026' };

function item(status: LedgerStatus = 'open', extra: Partial<LedgerItem> = {}): LedgerItem {
  const { item: i } = createLedgerItem(
    { orgId: 'o-1', orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2026', grade: 'poor', fields: { matter: '活动阵地简陋', measures: '改造活动室', owner: '王五', deadline: '2026年6月底', progress: '已完成', leader: '赵县长' } },
    [],
    county,
    { at: '2026-04-30T02:00:00.000Z', campaignId: 'c2026' },
  );
  return { ...i, status, ...extra };
}

describe('creating an item', () => {
  test('fields as typed, the deadline read as a date, one create event', () => {
    const i = item();
    expect(i).toMatchObject({ seq: 1, status: 'open', deadlineText: '2026年6月底', deadline: '2026-06-30', leader: '赵县长', completedOn: null });
    expect(i.id).toMatch(/^l-[0-9a-z]{14}$/);
    expect(i.history).toHaveLength(1);
    expect(i.history[0]).toMatchObject({ action: 'create', from: null, to: 'open', by: county });
  });

  test('the next item of the same organization and campaign is numbered 2 with another id', () => {
    const a = item();
    const b = createLedgerItem({ orgId: 'o-1', orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2026', grade: 'poor', fields: {} }, [a], county, ctx).item;
    expect([b.seq, b.id === a.id]).toEqual([2, false]);
  });

  test('a deadline that is not a date is kept as written, with a warning', () => {
    const r = createLedgerItem({ orgId: 'o-1', orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2026', grade: 'poor', fields: { deadline: '七一前' } }, [], county, ctx, { sheet: '整改台账', cells: { deadline: 'I5' } });
    expect([r.item.deadlineText, r.item.deadline]).toEqual(['七一前', null]);
    expect(r.issues.map((x) => x.message)).toEqual(['工作表“整改台账”I5 单元格：“东山村党支部”的完成时限“七一前”不是可识别的日期，无法判断是否逾期']);
  });
});

// Every action by every role from every status: allowed → the new status, refused → its reason.
describe('who may do what, from which status', () => {
  const request: LedgerAction = { kind: 'request', completedOn: '2026-05-28' };
  const cases: Array<[string, LedgerStatus, LedgerAction, Actor, LedgerStatus | 'forbidden' | 'conflict']> = [
    ['township requests 销号', 'open', request, dongshan, 'requested'],
    ['township requests 销号 of a reopened item', 'reopened', request, dongshan, 'requested'],
    ['township requests again', 'requested', request, dongshan, 'conflict'],
    ['township requests a closed item', 'closed', request, dongshan, 'conflict'],
    ['county cannot request for a township', 'open', request, county, 'forbidden'],
    ['another township cannot request', 'open', request, xishan, 'forbidden'],
    ['county confirms a request', 'requested', { kind: 'confirm' }, county, 'closed'],
    ['county cannot confirm what was not requested', 'open', { kind: 'confirm' }, county, 'conflict'],
    ['township cannot confirm', 'requested', { kind: 'confirm' }, dongshan, 'forbidden'],
    ['county rejects a request', 'requested', { kind: 'reject', comment: '活动室尚未投入使用' }, county, 'open'],
    ['township cannot reject', 'requested', { kind: 'reject', comment: 'x' }, dongshan, 'forbidden'],
    ['county reopens a closed item', 'closed', { kind: 'reopen', comment: '回访发现问题反弹' }, county, 'reopened'],
    ['county cannot reopen an open item', 'open', { kind: 'reopen', comment: 'x' }, county, 'conflict'],
    ['township cannot reopen', 'closed', { kind: 'reopen', comment: 'x' }, dongshan, 'forbidden'],
    ['graded 较差 again reopens automatically', 'closed', { kind: 'autoReopen', gradeLabel: '较差' }, system, 'reopened'],
    ['only the engine reopens automatically', 'closed', { kind: 'autoReopen', gradeLabel: '较差' }, county, 'forbidden'],
    ['township edits its open item', 'open', { kind: 'edit', fields: { measures: '新建活动室' } }, dongshan, 'open'],
    ['township cannot edit a pending request', 'requested', { kind: 'edit', fields: { measures: '新建活动室' } }, dongshan, 'conflict'],
    ['township cannot edit a closed item', 'closed', { kind: 'edit', fields: { measures: '新建活动室' } }, dongshan, 'conflict'],
    ['county edits a closed item', 'closed', { kind: 'edit', fields: { measures: '新建活动室' } }, county, 'closed'],
    ['nobody edits a void item', 'void', { kind: 'edit', fields: { measures: '新建活动室' } }, county, 'conflict'],
    ['the engine voids an open item', 'open', { kind: 'void', comment: '党组织已撤销' }, system, 'void'],
    ['a closed item is not voided', 'closed', { kind: 'void' }, system, 'conflict'],
    ['a township cannot void', 'open', { kind: 'void' }, dongshan, 'forbidden'],
  ];
  test.each(cases)('%s', (_what, from, action, actor, want) => {
    const r = applyLedgerAction(item(from), action, actor, ctx);
    if (want === 'forbidden' || want === 'conflict') {
      expect(r.ok ? 'ok' : r.reason).toBe(want);
      if (!r.ok) expect(r.issues[0]?.message).toContain('东山村党支部');
    } else {
      expect(r.ok && r.item.status).toBe(want);
      expect(r.ok && r.event).toMatchObject({ from, to: want, by: actor, at: ctx.at, campaignId: 'c2026', itemId: r.ok ? r.item.id : '' });
      expect(r.ok && r.item.history.at(-1)).toEqual(r.ok ? r.event : null);
    }
  });

  test('a refusal names what fits over HTTP', () => {
    expect(LEDGER_REFUSAL_STATUS).toEqual({ forbidden: 403, conflict: 409, invalid: 422 });
    // Every code the machine refuses with answers a request (the HTTP side maps exactly these).
    for (const code of LEDGER_REFUSAL_CODES) expect([code, ISSUES[code].status]).toEqual([code, expect.any(Number)]);
  });
});

describe('what each action needs', () => {
  test.each<[string, LedgerStatus, LedgerAction, Actor, string[]]>([
    ['申请销号 without 完成情况 or date', 'open', { kind: 'request', completedOn: '' }, dongshan, ['LEDGER_REQUEST_NO_DATE']],
    ['申请销号 with a bad date', 'open', { kind: 'request', completedOn: '2026-02-30' }, dongshan, ['LEDGER_REQUEST_NO_DATE']],
    ['申请销号 with a completion date after today (Beijing)', 'open', { kind: 'request', completedOn: '2026-06-02' }, dongshan, ['LEDGER_REQUEST_DATE_FUTURE']],
    ['申请销号 of an item that never named its matter', 'open', { kind: 'request', completedOn: '2026-05-28' }, dongshan, ['LEDGER_REQUEST_NO_MATTER']],
    ['退回 without a comment', 'requested', { kind: 'reject', comment: '  ' }, county, ['LEDGER_COMMENT_REQUIRED']],
    ['复号 without a comment', 'closed', { kind: 'reopen', comment: '' }, county, ['LEDGER_COMMENT_REQUIRED']],
    ['a township filling in 挂点领导', 'open', { kind: 'edit', fields: { leader: '钱副县长' } }, dongshan, ['LEDGER_FORBIDDEN_ROLE']],
  ])('%s is refused', (what, from, action, actor, codes) => {
    const r = applyLedgerAction(item(from, what.includes('never named') ? { matter: '' } : {}), action, actor, ctx);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  test('申请销号 needs 完成情况: blank progress and no date give both messages', () => {
    const r = applyLedgerAction(item('open', { progress: '' }), { kind: 'request', completedOn: '' }, dongshan, ctx, { sheet: '整改台账', cells: { progress: 'J5', completedOn: 'L5' } });
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(['工作表“整改台账”J5 单元格：“东山村党支部”申请销号须填写完成情况', '工作表“整改台账”L5 单元格：“东山村党支部”申请销号须填写完成日期']);
  });

  test.each([
    ['today in Beijing (10:00, still 06-01 in UTC)', '2026-06-01', true],
    ['the day before', '2026年5月31日', true],
    ['tomorrow', '2026-06-02', false],
  ])('申请销号 completed on %s', (_what, completedOn, ok) => {
    const r = applyLedgerAction(item(), { kind: 'request', completedOn }, dongshan, ctx, { sheet: '整改台账', cells: { completedOn: 'L5' } });
    expect(r.ok ? 'ok' : r.issues.map((i) => i.message)).toEqual(ok ? 'ok' : ['工作表“整改台账”L5 单元格：“东山村党支部”申请销号的完成日期 2026-06-02 晚于今天（2026-06-01），请填写已经完成整改的日期']);
  });

  test('申请销号 records progress and the date; 退回 clears the date and returns to 整改中', () => {
    const r = applyLedgerAction(item(), { kind: 'request', progress: '活动室已改造并投入使用', completedOn: '2026年5月28日' }, dongshan, ctx);
    if (!r.ok) throw new Error('refused');
    expect([r.item.progress, r.item.completedOn]).toEqual(['活动室已改造并投入使用', '2026-05-28']);
    expect(r.event?.changes).toEqual([
      { field: 'progress', from: '已完成', to: '活动室已改造并投入使用' },
      { field: 'completedOn', from: null, to: '2026-05-28' },
    ]);
    const back = applyLedgerAction(r.item, { kind: 'reject', comment: '未见使用记录' }, county, ctx);
    if (!back.ok) throw new Error('refused');
    expect([back.item.status, back.item.completedOn, back.event?.comment]).toEqual(['open', null, '未见使用记录']);
  });

  test('退回 of a reopened item returns it to 已复号', () => {
    const r = applyLedgerAction(item('reopened'), { kind: 'request', completedOn: '2026-05-28' }, dongshan, ctx);
    if (!r.ok) throw new Error('refused');
    const back = applyLedgerAction(r.item, { kind: 'reject', comment: '再核实' }, county, ctx);
    expect(back.ok && back.item.status).toBe('reopened');
  });

  test('an edit that changes nothing is no event', () => {
    const i = item();
    const r = applyLedgerAction(i, { kind: 'edit', fields: { measures: ' 改造活动室 ', leader: '赵县长' } }, dongshan, ctx);
    expect(r).toEqual({ ok: true, item: i, event: null, issues: [] });
  });

  test('the county assigns 挂点领导 and 联络员', () => {
    const r = applyLedgerAction(item(), { kind: 'edit', fields: { leader: '钱副县长', liaison: '孙干事' } }, county, ctx);
    expect(r.ok && r.event?.changes).toEqual([
      { field: 'leader', from: '赵县长', to: '钱副县长' },
      { field: 'liaison', from: '', to: '孙干事' },
    ]);
  });

  test('messages of refusals', () => {
    const m = (i: LedgerItem, a: LedgerAction, by: Actor) => {
      const r = applyLedgerAction(i, a, by, ctx);
      return r.ok ? '' : r.issues[0]?.message;
    };
    expect(m(item('requested'), { kind: 'confirm' }, dongshan)).toBe('“东山村党支部”的整改事项只能由县委组织部销号');
    expect(m(item(), { kind: 'edit', fields: {} }, xishan)).toBe('“东山村党支部”不属于本乡镇（街道），不能修改它的整改事项');
    expect(m(item('closed'), { kind: 'request', completedOn: '2026-05-01' }, dongshan)).toBe('“东山村党支部”的整改事项当前为“已销号”，不能申请销号');
    expect(m(item('requested'), { kind: 'reject', comment: '' }, county)).toBe('退回“东山村党支部”的整改事项须填写意见');
  });
});
