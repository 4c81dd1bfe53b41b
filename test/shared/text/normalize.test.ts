import { cleanText, normalizeLabel, orgKey, toHalfWidth, toSimplified } from '../../../shared';
import { isWhiteSpace } from '../../../shared/text/normalize';

test.each([
  ['１２３．５', '123.5'], ['ＡＢＣ', 'ABC'], ['a\u3000b', 'a b'],
])('toHalfWidth %p', (a, b) => expect(toHalfWidth(a)).toBe(b));

test.each([
  ['較差', '较差'], ['較好', '较好'], ['黨總支', '党总支'], ['機關事業單位', '机关事业单位'],
  ['非公有制經濟組織', '非公有制经济组织'], ['社會組織', '社会组织'], ['社區', '社区'], ['國有企業', '国有企业'],
  ['群眾反映', '群众反映'], ['情況說明', '情况说明'], ['總分', '总分'], ['等次', '等次'],
])('toSimplified %p', (a, b) => expect(toSimplified(a)).toBe(b));

test('normalizeLabel folds width, script, spaces and case', () => {
  expect(normalizeLabel(' 較 差 ')).toBe('较差');
  expect(normalizeLabel('ＧＯＯＤ')).toBe('good');
});

// Text pasted from a web page or a chat carries zero-width characters a clerk cannot see.
test.each([
  ['较好\u200b', '较好'],
  ['\u200b較\u200c差', '较差'],
  ['好\u2060', '好'],
  ['\ufeff一般\u200d', '一般'],
  ['机关\u200b事业单位', '机关事业单位'],
])('normalizeLabel(%p) drops what cannot be seen → %p', (a, b) => expect(normalizeLabel(a)).toBe(b));

test('cleanText keeps one space between words', () => {
  expect(cleanText('  城关镇\u3000 第一  支部 ')).toBe('城关镇 第一 支部');
});

test.each([
  ['東山村黨支部', '东山村党支部'],
  ['东山村 党支部', '东山村党支部'],
  ['東山村　黨總支', '东山村党总支'],
  ['下灣村黨支部', '下湾村党支部'],
  ['楓林有限公司黨支部', '枫林有限公司党支部'],
  ['縣醫院黨總支', '县医院党总支'],
  ['華陽礦業公司黨支部', '华阳矿业公司党支部'],
  ['石橋社區黨支部', '石桥社区党支部'],
  ['東山村“兩委”黨支部', '东山村两委党支部'],
  ['县直机关·第一党支部', '县直机关第一党支部'],
  ['ＡＢ公司党支部', 'ab公司党支部'],
])('orgKey(%p) is the key of %p', (a, b) => expect(orgKey(a)).toBe(orgKey(b)));

test.each([
  ['东山村党支部', '西山村党支部'],
  ['东山村第一党支部', '东山村第二党支部'],
  ['东山村党支部', '东山村党总支'],
])('orgKey keeps %p and %p apart', (a, b) => expect(orgKey(a)).not.toBe(orgKey(b)));

// normalizeLabel takes a one-pass path for the text clerks type (ASCII, CJK, full-width forms,
// common punctuation) and the general one for the rest: both must give what the definition says.
// Whitespace and the zero-width characters (U+200B–U+200D, U+2060) both go.
const reference = (s: string) => toSimplified(toHalfWidth(s)).replace(/[\s\u200b-\u200d\u2060]+/g, '').toLowerCase();

test('normalizeLabel agrees with its definition on every BMP code unit', () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    if (normalizeLabel(s) !== reference(s)) wrong.push(c.toString(16));
  }
  expect(wrong).toEqual([]);
});

test.each([
  ['spaces and Traditional', '  較 差 '], ['full-width letters and space', 'ＧＯＯＤ　ｂａｄ'], ['quotes', '東山村“兩委”黨支部'],
  ['dot, dash, ellipsis', '县直机关·第一党支部—其他…'], ['ASCII controls', 'Ａ\tB\r\nc\u000bＤ'], ['full-width brackets', '组织建设（15分）'],
  ['an accented letter', 'Élan 党支部'], ['Greek capitals', 'ΣΑΣ'], ['a dotted capital I', 'İstanbul'], ['a no-break space', '东山村\u00a0党支部'],
  ['a line separator', '党\u2028支部'], ['a surrogate pair', '\ud83c\udf89庆祝'], ['a lone surrogate', '\ud800孤'], ['a narrow no-break space', 'ab\u202fcd'], ['nothing', ''],
  ['a zero-width space', '较好\u200b'],
])('normalizeLabel of %s is toSimplified∘toHalfWidth, no whitespace, lower case', (_name, s) => {
  expect(normalizeLabel(s)).toBe(reference(s));
});

test('toHalfWidth and toSimplified leave text without anything to change as it is, surrogate pairs included', () => {
  for (const s of ['党支部', 'abc', '\ud83c\udf89', '']) {
    expect(toHalfWidth(s)).toBe(s);
    expect(toSimplified(s)).toBe(s);
  }
  expect(toSimplified('\ud83c\udf89黨')).toBe('\ud83c\udf89党');
});

test('orgKey gives the same key on a second call (cached) as on the first', () => {
  const name = '東山村“兩委”黨支部（第１）';
  const first = orgKey(name);
  expect(orgKey(name)).toBe(first);
  expect(first).toBe('东山村两委党支部(第1)');
});

test('isWhiteSpace is \\s, and cleanText its definition, on every BMP code unit (alone and between letters)', () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (isWhiteSpace(c) !== /\s/.test(ch)) wrong.push(`isWhiteSpace ${c.toString(16)}`);
    for (const s of [ch, `党${ch}支 部`]) if (cleanText(s) !== toHalfWidth(s).replace(/\s+/g, ' ').trim()) wrong.push(`cleanText ${c.toString(16)}`);
  }
  expect(wrong).toEqual([]);
});
