import { defaultScheme, type OrgRow, type Submission } from '../../../shared';
import { isLate, memberTotal, mergeTallies, quotaEntries, summarizeCounty, tallySubmission, type TownshipInput } from '../../../shared/consolidate';

const s = defaultScheme;

function org(name: string, category: string, grade: string, total = 85, members: number | null = 10): OrgRow {
  return { row: 5, seq: null, name, committee: null, category, orgType: null, parentName: null, members, scores: [], total, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' };
}

function sub(orgs: OrgRow[], rects: Submission['rectifications'] = []): Submission {
  return { templateId: 't', templateVersion: '1', schemeId: s.id, schemeFingerprint: '', township: '', filledBy: '', phone: '', filledOn: null, orgs, rectifications: rects };
}

/** n orgs of one category with the given grade counts. */
function orgs(prefix: string, category: string, counts: Record<string, number>): OrgRow[] {
  return Object.entries(counts).flatMap(([g, n]) => Array.from({ length: n }, (_, i) => org(`${prefix}${g}${i}`, category, g)));
}

describe('tallies', () => {
  it('counts by category and grade, 党员 by category, and merges', () => {
    const a = tallySubmission(sub([...orgs('a', 'village', { good: 1, fairlyGood: 3 }), ...orgs('b', 'agency', { poor: 1 }), org('c', 'agency', 'good', 95, null)]));
    expect(a).toEqual({ orgs: 6, rectifications: 0, byCategory: { village: { good: 1, fairlyGood: 3 }, agency: { poor: 1, good: 1 } }, members: { village: 40, agency: 10 } });
    const m = mergeTallies([a, a]);
    expect(m.orgs).toBe(12);
    expect(m.byCategory.village).toEqual({ good: 2, fairlyGood: 6 });
    expect(m.members).toEqual({ village: 80, agency: 20 });
    expect(quotaEntries(a)).toHaveLength(6);
  });

  it('a tally stored before 党员 were counted makes the merged 党员 unknown, never a partial sum', () => {
    const a = tallySubmission(sub(orgs('a', 'village', { good: 1 })));
    const { members: _m, ...old } = a;
    expect(mergeTallies([a, old]).members).toBeUndefined();
    expect(memberTotal(old)).toBeNull();
    expect(memberTotal(a)).toBe(10);
  });
});

describe('county summary', () => {
  const t1 = tallySubmission(sub(orgs('x', 'village', { good: 2, fairlyGood: 12, average: 4, poor: 2 })));
  const t2 = tallySubmission(sub([...orgs('y', 'community', { good: 1, fairlyGood: 5, average: 3, poor: 1 }), ...orgs('z', 'agency', { good: 3, fairlyGood: 2 })]));
  const t3 = tallySubmission(sub(orgs('w', 'village', { good: 9, poor: 1 })));
  const base = { late: false, version: 1, receivedAt: '2026-04-20T00:00:00Z', comment: null };
  const inputs: TownshipInput[] = [
    { id: 'a', name: '甲镇', state: 'accepted', tally: t1, ...base },
    { id: 'b', name: '乙镇', state: 'submitted', tally: t2, ...base },
    { id: 'c', name: '丙镇', state: 'returned', tally: t3, ...base, comment: '好的比例过高' },
    { id: 'd', name: '丁镇', state: 'missing', tally: null, late: true, version: null, receivedAt: null, comment: null },
  ];
  const r = summarizeCounty(s, '某县', inputs);

  it('lists every township; counts submitted and accepted ones, marks the others', () => {
    expect(r.byTownship.map((x) => [x.label, x.included, x.remark])).toEqual([
      ['甲镇', true, null],
      ['乙镇', true, '待审核'],
      ['丙镇', false, '已退回，未计入'],
      ['丁镇', false, '未上报'],
    ]);
    expect(r.included).toBe(2);
    expect(r.status.map((x) => [x.name, x.included, x.stateText])).toEqual([
      ['甲镇', true, '已审核通过'],
      ['乙镇', true, '已上报待审核'],
      ['丙镇', false, '已退回'],
      ['丁镇', false, '未上报'],
    ]);
  });

  it('counts and shares by township, by category and for the county', () => {
    expect(r.byTownship[0]).toEqual({ label: '甲镇', included: true, total: 20, counts: [2, 12, 4, 2], shares: [0.1, 0.6, 0.2, 0.1], members: 200, remark: null });
    expect(r.townshipTotal.members).toBe(350);
    expect(r.byCategory.find((x) => x.label === '社区')?.members).toBe(100);
    expect(r.townshipTotal.counts).toEqual([6, 19, 7, 3]);
    expect(r.townshipTotal.total).toBe(35);
    expect(r.townshipTotal.shares[0]).toBeCloseTo(6 / 35, 12);
    const byCat = Object.fromEntries(r.byCategory.map((x) => [x.label, x.counts]));
    expect(byCat['村']).toEqual([2, 12, 4, 2]);
    expect(byCat['社区']).toEqual([1, 5, 3, 1]);
    expect(byCat['机关事业单位']).toEqual([3, 2, 0, 0]);
    expect(byCat['社会组织']).toEqual([0, 0, 0, 0]);
    expect(r.categoryTotal.total).toBe(35);
  });

  it('checks quotas per township and for the county with each class held to its own cap', () => {
    // 乙镇: standard class 1/10 好 fine; agencies 3/5 = 60 % > 30 % → not ok.
    expect(r.quota.map((q) => [q.scope, q.ok])).toEqual([['甲镇', true], ['乙镇', false]]);
    expect(r.quota[1]?.summary).toContain('超过上限 30%');
    expect(r.countyQuota.graded).toBe(35);
    expect(r.countyQuota.top).toEqual({ count: 6, share: 6 / 35 });
    expect(r.status[1]?.quotaOk).toBe(false);
    expect(r.status[2]?.quotaOk).toBeNull();
  });
});

describe('lateness', () => {
  it.each([
    ['2026-04-25T15:59:59.999Z', false],
    ['2026-04-25T16:00:00.000Z', true],
  ])('a version received at %s is late: %s (end of day, Beijing time)', (at, late) => {
    expect(isLate('2026-04-25', at, 0)).toBe(late);
  });
  it('a missing township is late only after the deadline', () => {
    expect(isLate('2026-04-25', null, Date.parse('2026-04-25T12:00:00Z'))).toBe(false);
    expect(isLate('2026-04-25', null, Date.parse('2026-04-26T00:00:00Z'))).toBe(true);
  });
});
