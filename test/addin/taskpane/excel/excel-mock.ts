// An Excel object model for office-addin-mock: sheets with cells (fill colours), calls recorded.
import { OfficeMockObject } from 'office-addin-mock';

export interface Calls {
  activated: string[];
  selected: string[];
  cleared: string[];
  inserted: Array<{ base64: string; options: unknown }>;
  created: string[];
}

export interface MockOptions {
  /** Sheets the template adds when inserted, by id. */
  templateSheets?: Array<{ id: string; name: string; visibility?: string }>;
  /** Sheets of the workbook that are hidden, by name, with their visibility ('Hidden', 'VeryHidden'). */
  hidden?: Record<string, string>;
  /** Cells in hidden (or filtered-out) rows, as 'Sheet!A1'. */
  hiddenRows?: string[];
}

type Cells = Record<string, string | null>;

export function excelMock(sheets: Record<string, Cells>, opts: MockOptions = {}) {
  const calls: Calls = { activated: [], selected: [], cleared: [], inserted: [], created: [] };
  const sheetData = (name: string, cells: Cells, visibility = 'Visible') => {
    const ranges: Record<string, unknown> = {};
    for (const [addr, color] of Object.entries(cells)) {
      ranges[addr] = {
        address: `${name}!${addr}`,
        format: {
          fill: {
            color: color ?? '#FFFFFF',
            clear(this: { color: string }) {
              this.color = '#FFFFFF';
              calls.cleared.push(`${name}!${addr}`);
            },
          },
        },
        select: () => calls.selected.push(`${name}!${addr}`),
        rowHidden: opts.hiddenRows?.includes(`${name}!${addr}`) ?? false,
        columnHidden: false,
      };
    }
    return {
      name,
      visibility,
      isNullObject: false,
      ranges,
      activate: () => calls.activated.push(name),
      getRange(this: { ranges: Record<string, unknown> }, addr: string) {
        const r = this.ranges[addr];
        if (!r) throw new Error(`test mock has no range ${name}!${addr}`);
        return r;
      },
    };
  };
  const byName: Record<string, unknown> = {};
  for (const [name, cells] of Object.entries(sheets)) byName[name] = sheetData(name, cells, opts.hidden?.[name]);
  const byId: Record<string, unknown> = {};
  for (const t of opts.templateSheets ?? []) byId[t.id] = sheetData(t.name, {}, t.visibility);

  const data = {
    context: {
      workbook: {
        worksheets: {
          byName,
          byId,
          nothing: { isNullObject: true },
          getItem(this: { byName: Record<string, unknown>; byId: Record<string, unknown> }, key: string) {
            const s = this.byName[key] ?? this.byId[key];
            if (!s) throw new Error(`ItemNotFound: ${key}`);
            return s;
          },
          getItemOrNullObject(this: { byName: Record<string, unknown>; nothing: unknown }, key: string) {
            return this.byName[key] ?? this.nothing;
          },
        },
        insertWorksheetsFromBase64(base64: string, options: unknown) {
          calls.inserted.push({ base64, options });
          return { value: (opts.templateSheets ?? []).map((t) => t.id) };
        },
      },
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
    createWorkbook: async (base64: string) => {
      calls.created.push(base64);
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mock = new OfficeMockObject(data as any) as any;
  return { mock, calls, fill: (sheet: string, addr: string): unknown => mock.context.workbook.worksheets.byName[sheet].ranges[addr].format.fill.color };
}

export function installExcel(mock: unknown): void {
  (globalThis as Record<string, unknown>).Excel = mock;
}
