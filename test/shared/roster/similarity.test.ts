import { bigramDice, containsCore, coreName, nameSimilarity, RENAME_THRESHOLD } from '../../../shared';

describe('coreName: the part of a name that tells organizations apart', () => {
  test.each([
    ['东山村党支部', '东山'],
    ['中共东山村党支部委员会', '东山'],
    ['東山村黨支部', '东山'],
    ['东山社区党总支', '东山'],
    ['红星机械厂党支部', '红星机械'],
    ['红星机械有限公司党支部', '红星机械'],
    ['东山镇中心小学党支部', '东山镇中心小学'],
    ['东山镇中学党支部', '东山镇中学'],
    ['东山西山联合党支部', '东山西山'],
    ['党支部', '党支部'],
    ['村党支部', '村'],
  ])('%s → %s', (name, core) => {
    expect(coreName(name)).toBe(core);
  });
});

describe('bigramDice', () => {
  test.each([
    ['东山', '东山', 1],
    ['东山', '西山', 0],
    ['红星机械', '红星机电', 2 / 3],
    ['东山', '东山新', 2 / 3],
    ['abab', 'ab', 2 / 4],
    ['东', '东', 1],
    ['东', '西', 0],
    ['', '', 0],
  ])('%s ~ %s = %p', (a, b, d) => {
    expect(bigramDice(a, b)).toBeCloseTo(d, 10);
  });
});

describe('nameSimilarity: renames the county should see, and lookalikes it should not', () => {
  const at = (name: string, townshipId = 'dongshan', category = 'village') => ({ name, townshipId, category });
  test.each([
    // Village turned community in the same township: same core, category differs.
    ['village → community', at('东山村党支部'), at('东山社区党支部', 'dongshan', 'community'), 1, true],
    ['restructured enterprise', at('红星机械厂党支部', 'dongshan', 'private'), at('红星机械有限公司党支部', 'dongshan', 'private'), 1, true],
    ['one character changed, boosted by township and category', at('红星机械厂党支部', 'dongshan', 'private'), at('红星机电厂党支部', 'dongshan', 'private'), 0.87, true],
    ['the same one character change in another township and category is still suggested', at('红星机械厂党支部', 'dongshan', 'private'), at('红星机电厂党支部', 'xishan', 'soe'), 0.67, true],
    ['two villages sharing 山村 are not alike', at('东山村党支部'), at('西山村党支部'), 0, false],
    ['neighbouring villages sharing only the ending', at('东山村党支部'), at('西河村党支部'), 0, false],
    ['two schools of one town', at('东山镇中心小学党支部', 'dongshan', 'agency'), at('东山镇中学党支部', 'dongshan', 'agency'), 0.8, true],
    ['context alone never suggests a rename', at('新光物流有限公司党支部'), at('西河村党支部'), 0, false],
  ])('%s', (_what, a, b, score, suggested) => {
    const s = nameSimilarity(a, b);
    expect(s.score).toBeCloseTo(score, 2);
    expect(s.score >= RENAME_THRESHOLD).toBe(suggested);
  });

  test('the score shows its parts', () => {
    expect(nameSimilarity(at('红星机械厂党支部', 'dongshan', 'private'), at('红星机电厂党支部', 'dongshan', 'soe'))).toEqual({ score: 0.77, nameScore: 0.67, sameTownship: true, sameCategory: false });
  });
});

describe('containsCore: a new name that holds old names suggests a merge', () => {
  test.each([
    ['东山西山联合党支部', '东山村党支部', true],
    ['东山西山联合党支部', '西山村党支部', true],
    ['东山西山联合党支部', '南湖村党支部', false],
    // A one-character core would be found almost anywhere.
    ['东风西山联合党支部', '东村党支部', false],
  ])('%s contains %s: %p', (n, o, want) => {
    expect(containsCore(n, o)).toBe(want);
  });
});
