// Codes for templates, workbook reading and sheet validation: 200–299.
import { def, nameText, v, type IssueDef, type Param } from '../types';


export const workbookIssues = {
  // The file itself (guards before parsing): 200–219.
  FILE_EMPTY: def(200, 'error', () => `文件是空的（0 字节），请重新选择要上传的工作簿`),
  FILE_TOO_LARGE: def<{ size: Param; limit: Param }>(201, 'error', (p) => `文件大小 ${v(p.size)} 超过上限 ${v(p.limit)}，请删除多余的工作表或图片后再上传`),
  FILE_OLD_XLS: def(202, 'error', () => `这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
  FILE_NOT_XLSX: def<{ detail?: Param }>(203, 'error', (p) => `这不是 Excel 工作簿（.xlsx）文件${p.detail ? `（${v(p.detail)}）` : ''}，请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
  ZIP_TRUNCATED: def(204, 'error', () => `文件不完整或已损坏（可能下载或复制时中断），请重新保存后再上传`),
  ZIP_TOO_MANY_ENTRIES: def<{ count: Param; limit: Param }>(205, 'error', (p) => `工作簿内部包含 ${v(p.count)} 个部件，超过上限 ${v(p.limit)}，无法安全读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
  ZIP_TOO_LARGE_UNCOMPRESSED: def<{ size: Param; limit: Param }>(206, 'error', (p) => `工作簿解压后约 ${v(p.size)}，超过上限 ${v(p.limit)}，无法安全读取；请删除多余的工作表或图片后再上传`),
  ZIP_RATIO: def<{ entry: Param; ratio: Param }>(207, 'error', (p) => `工作簿部件“${nameText(p.entry)}”压缩比异常（${v(p.ratio)} 倍），疑似“压缩炸弹”，已拒绝读取`),
  ZIP_UNSUPPORTED: def<{ detail: Param }>(208, 'error', (p) => `工作簿使用了不支持的压缩或加密方式（${v(p.detail)}），请在 Excel 或 WPS 中另存为 .xlsx`),
  XML_DOCTYPE: def<{ entry: Param }>(209, 'error', (p) => `工作簿部件“${nameText(p.entry)}”含有 DOCTYPE/实体声明，出于安全原因已拒绝读取，请另存为 .xlsx 后再上传`),
  TOO_MANY_ROWS: def<{ sheet: Param; limit: Param }>(210, 'error', (p) => `工作表“${v(p.sheet)}”超过 ${v(p.limit)} 行（上限），请删除多余的行或按乡镇拆分后分别上传`),
  WORKBOOK_UNREADABLE: def<{ detail?: Param }>(211, 'error', (p) => `无法读取工作簿${p.detail ? `（${v(p.detail)}）` : ''}，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再上传`),
  // A password to open encrypts the whole file (an .xlsx becomes a compound file, an .xls gets FILEPASS).
  FILE_ENCRYPTED: def(212, 'error', () => `工作簿设置了打开密码，服务器无法读取；请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 / 文件 → 文件加密）后另存为 .xlsx 再上传`),
  // Parts every program needs to open the file (Excel and LibreOffice find the workbook only through these).
  PACKAGE_DAMAGED: def<{ detail: Param }>(213, 'error', (p) => `工作簿的结构不完整（${v(p.detail)}），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
  // Template identity and layout: 220–239.
  SHEET_MISSING: def<{ sheet: Param; found: Param }>(220, 'error', (p) => `找不到“${v(p.sheet)}”工作表（工作簿中有：${v(p.found)}），请使用县里下发的模板`),
  HEADER_NOT_FOUND: def(221, 'error', () => `找不到表头行（应包含“党组织名称”“类别”“等次”等列），请使用县里下发的模板`),
  COLUMN_MISSING: def<{ column: Param }>(222, 'error', (p) => `缺少“${v(p.column)}”列，请使用县里下发的模板，不要删除列`),
  COLUMN_UNKNOWN: def<{ column: Param }>(223, 'warning', (p) => `无法识别的列“${v(p.column)}”，该列内容不会被读取`),
  COLUMN_DUPLICATE: def<{ column: Param; other: Param }>(224, 'error', (p) => `“${v(p.column)}”列出现了两次（另一列在 ${v(p.other)}），请删除多余的一列`),
  COLUMN_MAX_MISMATCH: def<{ column: Param; shown: Param; max: Param }>(225, 'warning', (p) => `表头写明“${v(p.column)}”满分 ${v(p.shown)} 分，但本县评定标准为 ${v(p.max)} 分，请核对模板是否为本年度下发`),
  TEMPLATE_META_MISSING: def(226, 'info', () => `工作簿中没有模板标识，无法确认是否为县里下发的模板；已按表头文字读取`),
  TEMPLATE_VERSION_UNSUPPORTED: def<{ version: Param; expected: Param }>(227, 'warning', (p) => `模板版本“${v(p.version)}”与当前程序支持的版本“${v(p.expected)}”不同，请下载最新模板`),
  SCHEME_MISMATCH: def<{ found: Param; expected: Param }>(228, 'warning', (p) => `模板是按评定标准“${v(p.found)}”生成的，与本次活动的标准“${v(p.expected)}”不一致，已按当前标准检查，请下载最新模板`),
  INFO_BLANK: def<{ field: Param }>(229, 'warning', (p) => `未填写“${v(p.field)}”`),
  DATE_MALFORMED: def<{ value: Param }>(230, 'warning', (p) => `“${v(p.value)}”不是有效的日期，请写成 2026-04-20 的形式`),
  // The engine recalculates what a spreadsheet would: nothing for the clerk to fix, so a note.
  FORMULA_NO_RESULT: def<{ column: Param }>(231, 'info', (p) => `${v(p.column)}公式没有计算结果（文件未经电子表格程序保存），已按评定标准重新计算；建议在 Excel 或 WPS 中打开并保存后再上传`),
  CELL_ERROR: def<{ value: Param }>(232, 'error', (p) => `单元格显示错误值 ${v(p.value)}，请检查公式或内容`),
  // A value the engine cannot work out: only a spreadsheet can calculate the clerk's own formula.
  FORMULA_NO_VALUE: def<{ formula: Param }>(249, 'error', (p) => `单元格是公式“${v(p.formula)}”，但文件中没有它的计算结果（文件未经电子表格程序保存），无法得知它的值；请在 Excel 或 WPS 中打开并保存后再上传`),
  FORMULA_UNVERIFIED: def<{ column: Param; formula: Param }>(
    250,
    'error',
    (p) => `${v(p.column)}公式“${v(p.formula)}”没有计算结果，又不是模板中本行的计算公式，无法确定它的值；请在 Excel 或 WPS 中打开、核对公式并保存后再上传`,
  ),
  SHEET_EMPTY: def(233, 'error', () => `一览表中没有任何党组织数据`),
  DETAIL_SHEET_CHOSEN: def<{ read: Param; other: Param }>(234, 'warning', (p) => `已读取工作表“${v(p.read)}”中的数据；工作表“${v(p.other)}”中没有党组织数据，未读取。如无用处，可删除该表`),
  DETAIL_SHEET_WORKING: def<{ read: Param; other: Param }>(
    253,
    'warning',
    (p) => `已读取工作表“${v(p.read)}”中的一览表；工作表“${v(p.other)}”也列有党组织，但缺少一览表的列，视为工作底稿，未读取。如上报的应是它，请把数据填入一览表`,
  ),
  DETAIL_SHEETS_CONFLICT: def<{ first: Param; firstCount: Param; second: Param; secondCount: Param }>(
    235,
    'error',
    (p) => `工作表“${v(p.first)}”（${v(p.firstCount)} 个党组织）和“${v(p.second)}”（${v(p.secondCount)} 个党组织）都填写了一览表，无法确定以哪一张为准；请删除不上报的那一张后重新上传`,
  ),
  // The location names the sheet.
  SHEET_HIDDEN_SKIPPED: def(236, 'warning', () => `该工作表已隐藏，其中的表格未读取（上报的是可见的数据）；如需上报，请取消隐藏`),
  SHEET_SKIPPED: def(237, 'warning', () => `该工作表中找不到一览表或整改台账的表头，其中的内容未读取`),
  OWNER_NAME_MISMATCH: def<{ found: Param; expected: Param }>(238, 'error', (p) => `填报单位“${v(p.found)}”不是本单位“${v(p.expected)}”，不能作为本单位的报表上报；请上报本单位的报表，或改正填报单位`),
  OWNER_NAME_DIFFERS: def<{ found: Param; expected: Param }>(239, 'warning', (p) => `模板是发给“${v(p.expected)}”的，但填报单位写的是“${v(p.found)}”，请核对`),
  // Rows: 240–259.
  NAME_BLANK: def(240, 'error', () => `该行填写了内容但没有填写党组织名称`),
  ORG_DUPLICATE: def<{ first: Param }>(241, 'error', (p) => `该党组织重复填写（第一次出现在第 ${v(p.first)} 行）`),
  ORG_TYPE_UNKNOWN: def<{ value: Param; allowed: Param }>(242, 'error', (p) => `“${v(p.value)}”不是有效的组织类型，应为 ${v(p.allowed)} 之一`),
  MEMBERS_MALFORMED: def<{ value: Param }>(243, 'error', (p) => `党员数“${v(p.value)}”应为不小于 0 的整数`),
  PARENT_NOT_FOUND: def<{ name: Param }>(244, 'warning', (p) => `所属党总支“${v(p.name)}”不在本表中，无法核对“党支部与党总支等次一致”`),
  // The template's SUM skips text, so the file's own 总分 and 等次 leave this score out: the one
  // cause of a wrong total, reported here and nowhere else.
  SCORE_AS_TEXT: def<{ value: Param }>(245, 'error', (p) => `分数写成了文字“${v(p.value)}”，表中的总分公式不会计入它（总分和等次因此不对）；请只填写数字`),
  ROWS_HIDDEN_SKIPPED: def<{ rows: Param; count: Param }>(246, 'warning', (p) => `第 ${v(p.rows)} 行已隐藏，未读取（共 ${v(p.count)} 行；上报的是可见的数据）；如需上报，请取消隐藏`),
  ROWS_OUTSIDE_COLUMNS: def<{ rows: Param; count: Param }>(247, 'warning', (p) => `第 ${v(p.rows)} 行只在表头以外的列中有内容，未读取（共 ${v(p.count)} 行）；请把内容填入对应的列`),
  TEXT_TOO_LONG: def<{ field: Param; length: Param; max: Param; value: Param }>(248, 'error', (p) => `“${v(p.field)}”不能超过 ${v(p.max)} 字，现为 ${v(p.length)} 字：“${v(p.value)}”`),
  // The list itself: a file of thousands of bad rows is shown its first issues (shared/issues/cap.ts),
  // then one of these with the count of the rest. An error when errors were left out, so the
  // verdict never depends on how many were shown.
  ISSUES_MORE: def<{ shown: Param; more: Param; errors: Param; warnings?: Param; notes?: Param }>(
    251,
    'error',
    (p) => `问题太多，只列出了前 ${v(p.shown)} 个（按工作表和行的顺序），另有 ${v(p.more)} 个未列出，其中错误 ${v(p.errors)} 个；请先改正列出的错误，再重新检查，其余问题会接着列出`,
  ),
  ISSUES_MORE_WARNINGS: def<{ shown: Param; more: Param; errors?: Param; warnings?: Param; notes?: Param }>(252, 'warning', (p) => `提醒太多，只列出了前 ${v(p.shown)} 个（按工作表和行的顺序），另有 ${v(p.more)} 个提醒或提示未列出；请先核实列出的各项，再重新检查`),
  // Rectification ledger: 260–269.
  // The location names the organization, so these messages do not repeat it.
  RECT_MISSING: def<{ grade: Param }>(260, 'warning', (p) => `定为“${v(p.grade)}”，但整改台账中没有该党组织的整改事项`),
  RECT_ORG_UNKNOWN: def(261, 'warning', () => `整改台账中的这个党组织不在一览表中（名称已按繁简体、全半角和空格统一后核对），请核对名称`),
  // Its name is in the list, in a row a filter or the clerk hid: the row is the cause, not the name.
  RECT_ORG_HIDDEN: def<{ sheet: Param; row: Param }>(265, 'warning', (p) => `整改台账中的这个党组织在工作表“${v(p.sheet)}”第 ${v(p.row)} 行，该行已隐藏，未读取；请取消隐藏（或清除筛选）后再上传`),
  // The 整改台账's 等次 repeats the list's; the list's decides (the county's 整改台账 and 汇总 take it), so a different one printed on the township's stamped sheet is pointed out.
  RECT_GRADE_DIFFERS: def<{ stated: Param; sheet: Param; row: Param; listed: Param }>(
    266,
    'warning',
    (p) => `整改台账中的等次填为“${v(p.stated)}”，与工作表“${v(p.sheet)}”第 ${v(p.row)} 行该党组织的等次“${v(p.listed)}”不一致；汇总以一览表为准，请将整改台账的等次改为“${v(p.listed)}”`,
  ),
  RECT_FIELD_BLANK: def<{ field: Param }>(262, 'warning', (p) => `整改台账未填写“${v(p.field)}”`),
  RECT_SHEET_EXTRA: def<{ read: Param; other: Param }>(264, 'warning', (p) => `工作簿中有不止一张整改台账：已读取“${v(p.read)}”，“${v(p.other)}”中的内容未读取；请合并到一张`),
  DEADLINE_UNCLEAR: def<{ value: Param }>(263, 'warning', (p) => `完成时限“${v(p.value)}”看不出是哪一天或哪个时段，已按原文保留；请写成 2026-12-31、2026年6月底或“年底前”等形式`),
  // The reader of untrusted workbooks: parts that disagree, and every bound it enforces: 280–299.
  ZIP_ENTRY_MISMATCH: def<{ entry: Param; what: Param }>(280, 'error', (p) => `工作簿部件“${nameText(p.entry)}”的文件头与压缩包目录不一致（${v(p.what)}），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
  ZIP_SIZE_MISMATCH: def<{ entry: Param; declared: Param }>(281, 'error', (p) => `工作簿部件“${nameText(p.entry)}”解压后与声明的大小（${v(p.declared)}）或校验值不符，疑似“压缩炸弹”或文件损坏，已停止读取`),
  PART_TOO_LARGE: def<{ entry: Param; size: Param; limit: Param }>(282, 'error', (p) => `工作簿部件“${nameText(p.entry)}”解压后约 ${v(p.size)}，超过单个部件的上限 ${v(p.limit)}，无法安全读取；请删除多余的内容或图片后再上传`),
  XML_TOO_DEEP: def<{ entry: Param; limit: Param }>(283, 'error', (p) => `工作簿部件“${nameText(p.entry)}”的 XML 嵌套超过 ${v(p.limit)} 层，不是电子表格程序保存的文件，已拒绝读取`),
  XML_TEXT_TOO_LONG: def<{ entry: Param; limit: Param }>(284, 'error', (p) => `工作簿部件“${nameText(p.entry)}”中有一段连续内容超过 ${v(p.limit)} 字，超出任何单元格能容纳的长度，已拒绝读取`),
  TOO_MANY_CELLS: def<{ sheet: Param; limit: Param }>(285, 'error', (p) => `工作表“${v(p.sheet)}”的单元格超过 ${v(p.limit)} 个（按每行最后一个有内容的列计算），请删除表格右侧和下方多余的内容后再上传`),
  WORKBOOK_TOO_MANY_CELLS: def<{ limit: Param }>(286, 'error', (p) => `整个工作簿的单元格超过 ${v(p.limit)} 个（按每行最后一个有内容的列计算），请删除多余的工作表或内容后再上传`),
  SHARED_STRINGS_TOO_MANY: def<{ limit: Param }>(287, 'error', (p) => `工作簿中不同的文字超过 ${v(p.limit)} 条（共享字符串表），无法安全读取；请删除多余的工作表或内容后再上传`),
  TEXT_TOO_MUCH: def<{ limit: Param }>(288, 'error', (p) => `工作簿中的文字合计超过 ${v(p.limit)} 字，无法安全读取；请删除多余的工作表或内容后再上传`),
  CELL_TOO_LONG: def<{ length: Param; limit: Param }>(289, 'error', (p) => `单元格内容有 ${v(p.length)} 字，超过 Excel 单元格的上限 ${v(p.limit)} 字，请删减后再上传`),
  CELL_INVALID_CHAR: def<{ char: Param }>(290, 'error', (p) => `单元格含有电子表格不允许保存的字符（${v(p.char)}），读取时已将其去掉；请删除该字符（可重新输入该单元格内容）后再上传`),
  TOO_MANY_MERGES: def<{ sheet: Param; limit: Param }>(291, 'error', (p) => `合并单元格过多（到工作表“${v(p.sheet)}”为止已超过整个工作簿的上限 ${v(p.limit)} 处）或相互重叠，请取消多余的合并后再上传`),
  XML_TOO_MANY_ELEMENTS: def<{ entry: Param; limit: Param }>(
    293,
    'error',
    (p) => `工作簿中的 XML 元素过多（到部件“${nameText(p.entry)}”为止已超过 ${v(p.limit)} 个），远多于表格内容所需，不是电子表格程序正常保存的文件，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`,
  ),
  TOO_MANY_STYLES: def<{ limit: Param }>(292, 'error', (p) => `工作簿的单元格格式超过 ${v(p.limit)} 种（Excel 的上限），请在 Excel 或 WPS 中清除多余格式后再上传`),
  // Bytes no listed entry accounts for, or a second end record: where two readers of the same file could see different parts.
  ZIP_LAYOUT: def<{ what: Param }>(295, 'error', (p) => `工作簿的压缩包结构异常（${v(p.what)}），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
  // Names that other programs resolve to another file (unzip turns a backslash into "/") or outside the folder.
  ZIP_ENTRY_NAME: def<{ entry: Param; what: Param }>(294, 'error', (p) => `工作簿部件名称“${nameText(p.entry)}”不是电子表格程序会写出的（${v(p.what)}），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`),
} satisfies Record<string, IssueDef>;
