// A campaign as the county describes it → what the server stores, and what an edit may not change.
import { defaultScheme, schemeFingerprint, yichunScheme } from '../../../shared';
import { buildCampaign, checkEdit, type CampaignFields } from '../../../shared/campaign/build';

const NOW = Date.parse('2026-04-01T00:00:00Z');
const fields = (patch: Partial<CampaignFields> = {}): CampaignFields => ({ year: 2026, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }, { name: '西河乡' }], ...patch });
const ok = (f: CampaignFields, previous?: Parameters<typeof buildCampaign>[1]['previous']) => {
  const r = buildCampaign(f, { now: NOW, ...(previous ? { previous } : {}) });
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${r.kind}`);
  return r.draft;
};

describe('standards', () => {
  it.each([
    ['nothing → default6', {}, 'default6'],
    ['a built-in id', { schemeId: 'yichun5' as const }, 'yichun5'],
    ['the county’s own scheme as JSON text', { scheme: JSON.stringify({ ...yichunScheme, id: 'own' }) }, 'own'],
    ['the county’s own scheme as an object (over a built-in id)', { schemeId: 'default6' as const, scheme: { ...defaultScheme, id: 'own2' } }, 'own2'],
  ])('%s', (_n, patch, id) => {
    const d = ok(fields(patch));
    expect(d.schemeId).toBe(id);
    expect(d.schemeFingerprint).toBe(schemeFingerprint(d.scheme));
  });

  it('keeps the previous standard on an edit that names none', () => {
    expect(ok(fields(), { townships: [], scheme: yichunScheme }).schemeId).toBe('yichun5');
  });

  it.each([
    ['broken JSON', '{\n  "id": "x",\n  "name" "y"\n}', '评定标准文件不是有效的 JSON（第 3 行第 10 个字符附近），请检查括号、引号和逗号是否成对'],
    ['a share above 1', JSON.stringify({ ...defaultScheme, quota: { ...defaultScheme.quota, top: { ...defaultScheme.quota.top, maxShare: 2 } } }), 'quota.top.maxShare'],
  ])('refuses a scheme file with %s, naming the field', (_n, scheme, text) => {
    const r = buildCampaign(fields({ scheme }), { now: NOW });
    expect(r.kind).toBe('schemeInvalid');
    expect(r.kind === 'schemeInvalid' && r.detail).toContain(text);
  });
});

describe('townships', () => {
  it('assigns t01, t02… to townships without an id and keeps given ids', () => {
    expect(ok(fields({ townships: [{ name: '东山镇' }, { id: 'xihe', name: '西河乡' }, { name: '南岭乡' }] })).townships).toEqual([
      { id: 't01', name: '东山镇' },
      { id: 'xihe', name: '西河乡' },
      { id: 't02', name: '南岭乡' },
    ]);
  });

  it('keeps a township’s id on an edit by its name, and never gives a new township an old id', () => {
    const previous = { townships: [{ id: 't01', name: '东山镇' }, { id: 't02', name: '西河乡' }], scheme: defaultScheme };
    expect(ok(fields({ townships: [{ name: '西河乡' }, { name: '北坪镇' }] }), previous).townships).toEqual([
      { id: 't02', name: '西河乡' },
      { id: 't03', name: '北坪镇' },
    ]);
  });

  it.each([
    ['the same id twice', [{ id: 'a', name: '甲镇' }, { id: 'a', name: '乙镇' }], { kind: 'townshipIdDuplicate', id: 'a' }],
    ['the same name twice (Traditional)', [{ name: '东山镇' }, { name: '東山鎮' }], { kind: 'townshipNameDuplicate', name: '東山鎮' }],
  ])('refuses %s', (_n, townships, want) => {
    expect(buildCampaign(fields({ townships }), { now: NOW })).toEqual(want);
  });
});

describe('roster', () => {
  it('is keyed by township id or name, normalized, and checked like a 名册', () => {
    const d = ok(fields({ townships: [{ id: 'dongshan', name: '东山镇' }, { name: '西河乡' }], roster: { dongshan: [{ name: '东山村党支部', category: '行政村', orgType: '支部' }], 西河乡: [{ name: '西河社区党支部', category: '社区' }] } }));
    expect(d.roster).toEqual({ dongshan: [{ name: '东山村党支部', category: '村', orgType: '党支部' }], t01: [{ name: '西河社区党支部', category: '社区' }] });
  });

  it('stores names as a 名册 sheet gives them: a wrapped name or spaces between Chinese characters dropped', () => {
    const d = ok(fields({ roster: { 东山镇: [{ name: '东山村\n党支部', category: '村' }, { name: ' 青山县人民医院 第一党支部 ', category: '机关事业单位' }] } }));
    expect(d.roster.t01?.map((e) => e.name)).toEqual(['东山村党支部', '青山县人民医院第一党支部']);
  });

  it('refuses a roster for a township not in the list', () => {
    expect(buildCampaign(fields({ roster: { 北坪镇: [] } }), { now: NOW })).toEqual({ kind: 'rosterUnknown', key: '北坪镇' });
  });

  it('refuses a roster with errors, saying where', () => {
    const r = buildCampaign(fields({ roster: { 东山镇: [{ name: '甲村党支部', category: '村' }, { name: '乙村党支部', category: '农场' }] } }), { now: NOW });
    expect(r.kind).toBe('rosterRefused');
    const issues = r.kind === 'rosterRefused' ? r.issues : [];
    expect(issues.map((i) => [i.code, i.sheet])).toEqual([['ROSTER_CATEGORY_UNKNOWN', '东山镇名册']]);
    expect(issues[0]?.message).toContain('第 2 行“乙村党支部”的类别“农场”');
  });

  it('refuses more organizations in all the lists together than a 名册 may have', () => {
    const list = (t: number) => Array.from({ length: 5000 }, (_, i) => ({ name: `${t}村${i}党支部`, category: '村' }));
    const townships = Array.from({ length: 5 }, (_, t) => ({ name: `${t}镇` }));
    const r = buildCampaign(fields({ townships, roster: Object.fromEntries(townships.map((t, i) => [t.name, list(i)])) }), { now: NOW });
    expect(r.kind === 'rosterRefused' ? r.issues.map((i) => [i.code, i.sheet, i.message]) : r).toEqual([['ROSTER_TOO_MANY', '党组织名册', '工作表“党组织名册”：名册有 25000 行，超过上限 20000 行，请按乡镇（街道）拆分']]);
  });
});

describe('deadline', () => {
  it.each([
    ['a past deadline warns', '2026-03-31', ['DEADLINE_PAST']],
    ['today is not past', '2026-04-01', []],
  ])('%s', (_n, deadline, codes) => {
    expect(ok(fields({ deadline })).warnings.map((w) => w.code)).toEqual(codes);
  });
});

describe('checkEdit', () => {
  const prev = { schemeFingerprint: 'aaa', townships: [{ id: 't01', name: '东山镇' }, { id: 't02', name: '西河乡' }] };
  it.each([
    ['anything before anyone reported', { schemeFingerprint: 'bbb', townships: [] }, [], { kind: 'ok' }],
    ['the standard after a report', { schemeFingerprint: 'bbb', townships: prev.townships }, ['t01'], { kind: 'schemeLocked', count: 1 }],
    ['dropping a township that reported', { schemeFingerprint: 'aaa', townships: [{ id: 't02' }] }, ['t01'], { kind: 'townshipReported', name: '东山镇' }],
    ['dropping one that did not', { schemeFingerprint: 'aaa', townships: [{ id: 't01' }] }, ['t01'], { kind: 'ok' }],
  ])('%s', (_n, next, reported, want) => {
    expect(checkEdit(prev, next, new Set(reported))).toEqual(want);
  });
});
