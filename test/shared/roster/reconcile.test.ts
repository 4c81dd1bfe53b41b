import { applyReconciliation, defaultDecisions, nameSimilarity, reconcileRoster, startRoster, successorOf, type IncomingOrg, type OrgIdentity, type RosterDecision } from '../../../shared';
import { RENAMES_PER_ORG } from '../../../shared/roster/suggestions';

const names = { dongshan: '东山镇', xishan: '西山镇' };
const e = (townshipId: string, name: string, category = 'village', extra: Partial<IncomingOrg> = {}): IncomingOrg => ({ townshipId, name, category, ...extra });

const year1: IncomingOrg[] = [
  e('dongshan', '东山村党支部'),
  e('dongshan', '西河村党支部'),
  e('dongshan', '红星机械厂党支部', 'private'),
  e('dongshan', '东山镇中心小学党支部', 'agency'),
  e('xishan', '西山社区党支部', 'community'),
  e('xishan', '南湖村党支部'),
];

function first(): OrgIdentity[] {
  const r = startRoster(year1, { campaignId: 'c2025', on: '2025-03-01' }, { townshipNames: names });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.identities;
}
const idOf = (ids: OrgIdentity[], name: string) => ids.find((o) => o.name === name)?.id ?? `?${name}`;

// The acceptance scenario: one renamed, one dissolved, one new, one listed by two townships.
const year2: IncomingOrg[] = [
  e('dongshan', '東山村黨支部'),
  e('dongshan', '红星机械有限公司党支部', 'private'),
  e('dongshan', '东山镇中心小学党支部', 'agency'),
  e('dongshan', '新光物流有限公司党支部', 'private'),
  e('xishan', '西山社区党支部', 'community'),
  e('xishan', '南湖村党支部'),
  e('xishan', '东山镇中心小学党支部', 'agency'),
];

describe('the first roster', () => {
  test('every entry becomes an organization with a stable id and a created event', () => {
    const ids = first();
    expect(ids).toHaveLength(6);
    expect(ids.every((o) => /^o-[0-9a-z]{14}$/.test(o.id) && o.status === 'active')).toBe(true);
    expect(new Set(ids.map((o) => o.id)).size).toBe(6);
    expect(ids[0]?.history).toEqual([{ kind: 'created', campaignId: 'c2025', on: '2025-03-01' }]);
  });

  test('ids do not depend on order or on other entries', () => {
    const a = first();
    const r = startRoster([e('xishan', '北岭村党支部'), ...[...year1].reverse()], { campaignId: 'c2025', on: '2025-03-01' });
    if (!r.ok) throw new Error('refused');
    for (const o of a) expect(idOf(r.identities, o.name)).toBe(o.id);
  });

  test.each([
    ['a blank name', [e('dongshan', '  ')], 'ROSTER_ENTRY_NAME_BLANK', '东山镇的名册中有一行未填写党组织名称'],
    ['a name twice in one township (Traditional and Simplified)', [e('dongshan', '东山村党支部'), e('dongshan', '東山村黨支部', 'village', { where: { sheet: '名册', cell: 'B7' } })], 'ROSTER_ENTRY_DUPLICATE', '工作表“名册”B7 单元格：“東山村黨支部”在东山镇的名册中出现了不止一次，请删去重复的一行'],
  ])('refuses %s', (_what, entries, code, message) => {
    const r = startRoster(entries, { campaignId: 'c2025', on: '2025-03-01' }, { townshipNames: names });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([[code, message]]);
  });
});

