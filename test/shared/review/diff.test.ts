// What changed between two versions of a township's report, organizations matched by orgKey.
import { defaultScheme } from '../../../shared';
import { diffVersions } from '../../../shared/review/diff';
import type { OrgRow, RectificationRow } from '../../../shared/submission/types';

function org(name: string, patch: Partial<OrgRow> = {}, row = 5): OrgRow {
  return {
    row,
    seq: null,
    name,
    committee: null,
    category: 'village',
    orgType: 'branch',
    parentName: null,
    members: 12,
    scores: [13, 13, 9, 9, 9, 17, 22],
    total: 92,
    grade: 'good',
    flags: { forcedBottom: false, newlyEstablished: false },
    explanation: '班子团结',
    remark: '',
    ...patch,
  };
}

function rect(orgName: string, patch: Partial<RectificationRow> = {}): RectificationRow {
  return { row: 5, orgName, problems: '阵地不足', measures: '新建活动室', owner: '张三', deadline: '2026-12-31', status: '整改中', ...patch };
}

const side = (orgs: OrgRow[], rectifications: RectificationRow[] = []) => ({ orgs, rectifications });

describe('diffVersions', () => {
  it('finds nothing between a version and itself', () => {
    const a = side([org('东山村党支部'), org('西山村党支部', {}, 6)], [rect('西山村党支部')]);
    expect(diffVersions(defaultScheme, 1, a, a)).toEqual({ previousVersion: 1, added: [], removed: [], changed: [], unchanged: 2, rectifications: { added: [], removed: [], changed: [] } });
  });

  it.each<[string, Partial<OrgRow>, string[][]]>([
    ['a score', { scores: [13, 13, 9, 9, 9, 17, 20], total: 90 }, [['score:opinion', '群众反映', '22', '20'], ['total', '总分', '92', '90']]],
    ['the grade', { total: 85, grade: 'fairlyGood' }, [['total', '总分', '92', '85'], ['grade', '等次', '好', '较好']]],
    ['the category', { category: 'community' }, [['category', '类别', '村', '社区']]],
    ['a flag', { flags: { forcedBottom: true, newlyEstablished: false } }, [['forcedBottom', '涉及三打两建问题', '否', '是']]],
    ['the explanation', { explanation: '班子团结，业绩突出' }, [['explanation', '情况说明', '班子团结', '班子团结，业绩突出']]],
    ['the type', { orgType: 'generalBranch' }, [['orgType', '组织类型', '党支部', '党总支']]],
  ])('reports a change of %s with labels and both values', (_n, patch, changes) => {
    const d = diffVersions(defaultScheme, 1, side([org('东山村党支部')]), side([org('东山村党支部', patch, 7)]));
    expect(d.changed).toEqual([{ name: '东山村党支部', row: 7, previousRow: 5, changes: changes.map(([field, label, before, after]) => ({ field, label, before, after })) }]);
    expect(d.unchanged).toBe(0);
  });

  // Another spelling of one name is no change (it read as a rename); a change beside it is listed under the new spelling.
  it.each([
    ['Traditional → Simplified', '東山村黨支部', '东山村党支部'],
    ['a wrapped name kept as a space → unwrapped', '东山村 党支部', '东山村党支部'],
    ['full width → half width', 'ＡＢＣ公司党支部', 'ABC公司党支部'],
    ['quotes and a middle dot', '东山村“两委”·党支部', '东山村两委党支部'],
  ])('matches names by orgKey: %s is no change', (_n, before, after) => {
    const d = diffVersions(defaultScheme, 2, side([org(before)]), side([org(after)]));
    expect([d.added, d.removed, d.changed, d.unchanged]).toEqual([[], [], [], 1]);
    const graded = diffVersions(defaultScheme, 2, side([org(before)]), side([org(after, { remark: '已核实' })]));
    expect(graded.changed).toEqual([{ name: after, row: 5, previousRow: 5, changes: [{ field: 'remark', label: '备注', before: '', after: '已核实' }] }]);
  });

  it('lists added and removed organizations with their grade and total (a rename is both)', () => {
    const d = diffVersions(defaultScheme, 1, side([org('东山村党支部'), org('旧村党支部', { grade: 'poor', total: 55 }, 6)]), side([org('东山村党支部'), org('新村党支部', { grade: 'average', total: 70 }, 9)]));
    expect(d.added).toEqual([{ name: '新村党支部', row: 9, gradeLabel: '一般', total: 70 }]);
    expect(d.removed).toEqual([{ name: '旧村党支部', row: 6, gradeLabel: '较差', total: 55 }]);
    expect(d.unchanged).toBe(1);
  });

  it('reports rectification lines by organization', () => {
    const d = diffVersions(
      defaultScheme,
      1,
      side([], [rect('甲村党支部'), rect('乙村党支部'), rect('丙村党支部')]),
      side([], [rect('甲村党支部'), rect('乙村党支部', { status: '已完成' }), rect('丁村党支部')]),
    );
    expect(d.rectifications).toEqual({ added: ['丁村党支部'], removed: ['丙村党支部'], changed: ['乙村党支部'] });
  });
});
