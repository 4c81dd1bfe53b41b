// A request body's text held to its schema's shape before JSON.parse builds it: the first place
// it goes beyond, as a field path and a Chinese problem; null for what the schema could accept
// (or for text that is not JSON, which JSON.parse refuses).
import { createCampaignSchema } from '../../../shared/api/contract';
import { MAX_CONTAINERS, scanJson, type JsonBoundProblem } from '../../../shared/api/json-scan';
import { jsonShape } from '../../../shared/api/json-shape';
import { ledgerActionSchema } from '../../../shared/api/ledger';

const campaign = jsonShape(createCampaignSchema);
const ledger = jsonShape(ledgerActionSchema);
const list = (n: number, item: string) => `[${Array.from({ length: n }, () => item).join(',')}]`;

describe('within the shape', () => {
  it.each<[string, string]>([
    ['a campaign with a roster and decisions', JSON.stringify({ year: 2030, county: '青山县', deadline: '2030-04-25', townships: [{ name: '东山镇' }], roster: { 东山镇: [{ name: '东山村党支部', category: '村' }] }, decisions: [{ kind: 'merge', fromIds: ['a', 'b'], to: { township: '东山镇', name: '东山村党支部' } }] })],
    ['500 townships, 5,000 organizations in one list', `{"townships":${list(500, '{"name":"镇"}')},"roster":{"镇":${list(5000, '{"name":"支部"}')}}}`],
    ['a county’s own standard as an object', JSON.stringify({ scheme: { id: 'own', categories: [{ key: 'village', grades: [{ min: 90 }] }] } })],
    ['a key the schema does not know, with a small value', '{"year":2030,"note":{"by":"page"}}'],
    ['escapes, and a surrogate pair', '{"county":"青\\"山\\\\县\\ud83d\\ude00"}'],
    ['big and small numbers a double holds', '{"year":1.7976931348623157e308,"days":-1e-400}'],
    ['not JSON at all (JSON.parse refuses it)', '{"county":"青山'],
    ['a bare value', 'null'],
  ])('%s', (_case, text) => {
    expect(scanJson(text, campaign)).toBeNull();
  });
});

describe('beyond the shape', () => {
  it.each<[string, string, JsonBoundProblem]>([
    ['a list longer than its schema’s bound', `{"townships":${list(501, '{"name":"镇"}')}}`, { path: ['townships'], problem: '不能超过 500 项' }],
    ['a township’s roster over 5,000', `{"roster":{"东山镇":${list(5001, '{}')}}}`, { path: ['roster', '东山镇'], problem: '不能超过 5000 项' }],
    ['a list inside a union’s option', `{"decisions":[{"kind":"merge","fromIds":${list(51, '"a"')}}]}`, { path: ['decisions', 0, 'fromIds'], problem: '不能超过 50 项' }],
    ['a key twice', '{"year":2030,"year":2031}', { path: ['year'], problem: '同一字段出现了两次' }],
    ['__proto__', '{"__proto__":{"polluted":1}}', { path: ['__proto__'], problem: '不能使用“__proto__”作字段名' }],
    ['__proto__ written with an escape', '{"roster":{"\\u005f_proto__":[]}}', { path: ['roster', '__proto__'], problem: '不能使用“__proto__”作字段名' }],
    ['constructor', '{"constructor":1}', { path: ['constructor'], problem: '不能使用“constructor”作字段名' }],
    ['a number no double holds', '{"year":1e400}', { path: ['year'], problem: '数值超出范围' }],
    ['a negative one', '{"decisions":[{"n":-1e400}]}', { path: ['decisions', 0, 'n'], problem: '数值超出范围' }],
    ['half of a surrogate pair', '{"county":"\\ud800青山县"}', { path: ['county'], problem: '含有无法识别的字符（不成对的代理项）' }],
    ['a low half alone', '{"county":"\\udc00"}', { path: ['county'], problem: '含有无法识别的字符（不成对的代理项）' }],
    ['more keys than the schema has and a few more', `{${Array.from({ length: 45 }, (_, i) => `"k${i}":1`).join(',')}}`, { path: [], problem: '字段太多（最多 44 个）' }],
    ['deep under an unknown key', '{"note":{"a":{"b":{"c":1}}}}', { path: ['note', 'a', 'b'], problem: '层次太深' }],
  ])('%s', (_case, text, problem) => {
    expect(scanJson(text, campaign)).toEqual(problem);
  });

  it('stops five million nested lists at the depth of what the schema leaves open', () => {
    const r = scanJson('['.repeat(5_000_000) + ']'.repeat(5_000_000), ledger);
    expect(r?.problem).toBe('层次太深');
    expect(r?.path).toHaveLength(12);
  });

  it('stops half a million keys at the ledger action’s own and a few more', () => {
    expect(scanJson(`{${Array.from({ length: 500_000 }, (_, i) => `"k${i}":1`).join(',')}}`, ledger)).toEqual({ path: [], problem: '字段太多（最多 37 个）' });
  });

  it('counts objects and lists across the whole body', () => {
    const roster = Array.from({ length: 30 }, (_, t) => `"t${t}":${list(5000, '{}')}`).join(',');
    expect(scanJson(`{"roster":{${roster}}}`, campaign)).toEqual({ path: [], problem: `内容太多（超过 ${MAX_CONTAINERS} 个对象或列表）` });
  });

  it('reads brackets inside strings as text', () => {
    expect(scanJson(`{"county":"${'['.repeat(100)}","townships":${list(500, '{"name":"]}"}')}}`, campaign)).toBeNull();
  });
});
