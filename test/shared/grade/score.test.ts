import { checkScore, parseFlag, parseScore } from '../../../shared';

describe('parseScore', () => {
  test.each([
    [92, { kind: 'number', value: 92 }],
    ['92', { kind: 'number', value: 92 }],
    ['92分', { kind: 'number', value: 92 }],
    ['９２', { kind: 'number', value: 92 }],
    ['92.0', { kind: 'number', value: 92 }],
    ['９２．５', { kind: 'number', value: 92.5 }],
    ['.5', { kind: 'number', value: 0.5 }],
    ['  ', { kind: 'blank' }],
    ['', { kind: 'blank' }],
    [null, { kind: 'blank' }],
    [undefined, { kind: 'blank' }],
    ['85\u200b', { kind: 'number', value: 85 }],
    ['\u200b８５\u2060分', { kind: 'number', value: 85 }],
    ['\ufeff92\u00a0', { kind: 'number', value: 92 }],
    ['abc', { kind: 'malformed', text: 'abc' }],
    ['92分分', { kind: 'malformed', text: '92分分' }],
    ['1e2', { kind: 'malformed', text: '1e2' }],
    [Number.NaN, { kind: 'malformed', text: 'NaN' }],
  ])('%p', (input, expected) => {
    expect(parseScore(input)).toEqual(expected);
  });
});

describe('checkScore against a maximum', () => {
  test.each([
    [15, 15, true], [15.01, 15, false], [0, 15, true], [-0.5, 15, false],
  ])('%p of max %p → ok %p', (v, max, ok) => {
    expect(checkScore(v, max).ok).toBe(ok);
  });
});

describe('parseFlag', () => {
  test.each([
    ['是', true], ['否', false], ['√', true], [null, false], ['', false], [1, true], [0, false], [true, true], ['Ｙ', true],
  ])('%p → %p', (v, value) => {
    expect(parseFlag(v)).toEqual({ ok: true, value });
  });
  test('anything else is refused', () => {
    expect(parseFlag('也许')).toEqual({ ok: false, text: '也许' });
    expect(parseFlag(2)).toEqual({ ok: false, text: '2' });
  });
});
