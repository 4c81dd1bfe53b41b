// Realistic, valid rows for tests, the demo and benches: the grade mix of source 000 (≈10 % 好,
// 60 % 较好, 20 % 一般, 10 % 较差), quotas respected per class, explanations where the scheme
// requires them, general branches followed by branches of the same grade, and a rectification
// row for every organization that needs one.
import type { FillOrg, FillRect } from './fill';
import { FLAG_CHOICES, ORG_TYPES, needsRectification } from './definition';
import type { Scheme } from '../scheme/schema';
import { maxTotal } from '../scheme/lookup';
import { sumScores } from '../grade/score';

export interface SampleOptions {
  /** Put before organization names, e.g. a township's name. */
  prefix?: string;
}

export interface Sample {
  orgs: FillOrg[];
  rectifications: FillRect[];
}

/** Deterministic PRNG (mulberry32): the same seed gives the same workbook. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = '东山 西河 南岭 北坪 上塘 下湾 石桥 柳溪 枫林 桃园 杏花 松坡 竹园 梅岭 兰田 菊港 青龙 白马 金沙 银杏 黄土 红星 新华 建设 胜利 团结 和平 光明 前进 永丰'.split(' ');
const KIND_SUFFIX = ['村', '社区', '公司', '有限公司', '局', '协会'];

function placeName(i: number): string {
  const p = PLACES[i % PLACES.length] ?? '东山';
  const round = Math.floor(i / PLACES.length);
  return round ? `${p}${round + 1}` : p;
}

export function sampleOrgs(s: Scheme, n: number, seed = 1, opts: SampleOptions = {}): Sample {
  const rand = seededRandom(seed);
  const prefix = opts.prefix ?? '';
  const cats = s.categories;
  const standard = cats.filter((c) => (s.quota.top.classCaps[c.quotaClass] ?? s.quota.top.maxShare) <= s.quota.top.maxShare);
  const main = standard[0] ?? cats[0];
  if (!main) throw new Error('scheme has no categories');
  // Half the rows in the main category (村 / 农村), the rest spread over every category.
  const pattern = [main, main, main, main, main, ...cats];

  // General branch at every 20th row with two branches after it: same category, same grade.
  const groupOf = new Array<number>(n).fill(-1);
  for (let i = 0; i + 2 < n; i += 20) groupOf[i] = groupOf[i + 1] = groupOf[i + 2] = i;
  const category = Array.from({ length: n }, (_, i) => {
    const g = groupOf[i] ?? -1;
    return pattern[(g >= 0 ? g : i) % pattern.length] ?? main;
  });

  const grades = s.grades;
  const top = grades[0];
  const bottom = grades[grades.length - 1];
  const middle = grades[1] ?? top;
  if (!top || !bottom || !middle) throw new Error('scheme has too few grades');
  const grade = new Array<string>(n).fill(middle.key);
  const order = shuffle(Array.from({ length: n }, (_, i) => i).filter((i) => (groupOf[i] ?? -1) < 0), rand);

  const classCount = new Map<string, number>();
  category.forEach((c) => classCount.set(c.quotaClass, (classCount.get(c.quotaClass) ?? 0) + 1));
  const classTop = new Map<string, number>();
  let wantTop = Math.floor(n * 0.1);
  let wantBottom = Math.round(n * 0.1);
  // The band(s) between the second and the last: 一般 with four bands.
  const lowerMiddle = grades.slice(2, -1);
  let wantLower = lowerMiddle.length ? Math.round(n * 0.2) : 0;
  for (const i of order) {
    const cls = category[i]?.quotaClass ?? 'standard';
    const cap = s.quota.top.classCaps[cls] ?? s.quota.top.maxShare;
    const used = classTop.get(cls) ?? 0;
    if (wantTop > 0 && used + 1 <= Math.floor((classCount.get(cls) ?? 0) * cap)) {
      grade[i] = top.key;
      classTop.set(cls, used + 1);
      wantTop--;
    } else if (wantBottom > 0) {
      grade[i] = bottom.key;
      wantBottom--;
    } else if (wantLower > 0) {
      grade[i] = lowerMiddle[wantLower % lowerMiddle.length]?.key ?? middle.key;
      wantLower--;
    }
  }

  const orgs: FillOrg[] = [];
  const rectifications: FillRect[] = [];
  for (let i = 0; i < n; i++) {
    const cat = category[i] ?? main;
    const g = grades.find((x) => x.key === grade[i]) ?? middle;
    const group = groupOf[i] ?? -1;
    const place = placeName(group >= 0 ? group : i);
    const suffix = KIND_SUFFIX[s.categories.indexOf(cat) % KIND_SUFFIX.length] ?? '';
    let name = `${prefix}${place}${suffix}党支部`;
    let orgType: string = ORG_TYPES[2].label;
    let parent: string | null = null;
    if (group === i) {
      name = `${prefix}${place}${suffix}党总支`;
      orgType = ORG_TYPES[1].label;
    } else if (group >= 0) {
      name = `${prefix}${place}${suffix}第${i - group === 1 ? '一' : '二'}党支部`;
      parent = `${prefix}${place}${suffix}党总支`;
    }
    const scores = sampleScores(s, g.key, rand);
    const total = sumScores(scores);
    const needsText = s.explanations.some((r) => r.categories.includes(cat.key) && r.grades.includes(g.key));
    orgs.push({
      seq: i + 1,
      name,
      committee: `${prefix || '某某镇'}党委`,
      category: cat.name,
      orgType,
      parent,
      members: 5 + Math.floor(rand() * 60),
      scores,
      forcedBottom: s.overrides.forcedBottom.enabled ? FLAG_CHOICES[1] : undefined,
      newlyEstablished: s.overrides.newlyEstablishedCap.enabled ? FLAG_CHOICES[1] : undefined,
      explanation: needsText ? `总分 ${total} 分，定为“${g.label}”，经党委研究确定。` : null,
      remark: null,
    });
    if (needsRectification(s, g.key)) {
      rectifications.push({
        orgName: name,
        grade: g.label,
        problems: '组织生活不够规范，阵地建设薄弱',
        measures: '落实“三会一课”制度，改善活动阵地',
        owner: '李书记',
        deadline: new Date(Date.UTC(2026, 11, 31)),
        status: '整改中',
      });
    }
  }
  return { orgs, rectifications };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const a = xs[i] as T;
    xs[i] = xs[j] as T;
    xs[j] = a;
  }
  return xs;
}

/** Scores in half points whose sum lands inside the band, each within its maximum. */
export function sampleScores(s: Scheme, gradeKey: string, rand: () => number): number[] {
  const k = s.grades.findIndex((g) => g.key === gradeKey);
  const band = s.grades[k];
  if (!band) throw new Error(`unknown grade ${gradeKey}`);
  const upper = k === 0 ? maxTotal(s) : (s.grades[k - 1]?.min ?? maxTotal(s)) - 0.5;
  const lower = band.min === 0 ? Math.min(30, upper) : band.min;
  const target = lower + Math.round(rand() * ((upper - lower) * 2)) / 2;
  const scores = s.indicators.map((i) => i.max);
  let deficit = sumScores(scores) - target;
  let guard = 10000;
  while (deficit > 1e-9 && guard-- > 0) {
    const j = Math.floor(rand() * scores.length);
    const cur = scores[j] ?? 0;
    if (cur <= 0) continue;
    const step = Math.min(deficit, cur, 0.5 * (1 + Math.floor(rand() * 4)));
    scores[j] = cur - step;
    deficit = Math.round((deficit - step) * 2) / 2;
  }
  return scores.map((x) => Math.round(x * 2) / 2);
}