describe('reconciling next year’s roster', () => {
  const prev = first();
  const p = reconcileRoster(prev, year2, { campaignId: 'c2026', townshipNames: names });
  const byRef = (ref: string) => p.entries.find((x) => x.ref === ref)?.name;

  test('matches the same name in the same township, whatever its script', () => {
    expect(p.matched.map((m) => [byRef(m.ref), m.by, m.changes])).toEqual([
      ['東山村黨支部', 'name', []],
      ['西山社区党支部', 'name', []],
      ['南湖村党支部', 'name', []],
    ]);
  });

  test('new, missing, a suggested rename with its score, and a name listed twice', () => {
    expect(p.created.map(byRef)).toEqual(['红星机械有限公司党支部', '新光物流有限公司党支部']);
    expect(p.missing).toEqual([idOf(prev, '西河村党支部'), idOf(prev, '红星机械厂党支部')]);
    expect(p.renames).toEqual([
      { fromId: idOf(prev, '红星机械厂党支部'), fromName: '红星机械厂党支部', fromTownshipId: 'dongshan', ref: 'dongshan|红星机械有限公司党支部', toName: '红星机械有限公司党支部', toTownshipId: 'dongshan', score: 1, nameScore: 1, sameTownship: true, sameCategory: true },
    ]);
    expect(p.twice).toEqual([
      { name: '东山镇中心小学党支部', key: '东山镇中心小学党支部', refs: ['dongshan|东山镇中心小学党支部', 'xishan|东山镇中心小学党支部'], townshipIds: ['dongshan', 'xishan'], previousId: idOf(prev, '东山镇中心小学党支部'), suggestedTownshipId: 'dongshan' },
    ]);
    expect(p.merges).toEqual([]);
    expect(p.issues).toEqual([]);
  });

  test('the pre-ticked decisions confirm the rename, give the school to its old township and dissolve the rest', () => {
    expect(defaultDecisions(p)).toEqual([
      { kind: 'rename', fromId: idOf(prev, '红星机械厂党支部'), to: { townshipId: 'dongshan', name: '红星机械有限公司党支部' } },
      { kind: 'assign', name: '东山镇中心小学党支部', townshipId: 'dongshan' },
      { kind: 'dissolve', id: idOf(prev, '西河村党支部') },
    ]);
  });

  test('applying them keeps ids, records history, and adds the new one', () => {
    const r = applyReconciliation(prev, p, defaultDecisions(p), { campaignId: 'c2026', on: '2026-03-01' }, { townshipNames: names });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const active = r.identities.filter((o) => o.status === 'active');
    expect(active.map((o) => [o.name, o.townshipId])).toEqual([
      ['东山村党支部', 'dongshan'],
      ['红星机械有限公司党支部', 'dongshan'],
      ['东山镇中心小学党支部', 'dongshan'],
      ['西山社区党支部', 'xishan'],
      ['南湖村党支部', 'xishan'],
      ['新光物流有限公司党支部', 'dongshan'],
    ]);
    const hx = r.identities.find((o) => o.id === idOf(prev, '红星机械厂党支部'));
    expect(hx?.name).toBe('红星机械有限公司党支部');
    expect(hx?.history.at(-1)).toEqual({ kind: 'renamed', campaignId: 'c2026', on: '2026-03-01', from: '红星机械厂党支部', to: '红星机械有限公司党支部' });
    const xh = r.identities.find((o) => o.id === idOf(prev, '西河村党支部'));
    expect([xh?.status, xh?.lastCampaignId, xh?.history.at(-1)?.kind]).toEqual(['dissolved', 'c2026', 'dissolved']);
    expect(successorOf(r.identities, idOf(prev, '西河村党支部'))).toBeNull();
    expect(idOf(r.identities, '东山镇中心小学党支部')).toBe(idOf(prev, '东山镇中心小学党支部'));
    expect(r.events.map((x) => x.event.kind).sort()).toEqual(['created', 'dissolved', 'renamed']);
    expect(r.identities).toHaveLength(7);
  });

  test('the same decisions applied again give the same result', () => {
    const a = applyReconciliation(prev, p, defaultDecisions(p), { campaignId: 'c2026', on: '2026-03-01' });
    const b = applyReconciliation(prev, { entries: [...year2].reverse() }, defaultDecisions(p), { campaignId: 'c2026', on: '2026-03-01' });
    if (!a.ok || !b.ok) throw new Error('refused');
    const sorted = (xs: OrgIdentity[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sorted(b.identities)).toEqual(sorted(a.identities));
  });

  test('a rejected rename leaves a new organization and the old one to be dissolved', () => {
    const d: RosterDecision[] = [
      { kind: 'assign', name: '东山镇中心小学党支部', townshipId: 'dongshan' },
      { kind: 'dissolve', id: idOf(prev, '西河村党支部') },
      { kind: 'dissolve', id: idOf(prev, '红星机械厂党支部') },
    ];
    const r = applyReconciliation(prev, p, d, { campaignId: 'c2026', on: '2026-03-01' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const hx = r.identities.find((o) => o.name === '红星机械有限公司党支部');
    expect(hx?.id).not.toBe(idOf(prev, '红星机械厂党支部'));
    expect(hx?.history.map((x) => x.kind)).toEqual(['created']);
  });

  test('a twice-listed name given to the other township moves the organization', () => {
    const r = applyReconciliation(prev, p, [...defaultDecisions(p).filter((d) => d.kind !== 'assign'), { kind: 'assign', name: '東山鎮中心小學黨支部', townshipId: 'xishan' }], { campaignId: 'c2026', on: '2026-03-01' }, { townshipNames: names });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const school = r.identities.find((o) => o.id === idOf(prev, '东山镇中心小学党支部'));
    expect([school?.townshipId, school?.history.at(-1)]).toEqual(['xishan', { kind: 'moved', campaignId: 'c2026', on: '2026-03-01', fromTownshipId: 'dongshan', toTownshipId: 'xishan' }]);
    expect(r.identities.filter((o) => o.name === '东山镇中心小学党支部')).toHaveLength(1);
  });

  test('twice-listed names declared distinct: the old township keeps its organization, the other gets a new one', () => {
    const r = applyReconciliation(prev, p, [...defaultDecisions(p).filter((d) => d.kind !== 'assign'), { kind: 'distinct', name: '东山镇中心小学党支部' }], { campaignId: 'c2026', on: '2026-03-01' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const schools = r.identities.filter((o) => o.name === '东山镇中心小学党支部');
    expect(schools.map((o) => [o.townshipId, o.id === idOf(prev, '东山镇中心小学党支部')])).toEqual([['dongshan', true], ['xishan', false]]);
  });
});

describe('decisions the county gets wrong are refused as a whole, naming the organization', () => {
  const prev = first();
  const p = reconcileRoster(prev, year2, { campaignId: 'c2026' });
  const base = defaultDecisions(p);
  const hx = idOf(prev, '红星机械厂党支部');
  const xh = idOf(prev, '西河村党支部');
  const without = (kind: string) => base.filter((d) => d.kind !== kind);
  test.each<[string, RosterDecision[], string, string]>([
    ['nothing decided', [], 'ROSTER_TWICE_UNDECIDED', '“东山镇中心小学党支部”同时列在东山镇、西山镇的名册中，请确定它归属哪个乡镇（街道），或确认是同名的不同党组织'],
    ['a missing organization left undecided', without('dissolve'), 'ROSTER_MISSING_UNDECIDED', '上一年度的“西河村党支部”（东山镇）不在今年的名册中，请确认它已撤销、已更名或已合并'],
    ['an unknown id', [...base, { kind: 'dissolve', id: 'o-nope' }], 'ROSTER_DECISION_UNKNOWN_ORG', '确认事项中的党组织编号“o-nope”不是上一年度在册党组织的编号'],
    ['a matched organization dissolved', [...base, { kind: 'dissolve', id: idOf(prev, '南湖村党支部') }], 'ROSTER_LINK_SOURCE_MATCHED', '上一年度的“南湖村党支部”仍在今年的名册中，不能认定为已更名、已合并或已撤销'],
    ['one organization renamed and dissolved', [...base, { kind: 'dissolve', id: hx }], 'ROSTER_DECISION_CONFLICT', '“红星机械厂党支部”有两条相互矛盾的确认事项，请只保留一条'],
    ['a rename into a name not on the roster', [...without('rename'), { kind: 'rename', fromId: hx, to: { townshipId: 'dongshan', name: '红星机械集团党支部' } }], 'ROSTER_DECISION_UNKNOWN_ENTRY', '确认事项中的“红星机械集团党支部”（东山镇）不在今年的名册中'],
    ['a rename into a name that matched last year’s', [...without('rename'), { kind: 'rename', fromId: hx, to: { townshipId: 'xishan', name: '南湖村党支部' } }], 'ROSTER_LINK_TARGET_TAKEN', '今年名册中的“南湖村党支部”已与上一年度的“南湖村党支部”对应，不能再认定为其他党组织更名后的名称'],
    ['a merge of one into a new name', [...without('rename').filter((d) => d.kind !== 'dissolve'), { kind: 'merge', fromIds: [hx], to: { townshipId: 'dongshan', name: '新光物流有限公司党支部' } }, { kind: 'dissolve', id: xh }], 'ROSTER_MERGE_TOO_FEW', '合并为“新光物流有限公司党支部”至少需要两个上一年度的党组织；只有一个时请按更名处理'],
    ['a twice-listed name given to a township that did not list it', [...without('assign'), { kind: 'assign', name: '东山镇中心小学党支部', townshipId: 'beiling' }], 'ROSTER_TWICE_TOWNSHIP_INVALID', '“东山镇中心小学党支部”只列在东山镇、西山镇的名册中，不能确定归属北岭镇'],
  ])('%s', (_what, decisions, code, message) => {
    const r = applyReconciliation(prev, p, decisions, { campaignId: 'c2026', on: '2026-03-01' }, { townshipNames: { ...names, beiling: '北岭镇' } });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.code === code)?.message).toBe(message);
  });

  test.each<[string, IncomingOrg[], string[]]>([
    ['an id that is not last year’s', [e('dongshan', '东山村党支部', 'village', { id: 'o-zzz', where: { sheet: '名册', cell: 'A3' } })], ['工作表“名册”A3 单元格：名册中“东山村党支部”的编号“o-zzz”不是上一年度在册党组织的编号，请核对或清空编号']],
    ['one id on two lines', [e('dongshan', '东山村党支部', 'village', { id: idOf(prev, '东山村党支部') }), e('dongshan', '东山新村党支部', 'village', { id: idOf(prev, '东山村党支部') })], [`“东山新村党支部”与“东山村党支部”填了同一个编号“${idOf(prev, '东山村党支部')}”，一个编号只能对应一个党组织`]],
  ])('the ids a roster carries are checked: %s', (_what, entries, messages) => {
    const q = reconcileRoster(prev, entries, { campaignId: 'c2026' });
    expect(q.issues.map((i) => i.message)).toEqual(messages);
    const r = applyReconciliation(prev, q, defaultDecisions(q), { campaignId: 'c2026', on: '2026-03-01' });
    expect(r.ok).toBe(false);
  });
});

describe('carried ids, merges and parents', () => {
  const prev = first();
  const stamp = { campaignId: 'c2026', on: '2026-03-01' };

  test('an id carried by the roster matches a renamed organization without a decision', () => {
    const r2 = [...year1.filter((x) => x.name !== '西河村党支部'), e('dongshan', '西河新村党支部', 'village', { id: idOf(prev, '西河村党支部') })];
    const p = reconcileRoster(prev, r2, { campaignId: 'c2026' });
    expect(p.matched.find((m) => m.id === idOf(prev, '西河村党支部'))).toEqual({ id: idOf(prev, '西河村党支部'), ref: 'dongshan|西河新村党支部', by: 'id', changes: ['name'] });
    const r = applyReconciliation(prev, p, [], stamp);
    expect(r.ok && r.identities.find((o) => o.id === idOf(prev, '西河村党支部'))?.name).toBe('西河新村党支部');
  });

  test('two villages merged into a new one: suggested, applied, and followed by successorOf', () => {
    const r2 = [...year1.filter((x) => !['东山村党支部', '西河村党支部'].includes(x.name)), e('dongshan', '东山西河联合村党支部')];
    const p = reconcileRoster(prev, r2, { campaignId: 'c2026' });
    expect(p.merges).toEqual([{ fromIds: [idOf(prev, '东山村党支部'), idOf(prev, '西河村党支部')], fromNames: ['东山村党支部', '西河村党支部'], ref: 'dongshan|东山西河联合村党支部', toName: '东山西河联合村党支部', toTownshipId: 'dongshan' }]);
    const d = defaultDecisions(p);
    expect(d).toEqual([{ kind: 'merge', fromIds: [idOf(prev, '东山村党支部'), idOf(prev, '西河村党支部')], to: { townshipId: 'dongshan', name: '东山西河联合村党支部' } }]);
    const r = applyReconciliation(prev, p, d, stamp);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const merged = r.identities.find((o) => o.name === '东山西河联合村党支部');
    expect(merged?.history.map((x) => x.kind)).toEqual(['created', 'absorbed']);
    expect(successorOf(r.identities, idOf(prev, '西河村党支部'))?.id).toBe(merged?.id);
    expect(r.identities.find((o) => o.id === idOf(prev, '东山村党支部'))?.status).toBe('merged');
  });

  test('a village absorbed by a neighbour that keeps its name', () => {
    const r2 = year1.filter((x) => x.name !== '西河村党支部');
    const p = reconcileRoster(prev, r2, { campaignId: 'c2026' });
    const r = applyReconciliation(prev, p, [{ kind: 'merge', fromIds: [idOf(prev, '西河村党支部')], to: { townshipId: 'dongshan', name: '东山村党支部' } }], stamp);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(successorOf(r.identities, idOf(prev, '西河村党支部'))?.id).toBe(idOf(prev, '东山村党支部'));
    expect(r.identities.find((o) => o.id === idOf(prev, '东山村党支部'))?.history.at(-1)).toEqual({ kind: 'absorbed', campaignId: 'c2026', on: '2026-03-01', fromIds: [idOf(prev, '西河村党支部')] });
  });

  test('a changed category, type or parent is recorded; a blank type is not a change', () => {
    const base = startRoster([e('dongshan', '东山村党总支', 'village', { orgType: 'generalBranch' }), e('dongshan', '东山村第一党支部', 'village', { orgType: 'branch', parentName: '东山村党总支' })], { campaignId: 'c2025', on: '2025-03-01' });
    if (!base.ok) throw new Error('refused');
    const next = [e('dongshan', '东山村党总支', 'community', { orgType: null }), e('dongshan', '东山村第一党支部', 'village', { orgType: 'branch', parentName: null })];
    const p = reconcileRoster(base.identities, next, { campaignId: 'c2026' });
    expect(p.matched.map((m) => m.changes)).toEqual([['category'], ['parent']]);
    const r = applyReconciliation(base.identities, p, [], stamp);
    if (!r.ok) throw new Error('refused');
    expect(r.events.map((x) => x.event)).toEqual([
      { kind: 'changed', campaignId: 'c2026', on: '2026-03-01', field: 'category', from: 'village', to: 'community' },
      { kind: 'changed', campaignId: 'c2026', on: '2026-03-01', field: 'parent', from: '东山村党总支', to: null },
    ]);
    expect(r.identities.map((o) => [o.orgType, o.parentId])).toEqual([['generalBranch', null], ['branch', null]]);
  });

  test('a parent is linked within the township, and one not on the roster is a warning', () => {
    const r = startRoster(
      [e('dongshan', '东山村党总支', 'village', { orgType: 'generalBranch' }), e('dongshan', '东山村第一党支部', 'village', { orgType: 'branch', parentName: '東山村黨總支' }), e('dongshan', '东山村第二党支部', 'village', { parentName: '东山村联合党总支' })],
      { campaignId: 'c2025', on: '2025-03-01' },
    );
    if (!r.ok) throw new Error('refused');
    expect(r.identities[1]?.parentId).toBe(r.identities[0]?.id);
    expect(r.issues.map((i) => i.message)).toEqual(['“东山村第二党支部”的所属党总支“东山村联合党总支”不在同一乡镇（街道）的名册中']);
  });

  test('a gone organization is suggested its best few new names, not every lookalike', () => {
    const base = startRoster([e('dongshan', '东山村党支部'), e('dongshan', '西河村党支部')], { campaignId: 'c2025', on: '2025-03-01' });
    if (!base.ok) throw new Error('refused');
    const lookalikes = ['东山社区党支部', '东山一村党支部', '东山新村党支部', '东山二组党支部', '东山南村党支部', '东山上村党支部'];
    const p = reconcileRoster(base.identities, [e('dongshan', '西河村党支部'), ...lookalikes.map((n) => e('dongshan', n))], { campaignId: 'c2026' });
    const scoreOf = (n: string) => nameSimilarity({ name: '东山村党支部', townshipId: 'dongshan', category: 'village' }, { name: n, townshipId: 'dongshan', category: 'village' }).score;
    expect(p.renames).toHaveLength(RENAMES_PER_ORG);
    expect(new Set(p.renames.map((r) => r.fromId))).toEqual(new Set([base.identities[0]?.id]));
    // The best scores, best first; no name left out scores higher than one kept.
    expect(p.renames.map((r) => r.score)).toEqual(lookalikes.map(scoreOf).sort((a, b) => b - a).slice(0, RENAMES_PER_ORG));
    const left = lookalikes.filter((n) => !p.renames.some((r) => r.toName === n));
    for (const n of left) expect(scoreOf(n)).toBeLessThanOrEqual(Math.min(...p.renames.map((r) => r.score)));
    expect(RENAMES_PER_ORG).toBeLessThan(lookalikes.length);
  });
});
