// The @customfunction wrappers as Excel calls them, with a minimal CustomFunctions global:
// omitted optional arguments arrive as null, the invocation object comes last.
import { grade, quotaCheck, quotaTable } from '../../../addin/functions/functions';

class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: () => undefined,
  };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

const inv = (...parameterAddresses: Array<string | null>) => ({ parameterAddresses }) as unknown as CustomFunctions.Invocation;
const noAddr = {} as CustomFunctions.Invocation;

function thrownBy(fn: () => unknown): StubError {
  try {
    fn();
  } catch (e) {
    return e as StubError;
  }
  throw new Error('expected a throw');
}

describe('=DJ.GRADE', () => {
  test.each<[unknown[][], unknown[][]]>([
    [[[92]], [['好']]],
    [[['92分']], [['好']]],
    [[['９２']], [['好']]],
    [[[null]], [['']]],
    [[[95], [null], ['85']], [['好'], [''], ['较好']]],
  ])('%j → %j', (scores, expected) => {
    expect(grade(scores, null as never, null as never, null as never, inv('S!H5'))).toEqual(expected);
  });

  test('a bad single cell throws #VALUE! with the Chinese message', () => {
    const e = thrownBy(() => grade([['abc']], null as never, null as never, null as never, inv('一览表!H5')));
    expect(e).toBeInstanceOf(StubError);
    expect(e).toEqual(new StubError('#VALUE!', 'H5 单元格“abc”不是有效的分数，请填写 0 到 100 之间的数字'));
  });

  test('in a spill, the bad row is a #VALUE! cell and good rows still grade', () => {
    const rows = [
      [15, 15, 9, 9, 9, 18, 20],
      [10, 10, 8, 8, 8, 25, 20],
      [null, null, null, null, null, null, null],
      ['１３', '12分', 8, 8, 8, 16, 20],
    ];
    const out = grade(rows, null as never, null as never, null as never, inv('一览表!B5:H8'));
    expect(out).toEqual([['好'], [new StubError('#VALUE!', '第 6 行：G6 单元格“工作业绩”分数 25 超出范围，应在 0 到 20 之间')], [''], ['较好']]);
  });

  test('without addresses (older Excel), rows are counted within the range', () => {
    const out = grade([[95], ['x']], null as never, null as never, null as never, noAddr);
    expect(out[1]).toEqual([new StubError('#VALUE!', '所选区域第 2 行：“x”不是有效的分数，请填写 0 到 100 之间的数字')]);
  });

  test('flags and scheme arguments pass through', () => {
    expect(grade([[95], [95]], [['否'], ['是']], [['是'], [null]], 'yichun5', noAddr)).toEqual([['较好'], ['较差']]);
  });

  test.each<[string, () => unknown, string]>([
    ['wrong width', () => grade([[1, 2]], null as never, null as never, null as never, noAddr), '所给区域有 2 列'],
    ['unknown scheme', () => grade([[90]], null as never, null as never, 'nowhere', noAddr), '“nowhere”不是已知的评定标准'],
  ])('%s → #VALUE! for the whole formula', (_n, fn, fragment) => {
    const e = thrownBy(fn);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain(fragment);
  });
});

describe('=DJ.QUOTA_CHECK and =DJ.QUOTA_TABLE', () => {
  const grades = [['好'], ['较好'], ['较好'], ['较好'], ['较好'], ['较好'], ['較好'], ['一般'], ['一般'], ['較差']];

  test('one line of Chinese', () => {
    expect(quotaCheck(grades, null as never, null as never)).toBe('共 10 个：好 1（10.0%）、较好 6（60.0%）、一般 2（20.0%）、较差 1（10.0%）；比例符合要求');
  });

  test('mismatched categories → #VALUE! with the sizes', () => {
    const e = thrownBy(() => quotaCheck(grades, [['村'], ['村']], null as never));
    expect(e).toEqual(new StubError('#VALUE!', '“类别”区域为 2 行 × 1 列，应与等次区域一样为 10 行 × 1 列（或只给一个单元格，对所有行适用）'));
  });

  test('the table spills five columns', () => {
    const t = quotaTable(grades, null as never, null as never);
    expect(t[0]).toEqual(['等次', '个数', '占比', '要求', '结论']);
    expect(t.at(-1)).toEqual(['合计', 10, '100.0%', '', '符合比例要求']);
  });

  test.each<[string, Error, string]>([
    ['the engine’s English stays out: only its kind, as a code', new TypeError("Cannot read properties of undefined (reading 'length')"), '计算时出错，请把此信息告知县委组织部：内部错误，代码 TypeError'],
    ['a Chinese fault is shown as it is', new Error('评定标准缺少等次'), '计算时出错，请把此信息告知县委组织部：评定标准缺少等次'],
  ])('an unexpected fault becomes a Chinese #VALUE!, not a stack trace: %s', (_name, fault, message) => {
    const hostile = [[{ toString: () => { throw fault; } }]];
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = thrownBy(() => quotaCheck(hostile, null as never, null as never));
    expect(e).toEqual(new StubError('#VALUE!', message));
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
