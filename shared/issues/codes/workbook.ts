// Codes for templates, workbook reading and sheet validation: 200–299.
import type { IssueDef } from '../types';

const v = (x: unknown) => (x === undefined ? '' : String(x));

export const workbookIssues = {
  // The file itself (guards before parsing): 200–219.
  FILE_EMPTY: { num: 200, severity: 'error', zh: () => `文件是空的（0 字节），请重新选择要上传的工作簿` },
  FILE_TOO_LARGE: { num: 201, severity: 'error', zh: (p) => `文件大小 ${v(p.size)} 超过上限 ${v(p.limit)}，请删除多余的工作表或图片后再上传` },
  FILE_OLD_XLS: { num: 202, severity: 'error', zh: () => `这是旧版 .xls 文件，请另存为 .xlsx（若工作簿设置了打开密码，请先取消密码）` },
  FILE_NOT_XLSX: { num: 203, severity: 'error', zh: (p) => `这不是 Excel 工作簿（.xlsx）文件${p.detail ? `（${v(p.detail)}）` : ''}，请在 Excel 或 WPS 中另存为 .xlsx 后再上传` },
  ZIP_TRUNCATED: { num: 204, severity: 'error', zh: () => `文件不完整（可能下载或复制时中断），请重新保存后再上传` },
  ZIP_TOO_MANY_ENTRIES: { num: 205, severity: 'error', zh: (p) => `工作簿内部包含 ${v(p.count)} 个部件，超过上限 ${v(p.limit)}，无法安全读取` },
  ZIP_TOO_LARGE_UNCOMPRESSED: { num: 206, severity: 'error', zh: (p) => `工作簿解压后约 ${v(p.size)}，超过上限 ${v(p.limit)}，无法安全读取` },
  ZIP_RATIO: { num: 207, severity: 'error', zh: (p) => `工作簿部件“${v(p.entry)}”压缩比异常（${v(p.ratio)} 倍），疑似“压缩炸弹”，已拒绝读取` },
  ZIP_UNSUPPORTED: { num: 208, severity: 'error', zh: (p) => `工作簿使用了不支持的压缩或加密方式（${v(p.detail)}），请在 Excel 或 WPS 中另存为 .xlsx` },
  XML_DOCTYPE: { num: 209, severity: 'error', zh: (p) => `工作簿部件“${v(p.entry)}”含有 DOCTYPE/实体声明，出于安全原因已拒绝读取，请另存为 .xlsx 后再上传` },
  TOO_MANY_ROWS: { num: 210, severity: 'error', zh: (p) => `工作表“${v(p.sheet)}”约有 ${v(p.rows)} 行，超过上限 ${v(p.limit)} 行，请按乡镇拆分后分别上传` },
  WORKBOOK_UNREADABLE: { num: 211, severity: 'error', zh: (p) => `无法读取工作簿${p.detail ? `（${v(p.detail)}）` : ''}，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再上传` },
  // Template identity and layout: 220–239.
  SHEET_MISSING: { num: 220, severity: 'error', zh: (p) => `找不到“${v(p.sheet)}”工作表（工作簿中有：${v(p.found)}），请使用县里下发的模板` },
  HEADER_NOT_FOUND: { num: 221, severity: 'error', zh: () => `找不到表头行（应包含“党组织名称”“类别”“等次”等列），请使用县里下发的模板` },
  COLUMN_MISSING: { num: 222, severity: 'error', zh: (p) => `缺少“${v(p.column)}”列，请使用县里下发的模板，不要删除列` },
  COLUMN_UNKNOWN: { num: 223, severity: 'warning', zh: (p) => `无法识别的列“${v(p.column)}”，该列内容不会被读取` },
  COLUMN_DUPLICATE: { num: 224, severity: 'error', zh: (p) => `“${v(p.column)}”列出现了两次（另一列在 ${v(p.other)}），请删除多余的一列` },
  COLUMN_MAX_MISMATCH: { num: 225, severity: 'warning', zh: (p) => `表头写明“${v(p.column)}”满分 ${v(p.shown)} 分，但本县评定标准为 ${v(p.max)} 分，请核对模板是否为本年度下发` },
  TEMPLATE_META_MISSING: { num: 226, severity: 'info', zh: () => `工作簿中没有模板标识，无法确认是否为县里下发的模板；已按表头文字读取` },
  TEMPLATE_VERSION_UNSUPPORTED: { num: 227, severity: 'warning', zh: (p) => `模板版本“${v(p.version)}”与当前程序支持的版本“${v(p.expected)}”不同，请下载最新模板` },
  SCHEME_MISMATCH: { num: 228, severity: 'warning', zh: (p) => `模板是按评定标准“${v(p.found)}”生成的，与本次活动的标准“${v(p.expected)}”不一致，已按当前标准检查，请下载最新模板` },
  INFO_BLANK: { num: 229, severity: 'warning', zh: (p) => `未填写“${v(p.field)}”` },
  DATE_MALFORMED: { num: 230, severity: 'warning', zh: (p) => `“${v(p.value)}”不是有效的日期，请写成 2026-04-20 的形式` },
  FORMULA_NO_RESULT: { num: 231, severity: 'warning', zh: (p) => `${v(p.column)}公式没有计算结果（文件未经电子表格程序保存），已按评定标准重新计算；建议在 Excel 或 WPS 中打开并保存后再上传` },
  CELL_ERROR: { num: 232, severity: 'error', zh: (p) => `单元格显示错误值 ${v(p.value)}，请检查公式或内容` },
  SHEET_EMPTY: { num: 233, severity: 'error', zh: () => `一览表中没有任何党组织数据` },
  // Rows: 240–259.
  NAME_BLANK: { num: 240, severity: 'error', zh: () => `该行填写了内容但没有填写党组织名称` },
  ORG_DUPLICATE: { num: 241, severity: 'error', zh: (p) => `党组织“${v(p.name)}”重复填写（第一次出现在第 ${v(p.first)} 行）` },
  ORG_TYPE_UNKNOWN: { num: 242, severity: 'error', zh: (p) => `“${v(p.value)}”不是有效的组织类型，应为 ${v(p.allowed)} 之一` },
  MEMBERS_MALFORMED: { num: 243, severity: 'error', zh: (p) => `党员数“${v(p.value)}”应为不小于 0 的整数` },
  SCORE_AS_TEXT: { num: 245, severity: 'warning', zh: (p) => `分数写成了文字“${v(p.value)}”，表中的总分公式不会计入它，请只填写数字` },
  PARENT_NOT_FOUND: { num: 244, severity: 'warning', zh: (p) => `所属党总支“${v(p.name)}”不在本表中，无法核对“党支部与党总支等次一致”` },
  // Rectification ledger: 260–279.
  RECT_MISSING: { num: 260, severity: 'warning', zh: (p) => `“${v(p.name)}”定为“${v(p.grade)}”，但整改台账中没有它的整改事项` },
  RECT_ORG_UNKNOWN: { num: 261, severity: 'warning', zh: (p) => `整改台账中的“${v(p.name)}”不在一览表中` },
  RECT_FIELD_BLANK: { num: 262, severity: 'warning', zh: (p) => `整改台账“${v(p.name)}”未填写“${v(p.field)}”` },
} satisfies Record<string, IssueDef>;
