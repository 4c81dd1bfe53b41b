// A stand-in for Excel's office.js, injected into the page before its scripts run, so the page
// takes its "inside Excel" path in Chromium. It keeps a tiny workbook (sheet names and cell fills)
// and records every Excel call in window.__excelCalls for the test to read. It is serialised into
// the page by Playwright, so it must not use anything outside its own body.
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface FakeExcelConfig {
  /** The open workbook, base64; window.__fakeExcel.workbook may be changed later. */
  workbook: string;
  sheets: string[];
  /** Highest ExcelApi 1.x minor version supported. */
  excelApi: number;
  /** Names the template adds when inserted (its ids are the names here). */
  templateSheets: string[];
  hiddenSheets: string[];
}

export type ExcelCall = [string, ...unknown[]];

export function installFakeOffice(cfg: FakeExcelConfig): void {
  const w = window as any;
  w.__fakeExcel = cfg;
  const calls: ExcelCall[] = (w.__excelCalls = []);
  const sheets = new Map<string, Map<string, string>>();
  for (const n of cfg.sheets) sheets.set(n, new Map());
  const OK = 'succeeded';

  const range = (sheet: string, addr: string) => {
    const cells = () => sheets.get(sheet) ?? new Map<string, string>();
    const fill = {
      clear() {
        cells().delete(addr);
        calls.push(['clear', sheet, addr]);
      },
      get color() {
        return cells().get(addr) ?? '#FFFFFF';
      },
      set color(v: string) {
        cells().set(addr, v);
        calls.push(['fill', sheet, addr, v]);
      },
    };
    return { load: () => undefined, select: () => calls.push(['select', sheet, addr]), format: { fill } };
  };
  const sheet = (name: string) => ({
    name,
    visibility: w.__fakeExcel.hiddenSheets.includes(name) ? 'Hidden' : 'Visible',
    load: () => undefined,
    activate: () => calls.push(['activate', name]),
    getRange: (a: string) => range(name, a),
  });
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (n: string) => ({ isNullObject: !sheets.has(n), load: () => undefined }),
        getItem: (n: string) => sheet(n),
      },
      insertWorksheetsFromBase64(b64: string, opts: unknown) {
        calls.push(['insert', b64, opts]);
        for (const n of w.__fakeExcel.templateSheets) sheets.set(n, new Map());
        return { value: w.__fakeExcel.templateSheets.slice() };
      },
    },
    sync: async () => undefined,
  };

  const settings: Record<string, unknown> = {};
  w.Office = {
    HostType: { Excel: 'Excel' },
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: OK, Failed: 'failed' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: {
      requirements: {
        isSetSupported: (name: string, v: string) =>
          name === 'CompressedFile' || (name === 'ExcelApi' && Number(v.split('.')[1] ?? 0) <= w.__fakeExcel.excelApi),
      },
      document: {
        getFileAsync(type: string, opts: { sliceSize: number }, cb: (r: unknown) => void) {
          calls.push(['getFileAsync', type]);
          const bin = atob(w.__fakeExcel.workbook);
          const bytes = Array.from(bin, (c) => c.charCodeAt(0));
          const size = opts.sliceSize;
          const count = Math.max(1, Math.ceil(bytes.length / size));
          const file = {
            size: bytes.length,
            sliceCount: count,
            getSliceAsync: (i: number, done: (r: unknown) => void) => done({ status: OK, value: { index: i, data: bytes.slice(i * size, (i + 1) * size) } }),
            closeAsync: (done: () => void) => {
              calls.push(['closeFile']);
              done();
            },
          };
          cb({ status: OK, value: file });
        },
        settings: {
          get: (k: string) => settings[k] ?? null,
          set: (k: string, v: unknown) => {
            settings[k] = v;
          },
          saveAsync: (done?: () => void) => done?.(),
        },
      },
    },
  };
  w.Excel = {
    run: async (cb: (c: unknown) => Promise<unknown>) => cb(context),
    createWorkbook: async (b64: string) => {
      calls.push(['createWorkbook', b64]);
    },
  };
}
