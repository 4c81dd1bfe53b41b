// What the page can do where it runs. Inside Excel each action needs a requirement set; an old
// Excel gets the action disabled with a Chinese reason. Outside Office (a browser, WPS) files are
// picked and downloaded instead.

export type Action = 'readWorkbook' | 'select' | 'highlight' | 'insertTemplate' | 'openWorkbook';

interface Need {
  set: string;
  version: string;
  what: string;
}

export const NEEDS: Record<Action, Need> = {
  readWorkbook: { set: 'CompressedFile', version: '1.1', what: '读取当前工作簿' },
  select: { set: 'ExcelApi', version: '1.4', what: '定位单元格' },
  highlight: { set: 'ExcelApi', version: '1.4', what: '标出问题单元格' },
  insertTemplate: { set: 'ExcelApi', version: '1.13', what: '插入模板工作表' },
  openWorkbook: { set: 'ExcelApi', version: '1.8', what: '在 Excel 中打开汇总表' },
};

export interface Capabilities {
  /** True inside Excel: the open workbook is the source, files open in Excel. */
  inExcel: boolean;
  /** Per action: null when available, else the Chinese reason it is not. */
  missing: Record<Action, string | null>;
}

export type SetCheck = (name: string, version: string) => boolean;

export function capabilities(inExcel: boolean, isSetSupported: SetCheck): Capabilities {
  const missing = {} as Record<Action, string | null>;
  for (const [action, need] of Object.entries(NEEDS) as Array<[Action, Need]>) {
    missing[action] =
      !inExcel || isSetSupported(need.set, need.version)
        ? null
        : `此版本的 Excel 不支持${need.what}（需要 ${need.set} ${need.version}）。请升级到 Microsoft 365 版 Excel 或使用网页版 Excel，也可以在浏览器中打开本页面。`;
  }
  return { inExcel, missing };
}

/** Resolves once office.js has decided where it runs; "no host" when office.js is absent or failed to load. */
export async function detectHost(timeoutMs = 5000): Promise<Capabilities> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return capabilities(false, () => false);
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  const inExcel = !!info && info.host === office.HostType.Excel;
  return capabilities(inExcel, (name, version) => {
    try {
      return office.context.requirements.isSetSupported(name, version);
    } catch {
      return false;
    }
  });
}
