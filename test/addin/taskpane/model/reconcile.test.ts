import { PROPOSAL } from '../controllers/reconcile-fixtures';
import { chooseTwice, choicesFromDefaults, decisionsOf, needsDecision, newEntries, toggleMerge, toggleRename, townshipName } from '../../../../addin/taskpane/model/reconcile';

describe('the county’s reconciliation choices → decisions', () => {
  const start = choicesFromDefaults(PROPOSAL);

  it('starts from the server’s defaults, which give back the defaults', () => {
    expect(start).toEqual({ renames: ['o1>t01|东山村党总支'], merges: ['t01|河口联合村党支部'], twice: { 联合党支部: 't02' } });
    expect(new Set(decisionsOf(PROPOSAL, start).map((d) => JSON.stringify(d)))).toEqual(new Set(PROPOSAL.defaults.map((d) => JSON.stringify(d))));
  });

  it.each<[string, (c: typeof start) => typeof start, string[]]>([
    ['untick the rename: 东山村 is dissolved, 东山村党总支 new', (c) => toggleRename(c, 'o1>t01|东山村党总支'), ['merge', 'assign 联合党支部 t02', 'dissolve o1', 'dissolve o2']],
    ['untick the merge: both are dissolved', (c) => toggleMerge(c, 't01|河口联合村党支部'), ['rename o1', 'assign 联合党支部 t02', 'dissolve o2', 'dissolve o3', 'dissolve o4']],
    ['give the twice-listed name to 城关镇', (c) => chooseTwice(c, '联合党支部', 't01'), ['merge', 'rename o1', 'assign 联合党支部 t01', 'dissolve o2']],
    ['declare it two organizations', (c) => chooseTwice(c, '联合党支部', ''), ['merge', 'rename o1', 'distinct 联合党支部', 'dissolve o2']],
  ])('%s', (_what, change, expected) => {
    const said = decisionsOf(PROPOSAL, change(start)).map((d) =>
      d.kind === 'merge' ? 'merge' : d.kind === 'rename' ? `rename ${d.fromId}` : d.kind === 'assign' ? `assign ${d.name} ${d.townshipId}` : d.kind === 'distinct' ? `distinct ${d.name}` : `dissolve ${d.id}`);
    expect(said).toEqual(expected);
  });

  it('an entry stays new unless a ticked rename or merge claims it', () => {
    expect(newEntries(PROPOSAL, start)).toEqual(['t02|新建社区党支部']);
    expect(newEntries(PROPOSAL, toggleRename(start, 'o1>t01|东山村党总支'))).toEqual(['t01|东山村党总支', 't02|新建社区党支部']);
  });

  it('a proposal with nothing changed needs no confirmation', () => {
    expect(needsDecision(PROPOSAL)).toBe(true);
    expect(needsDecision({ ...PROPOSAL, missing: [], renames: [], merges: [], twice: [] })).toBe(false);
  });
});

describe('townships by name', () => {
  // 西山镇 (t03) was last year's and is not this year's: its organizations are missing, shown under its name.
  const p = { ...PROPOSAL, previousTownships: [...PROPOSAL.previousTownships, { id: 't03', name: '西山镇' }] };
  it.each([
    ['this year’s', 't02', '东山乡'],
    ['last year’s only', 't03', '西山镇'],
    ['neither (the id is all there is)', 't99', 't99'],
  ])('%s township', (_n, id, name) => {
    expect(townshipName(p, id)).toBe(name);
  });
});
