import {
  createLedgerItem,
  defaultScheme,
  lineFromRectification,
  mergeLedgerLines,
  startRoster,
  syncLedgerWithGrading,
  type Actor,
  type GradedOrg,
  type LedgerItem,
  type LedgerLine,
  type OrgIdentity,
  type RectificationRow,
} from '../../../shared';

const dongshan: Actor = { role: 'township', townshipId: 'dongshan' };
const county: Actor = { role: 'county' };
const AT = '2026-05-01T02:00:00.000Z';

function roster(): OrgIdentity[] {
  const r = startRoster(
    [
      { townshipId: 'dongshan', name: '东山村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '西河村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '红星机械有限公司党支部', category: 'private' },
      { townshipId: 'xishan', name: '南湖村党支部', category: 'village' },
    ],
    { campaignId: 'c2025', on: '2025-03-01' },
  );
  if (!r.ok) throw new Error('roster');
  return r.identities;
}
const ids = roster();
const idOf = (name: string) => ids.find((o) => o.name === name)?.id ?? '';

/** The stored item of 东山村 opened by c2026 with the given status. */
function stored(status: LedgerItem['status'] = 'open', extra: Partial<LedgerItem> = {}): LedgerItem {
  const { item } = createLedgerItem(
    { orgId: idOf('东山村党支部'), orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2026', grade: 'poor', fields: { matter: '活动阵地简陋', measures: '改造活动室', owner: '王五', deadline: '2026-06-30', progress: '推进中', leader: '赵县长' } },
    [],
    county,
    { at: '2026-04-30T02:00:00.000Z', campaignId: 'c2026' },
  );
  return { ...item, status, ...extra };
}

const line = (extra: Partial<LedgerLine> = {}): LedgerLine => ({
  sheet: '整改台账',
  cells: { orgName: 'C5', matter: 'D5', measures: 'E5', deadline: 'G5', progress: 'H5', leader: 'I5', completedOn: 'K5', itemId: 'A5' },
  orgName: '东山村党支部',
  matter: '活动阵地简陋',
  measures: '改造活动室',
  owner: '王五',
  deadline: '2026-06-30',
  progress: '推进中',
  requestClose: false,
  completedOn: '',
  ...extra,
});

const merge = (items: LedgerItem[], lines: LedgerLine[]) => mergeLedgerLines({ campaignId: 'c2026', townshipId: 'dongshan', lines, items, identities: ids, actor: dongshan, at: AT });

describe('merging a township’s ledger lines into stored items', () => {
  test.each<[string, LedgerItem['status'], Partial<LedgerLine>, LedgerItem['status'], string[], string[]]>([
    ['an unchanged line changes nothing', 'open', {}, 'open', [], []],
    ['a changed measure is an edit', 'open', { measures: '新建活动室' }, 'open', ['edit'], []],
    ['blank cells erase nothing', 'open', { measures: '', progress: ' ', owner: '' }, 'open', [], []],
    ['the same date written another way is no change', 'open', { deadline: '2026年6月30日' }, 'open', [], []],
    ['the same month’s end without a year is no change', 'open', { deadline: '6月底前' }, 'open', [], []],
    ['Traditional characters find the organization', 'open', { orgName: '東山村黨支部', measures: '新建活动室' }, 'open', ['edit'], []],
    ['a 申请销号 mark with its date requests 销号', 'open', { requestClose: true, progress: '已改造完成', completedOn: '2026/4/28' }, 'requested', ['edit', 'request'], []],
    ['a reopened item can be requested again', 'reopened', { requestClose: true, completedOn: '2026-04-28' }, 'requested', ['request'], []],
    ['a 申请销号 mark without a date is an error at its cell', 'open', { requestClose: true }, 'open', [], ['LEDGER_REQUEST_NO_DATE']],
    ['a 申请销号 completed after the upload’s day is an error at its cell', 'open', { requestClose: true, completedOn: '2026-05-28' }, 'open', [], ['LEDGER_REQUEST_DATE_FUTURE']],
    ['a closed item keeps the county’s 销号', 'closed', { measures: '新建活动室', requestClose: false }, 'closed', [], ['LEDGER_CLOSED_KEPT']],
    ['asking to close a closed item is only noted', 'closed', { requestClose: true, completedOn: '2026-05-28' }, 'closed', [], ['LEDGER_ALREADY_CLOSED']],
    ['a withdrawn (已撤销) item is said to be withdrawn, not 销号', 'void', { measures: '新建活动室', requestClose: false }, 'void', [], ['LEDGER_VOID_KEPT']],
    ['asking to close a withdrawn item is only noted as withdrawn', 'void', { requestClose: true, completedOn: '2026-05-28' }, 'void', [], ['LEDGER_ALREADY_VOID']],
    ['a pending request is not changed by the sheet', 'requested', { measures: '新建活动室' }, 'requested', [], ['LEDGER_PENDING_KEPT']],
    ['挂点领导 stays the county’s while the rest is taken', 'open', { leader: '钱副县长', measures: '新建活动室' }, 'open', ['edit'], ['LEDGER_COUNTY_FIELD_KEPT']],
    ['the pre-filled id finds the item', 'open', { itemId: 'SELF', measures: '新建活动室' }, 'open', ['edit'], []],
    ['an id that is not the item’s is refused', 'open', { itemId: 'l-0000000nothere' }, 'open', [], ['LEDGER_ITEM_UNKNOWN']],
  ])('%s', (_what, status, l, after, actions, codes) => {
    const item = stored(status);
    const r = merge([item], [line({ ...l, ...(l.itemId === 'SELF' ? { itemId: item.id } : {}) })]);
    expect(r.items.find((i) => i.id === item.id)?.status).toBe(after);
    expect(r.events.map((e) => e.action)).toEqual(actions);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
    expect(r.changed.map((i) => i.id)).toEqual(actions.length ? [item.id] : []);
  });

  test('messages name the cell and the organization', () => {
    const msgs = (status: LedgerItem['status'], l: Partial<LedgerLine>) => merge([stored(status)], [line(l)]).issues.map((i) => i.message);
    expect(msgs('open', { requestClose: true })).toEqual(['工作表“整改台账”K5 单元格：“东山村党支部”申请销号须填写完成日期']);
    expect(msgs('closed', { measures: '新建活动室' })).toEqual(['工作表“整改台账”E5 单元格：“东山村党支部”的整改事项“活动阵地简陋”已由县委组织部销号，表中对它的修改未采用']);
    expect(msgs('open', { leader: '钱副县长' })).toEqual(['工作表“整改台账”I5 单元格：“东山村党支部”的“挂点领导”由县委组织部安排，表中对它的修改未采用']);
    expect(msgs('open', { orgName: '北岭村党支部' })).toEqual(['工作表“整改台账”C5 单元格：整改台账中的“北岭村党支部”不在本乡镇（街道）的党组织名册中']);
    expect(msgs('open', { orgName: '南湖村党支部' })).toHaveLength(1); // another township's organization
  });

  test('a second line for the organization opens a second item', () => {
    const item = stored();
    const r = merge([item], [line(), line({ matter: '组织生活不规范', measures: '落实三会一课', deadline: '2026年9月' })]);
    const added = r.items.find((i) => i.id !== item.id);
    expect(added).toMatchObject({ seq: 2, orgId: item.orgId, campaignId: 'c2026', matter: '组织生活不规范', deadlineText: '2026年9月', deadline: '2026-09-30', status: 'open' });
    expect(r.events.map((e) => [e.action, e.by])).toEqual([['create', dongshan]]);
  });

  test('the same upload merged twice changes nothing the second time', () => {
    const lines = [line({ measures: '新建活动室' }), line({ matter: '组织生活不规范' })];
    const once = merge([stored()], lines);
    const twice = merge(once.items, lines);
    expect(twice.events).toEqual([]);
    expect(twice.items).toEqual(once.items);
  });
});

// A clerk retypes lines of the pre-filled sheet without their 台账编号 (pasted under the
// pre-filled ones, or into a fresh template): the line is the item with its 整改事项, not a new one.
describe('a line without 台账编号 finds its item by 整改事项', () => {
  interface Spec {
    key: string;
    campaignId: string;
    status: LedgerItem['status'];
    matter: string;
    measures?: string;
  }
  /** Items of 东山村, numbered per campaign in the order given. */
  const storedItems = (specs: Spec[]): Map<string, LedgerItem> => {
    const out = new Map<string, LedgerItem>();
    for (const sp of specs) {
      const { item } = createLedgerItem(
        { orgId: idOf('东山村党支部'), orgName: '东山村党支部', townshipId: 'dongshan', campaignId: sp.campaignId, grade: 'poor', fields: { matter: sp.matter, measures: sp.measures ?? '改造活动室', owner: '王五', deadline: '2026-06-30', progress: '推进中' } },
        [...out.values()],
        county,
        { at: '2025-04-30T02:00:00.000Z', campaignId: sp.campaignId },
      );
      out.set(sp.key, { ...item, status: sp.status });
    }
    return out;
  };
  const A = { key: 'A', campaignId: 'c2025', status: 'open', matter: '活动阵地简陋' } as const;
  const B = { key: 'B', campaignId: 'c2025', status: 'open', matter: '组织生活不规范', measures: '落实三会一课' } as const;

  // [what, stored, lines (itemId: a stored key), the items after (key or 'new', status, matter, measures), issue codes]
  test.each<[string, Spec[], Array<Partial<LedgerLine>>, Array<[string, LedgerItem['status'], string, string]>, string[]]>([
    ['an open item of an earlier campaign, retyped', [A], [{}], [['A', 'open', '活动阵地简陋', '改造活动室']], []],
    ['retyped with a new measure: the item is edited', [A], [{ measures: '新建活动室' }], [['A', 'open', '活动阵地简陋', '新建活动室']], []],
    ['retyped in Traditional, full-width, with spaces', [A], [{ matter: ' 活動陣地　簡陋 ', measures: '新建活动室' }], [['A', 'open', '活动阵地简陋', '新建活动室']], []],
    ['two items retyped in the other order', [A, B], [{ matter: '组织生活不规范', measures: '按月开展主题党日' }, {}], [['A', 'open', '活动阵地简陋', '改造活动室'], ['B', 'open', '组织生活不规范', '按月开展主题党日']], []],
    ['retyped with 申请销号 requests it', [A], [{ requestClose: true, completedOn: '2026-04-28' }], [['A', 'requested', '活动阵地简陋', '改造活动室']], []],
    ['a pending request is kept', [{ ...A, status: 'requested' }], [{ measures: '新建活动室' }], [['A', 'requested', '活动阵地简陋', '改造活动室']], ['LEDGER_PENDING_KEPT']],
    ['pasted under its pre-filled line: one item, the copy noted', [A], [{ itemId: 'A', measures: '新建活动室' }, {}], [['A', 'open', '活动阵地简陋', '新建活动室']], ['LEDGER_LINE_REPEATED']],
    ['pasted above its pre-filled line: the numbered line keeps its item', [A], [{}, { itemId: 'A', measures: '新建活动室' }], [['A', 'open', '活动阵地简陋', '新建活动室']], ['LEDGER_LINE_REPEATED']],
    ['a copy with its measure blank is a copy', [A], [{ itemId: 'A' }, { measures: '' }], [['A', 'open', '活动阵地简陋', '改造活动室']], ['LEDGER_LINE_REPEATED']],
    ['an unclosed item before a closed one of this campaign', [{ ...A, key: 'C', campaignId: 'c2026', status: 'closed' }, { ...A, campaignId: 'c2026' }], [{ measures: '新建活动室' }], [['C', 'closed', '活动阵地简陋', '改造活动室'], ['A', 'open', '活动阵地简陋', '新建活动室']], []],
    ['the lower number first', [A, { ...A, key: 'A2' }], [{ measures: '新建活动室' }], [['A', 'open', '活动阵地简陋', '新建活动室'], ['A2', 'open', '活动阵地简陋', '改造活动室']], []],
    ['a closed item of this campaign is still that item', [{ ...A, campaignId: 'c2026', status: 'closed' }], [{ measures: '新建活动室' }], [['A', 'closed', '活动阵地简陋', '改造活动室']], ['LEDGER_CLOSED_KEPT']],
    ['the same problem after an earlier campaign’s 销号 is a new item', [{ ...A, status: 'closed' }], [{}], [['A', 'closed', '活动阵地简陋', '改造活动室'], ['new', 'open', '活动阵地简陋', '改造活动室']], []],
    ['another matter still opens a new item', [A], [{ matter: '党员发展停滞', measures: '培养入党积极分子' }], [['A', 'open', '活动阵地简陋', '改造活动室'], ['new', 'open', '党员发展停滞', '培养入党积极分子']], []],
    ['one new matter on two lines with two measures is two items', [], [{ measures: '改造活动室' }, { measures: '添置设备' }], [['new', 'open', '活动阵地简陋', '改造活动室'], ['new', 'open', '活动阵地简陋', '添置设备']], []],
  ])('%s', (_what, specs, lines, after, codes) => {
    const stored = storedItems(specs);
    const keyOf = new Map([...stored].map(([k, i]) => [i.id, k]));
    const r = merge([...stored.values()], lines.map((l) => line({ ...l, ...(l.itemId ? { itemId: stored.get(l.itemId)?.id ?? l.itemId } : {}) })));
    expect(r.items.map((i) => [keyOf.get(i.id) ?? 'new', i.status, i.matter, i.measures])).toEqual(after);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  test('the copy’s message names its cell and the matter', () => {
    const { item } = createLedgerItem({ orgId: idOf('东山村党支部'), orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2025', grade: 'poor', fields: { matter: '活动阵地简陋', measures: '改造活动室' } }, [], county, { at: AT, campaignId: 'c2025' });
    const r = merge([item], [line({ itemId: item.id }), line()]);
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([['warning', '工作表“整改台账”D5 单元格：“东山村党支部”的整改事项“活动阵地简陋”在表中重复填写，已按一项记录，重复的一行未采用']]);
  });

  test('graded again, a retyped line of last year’s open item opens nothing new', () => {
    const { item } = createLedgerItem({ orgId: idOf('东山村党支部'), orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2025', grade: 'poor', fields: { matter: '活动阵地简陋', measures: '改造活动室' } }, [], county, { at: AT, campaignId: 'c2025' });
    const graded: GradedOrg[] = [{ orgId: idOf('东山村党支部'), townshipId: 'dongshan', name: '东山村党支部', grade: 'poor' }];
    const r = syncLedgerWithGrading({ scheme: defaultScheme, campaignId: 'c2026', townshipId: 'dongshan', graded, lines: [line()], items: [item], identities: ids, actor: dongshan, at: AT });
    expect(r.items.map((i) => i.id)).toEqual([item.id]);
    expect(r.issues).toEqual([]);
  });
});

describe('the ledger from a graded submission', () => {
  const s = defaultScheme;
  const g = (name: string, grade: string): GradedOrg => ({ orgId: idOf(name), townshipId: 'dongshan', name, grade, where: { sheet: '分类定级情况一览表', cell: 'B7' } });
  const sync = (graded: GradedOrg[], lines: LedgerLine[], items: LedgerItem[] = []) => syncLedgerWithGrading({ scheme: s, campaignId: 'c2026', townshipId: 'dongshan', graded, lines, items, identities: ids, actor: dongshan, at: AT });

  test('every 一般/较差 organization gets an item: from its lines, or a blank one with a warning', () => {
    const r = sync([g('东山村党支部', 'poor'), g('西河村党支部', 'average'), g('红星机械有限公司党支部', 'fairlyGood')], [line()]);
    expect(r.items.map((i) => [i.orgName, i.grade, i.matter, i.history[0]?.by.role])).toEqual([
      ['东山村党支部', 'poor', '活动阵地简陋', 'township'],
      ['西河村党支部', 'average', '', 'system'],
    ]);
    expect(r.issues.map((i) => i.message)).toEqual(['工作表“分类定级情况一览表”B7 单元格：“西河村党支部”定为“一般”，整改台账中没有它的整改事项，已建立一条待填写的整改记录']);
  });

  test('an organization graded 较差 again has its closed items reopened', () => {
    const old = { ...stored('closed'), campaignId: 'c2025', id: 'l-old' };
    const r = sync([g('东山村党支部', 'poor')], [], [old]);
    const reopened = r.items.find((i) => i.id === 'l-old');
    expect(reopened?.status).toBe('reopened');
    expect(r.events.map((e) => [e.itemId, e.action, e.by.role, e.comment])).toEqual([['l-old', 'autoReopen', 'system', '再次定为“较差”，自动复号']]);
    // The reopened item is the one being worked on: no blank item is added.
    expect(r.items).toHaveLength(1);
    expect(r.issues.map((i) => i.code)).toEqual(['LEDGER_REOPENED_POOR']);
  });

  test('graded 一般 (not 较差) again does not reopen', () => {
    const old = { ...stored('closed'), campaignId: 'c2025', id: 'l-old' };
    const r = sync([g('东山村党支部', 'average')], [], [old]);
    expect(r.items.find((i) => i.id === 'l-old')?.status).toBe('closed');
    expect(r.items).toHaveLength(2);
  });

  test('an organization now graded 较好 with unfinished items is noted', () => {
    const r = sync([g('东山村党支部', 'fairlyGood')], [], [{ ...stored('open'), campaignId: 'c2025' }]);
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([['info', '工作表“分类定级情况一览表”B7 单元格：“东山村党支部”本次定为“较好”，仍有 1 项整改事项未销号']]);
  });

  test('the same upload processed twice opens nothing new', () => {
    const graded = [g('东山村党支部', 'poor'), g('西河村党支部', 'average')];
    const first = sync(graded, [line()]);
    const again = sync(graded, [line()], first.items);
    expect(again.events).toEqual([]);
    expect(again.items).toEqual(first.items);
  });
});

describe('lineFromRectification: today’s 整改台账 row as a line', () => {
  const row = (status: string) => ({ row: 5, orgName: '东山村党支部', problems: '阵地简陋', measures: '改造', owner: '王五', deadline: '2026-06-30', status });
  test.each([
    ['推进中', false, ''],
    ['已完成', false, ''],
    ['申请销号', true, ''],
    ['已于2026年5月28日完成，申请销号', true, '2026-05-28'],
    ['2026.5.28 完成 申請銷號', true, '2026-05-28'],
    ['已于2026年2月30日完成，申请销号', true, ''],
    ['未完成，暂不申请销号', false, ''],
    ['整改中，暂不申请销号', false, ''],
    ['尚未完成，不申请销号', false, ''],
    ['2026年5月28日完成大部分，尚未申请销号', false, ''],
    ['无需申请销号', false, ''],
  ])('完成情况 “%s” → request %p, date “%s”', (status, requestClose, completedOn) => {
    expect(lineFromRectification(row(status))).toMatchObject({ sheet: '整改台账', orgName: '东山村党支部', matter: '阵地简陋', deadline: '2026-06-30', progress: status, requestClose, completedOn });
  });

  // The reader sets requestMarked when the 申请销号 cell was answered; blank leaves it to the text.
  test.each<[string, string, Partial<RectificationRow>, boolean, string]>([
    ['否 in the column outranks a request in the text', '已于2026年5月28日完成，申请销号', { requestClose: false, requestMarked: true, completedOn: '2026-05-28' }, false, ''],
    ['否 in the column with a negated text', '未完成，暂不申请销号', { requestClose: false, requestMarked: true }, false, ''],
    ['是 in the column whatever the text', '未完成，暂不申请销号', { requestClose: true, requestMarked: true, completedOn: '2026-05-28' }, true, '2026-05-28'],
    ['a blank column leaves the request to the text', '已于2026年5月28日完成，申请销号', { requestClose: false }, true, '2026-05-28'],
    ['a blank column and a negated text ask nothing', '尚未完成，不申请销号', { requestClose: false, completedOn: '2026-05-28' }, false, ''],
  ])('%s', (_what, status, extra, requestClose, completedOn) => {
    expect(lineFromRectification({ ...row(status), ...extra })).toMatchObject({ requestClose, completedOn });
  });

  test('a negated 申请销号 in 完成情况 without a date is no request, so no error', () => {
    const r = merge([stored()], [lineFromRectification({ ...row('整改中，暂不申请销号'), problems: '活动阵地简陋', measures: '改造活动室' })]);
    expect(r.issues.map((i) => i.code)).toEqual([]);
    expect(r.items[0]?.status).toBe('open');
  });
});
