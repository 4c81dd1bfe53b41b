// The 派发表's title and file name: a 回头看's name the 回头看, so the links handed out for it are not
// taken for the grading's (same county, same year, both printed and stamped).
import { dispatchFileName, dispatchTitle } from '../../../shared/consolidate/titles';

describe('派发表 title and file name', () => {
  it.each<[string, { county: string; year: number; kind?: 'grading' | 'lookback' }, string, string]>([
    ['a grading', { county: '青山县', year: 2026, kind: 'grading' }, '青山县2026年度基层党组织分类定级上报链接派发表', '青山县2026年度上报链接派发表.xlsx'],
    ['a record made before kinds', { county: '青山县', year: 2026 }, '青山县2026年度基层党组织分类定级上报链接派发表', '青山县2026年度上报链接派发表.xlsx'],
    ['a 回头看', { county: '青山县', year: 2026, kind: 'lookback' }, '青山县2026年度基层党组织分类定级回头看上报链接派发表', '青山县2026年度分类定级回头看上报链接派发表.xlsx'],
  ])('%s', (_what, ctx, title, file) => {
    expect(dispatchTitle(ctx)).toBe(title);
    expect(dispatchFileName(ctx)).toBe(file);
  });
});
