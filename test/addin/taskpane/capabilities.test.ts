import { capabilities } from '../../../addin/taskpane/host/capabilities';

describe('capabilities', () => {
  it('outside Excel nothing is missing: files are picked and downloaded instead', () => {
    const c = capabilities(false, () => false);
    expect(c.inExcel).toBe(false);
    expect(Object.values(c.missing).every((m) => m === null)).toBe(true);
  });

  it.each([
    ['1.13', []],
    ['1.8', ['insertTemplate']],
    ['1.4', ['insertTemplate', 'openWorkbook']],
    ['1.1', ['select', 'highlight', 'insertTemplate', 'openWorkbook']],
  ])('Excel with ExcelApi %s lacks %j, each with a Chinese reason naming the set', (max, lacking) => {
    const supports = (name: string, v: string) => name === 'CompressedFile' || (name === 'ExcelApi' && Number(v.split('.')[1]) <= Number(max.split('.')[1]));
    const c = capabilities(true, supports);
    const missing = Object.entries(c.missing).filter(([, m]) => m !== null);
    expect(missing.map(([a]) => a)).toEqual(lacking);
    for (const [, m] of missing) expect(m).toMatch(/此版本的 Excel 不支持.*（需要 ExcelApi 1\.\d+）/);
  });

  it('an Excel that cannot hand out the file cannot check or upload it', () => {
    const c = capabilities(true, (name) => name === 'ExcelApi');
    expect(c.missing.readWorkbook).toContain('CompressedFile');
  });
});
