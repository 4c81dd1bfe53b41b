import { OfficeMockObject } from 'office-addin-mock';
import { clearHighlights, documentSettingsStore, FILL, highlightCells, memoryStore, uniqueTargets } from '../../../../addin/taskpane/excel/highlight';
import { excelMock, installExcel } from './excel-mock';

const D = '分类定级情况一览表';
const R = '整改台账';

describe('highlightCells / clearHighlights', () => {
  it('paints each cell by severity and remembers the fill it had', async () => {
    const { mock, fill } = excelMock({ [D]: { H5: '#FFFFFF', J6: '#92D050', K7: '#FFFFFF' }, [R]: { B3: '#FFFFFF' } });
    installExcel(mock);
    const store = memoryStore();
    const r = await highlightCells(
      [
        { sheet: D, cell: 'H5', severity: 'error' },
        { sheet: D, cell: 'J6', severity: 'warning' },
        { sheet: R, cell: 'B3', severity: 'error' },
        { sheet: '没有这张表', cell: 'A1', severity: 'error' },
        { sheet: D, severity: 'error' },
      ],
      store,
    );
    expect(r).toEqual({ painted: 3, skipped: 2 });
    expect(fill(D, 'H5')).toBe(FILL.error);
    expect(fill(D, 'J6')).toBe(FILL.warning);
    expect(fill(R, 'B3')).toBe(FILL.error);
    expect(fill(D, 'K7')).not.toBe(FILL.error);
    expect(await store.load()).toEqual([
      { sheet: D, cell: 'H5', before: null },
      { sheet: D, cell: 'J6', before: '#92D050' },
      { sheet: R, cell: 'B3', before: null },
    ]);
  });

  it('clear puts a colour back and clears cells that had no fill, then forgets them', async () => {
    const { mock, calls, fill } = excelMock({ [D]: { H5: '#FFFFFF', J6: '#92D050' } });
    installExcel(mock);
    const store = memoryStore();
    await highlightCells([{ sheet: D, cell: 'H5', severity: 'error' }, { sheet: D, cell: 'J6', severity: 'error' }], store);
    await expect(clearHighlights(store)).resolves.toBe(2);
    expect(fill(D, 'J6')).toBe('#92D050');
    expect(fill(D, 'H5')).toBe('#FFFFFF');
    expect(calls.cleared).toEqual([`${D}!H5`]);
    expect(await store.load()).toEqual([]);
    await expect(clearHighlights(store)).resolves.toBe(0);
  });

  it('highlighting again first restores the earlier highlight', async () => {
    const { mock, fill } = excelMock({ [D]: { H5: '#FFFFFF', J6: '#FFFFFF' } });
    installExcel(mock);
    const store = memoryStore();
    await highlightCells([{ sheet: D, cell: 'H5', severity: 'error' }], store);
    await highlightCells([{ sheet: D, cell: 'J6', severity: 'warning' }], store);
    expect(fill(D, 'H5')).toBe('#FFFFFF');
    expect(fill(D, 'J6')).toBe(FILL.warning);
    expect(await store.load()).toEqual([{ sheet: D, cell: 'J6', before: null }]);
  });

  it('clearing skips sheets deleted since', async () => {
    const { mock } = excelMock({ [D]: { H5: '#FFFFFF' } });
    installExcel(mock);
    const store = memoryStore([{ sheet: '已删除', cell: 'A1', before: null }, { sheet: D, cell: 'H5', before: '#FF0000' }]);
    await expect(clearHighlights(store)).resolves.toBe(1);
  });
});

describe('uniqueTargets', () => {
  it.each([
    ['keeps the most severe per cell', [{ sheet: D, cell: 'h5', severity: 'warning' as const }, { sheet: D, cell: 'H5', severity: 'error' as const }], [{ sheet: D, cell: 'H5', severity: 'error' }]],
    ['drops missing and non-A1 cells', [{ sheet: D, severity: 'error' as const }, { sheet: D, cell: '表头', severity: 'error' as const }], []],
    ['keeps the same cell on two sheets', [{ sheet: D, cell: 'A1', severity: 'info' as const }, { sheet: R, cell: 'A1', severity: 'info' as const }], [{ sheet: D, cell: 'A1', severity: 'info' }, { sheet: R, cell: 'A1', severity: 'info' }]],
  ])('%s', (_name, input, expected) => {
    expect(uniqueTargets(input)).toEqual(expected);
  });
});

describe('documentSettingsStore', () => {
  it('keeps the painted list in the document settings and saves the document settings', async () => {
    const kept: Record<string, unknown> = {};
    let saves = 0;
    (globalThis as Record<string, unknown>).Office = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: (k: string) => kept[k] ?? null,
            set: (k: string, v: unknown) => void (kept[k] = v),
            saveAsync: (cb: () => void) => {
              saves++;
              cb();
            },
          },
        },
      },
    });
    const store = documentSettingsStore('k');
    await expect(store.load()).resolves.toEqual([]);
    await store.save([{ sheet: D, cell: 'H5', before: null }]);
    expect(saves).toBe(1);
    await expect(store.load()).resolves.toEqual([{ sheet: D, cell: 'H5', before: null }]);
  });
});
