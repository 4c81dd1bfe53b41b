// A hand-made township sheet as offices really send them: Traditional headers in another order,
// one header row, full-width digits, "12分", rich text, hyperlinks, hidden and blank rows, a
// footer note, and a rectification sheet. Read by test/shared/workbook and the differential test.
import ExcelJS from 'exceljs';

export async function handMade(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('城關鎮');
  ws.mergeCells('A1:Q1');
  ws.getCell('A1').value = '城關鎮基層黨組織分類定級情況一覽表';
  ws.getCell('A2').value = '填報單位：城關鎮黨委';
  ws.getCell('E2').value = '填報人';
  ws.getCell('F2').value = '張三 ';
  ws.getCell('G2').value = '聯繫電話：';
  ws.getCell('H2').value = '0795-1234567';
  ws.getCell('J2').value = '填報日期';
  ws.getCell('K2').value = new Date(Date.UTC(2026, 3, 21));
  ws.getRow(3).values = ['黨組織名稱', '序號', '類別', '組織類型', '黨組織帶頭人（１５分）', '工作思路(15分)', '工作制度', '活動陣地', '保障機制', '工作業績', '群眾評價', '總分', '等次', '涉及三打兩建問題', '新組建', '情況說明', '備註'];
  ws.getRow(4).values = [
    { richText: [{ text: '西河村' }, { font: { bold: true }, text: '黨支部' }] },
    1,
    '村',
    '黨支部',
    '12分',
    '１４',
    ' 9 ',
    8,
    7,
    '18.0',
    20,
    88,
    '較好 ',
    '否',
    '',
  ];
  ws.getRow(6).values = [{ text: '東山社區黨支部', hyperlink: 'http://example.invalid/' }, 2, '社區', '党支部', 15, 15, 10, 10, 10, 15, 10, 85, '较好'];
  ws.getRow(6).hidden = true;
  ws.getRow(7).values = ['縣直機關第一黨支部', 3, '機關', '黨支部', 10, 10, 8, 8, 8, 12, 14, { formula: 'SUM(E7:K7)', result: 70 }, '一般', '', '', '考核排名靠後'];
  ws.getRow(8).values = ['合計', null, null, null, 37, 39, 27, 26, 25, 45, 44, 243];
  ws.getCell('A9').value = '注：本表由鄉鎮黨委填報。';
  const rs = wb.addWorksheet('整改臺賬');
  rs.getRow(1).values = ['序號', '黨組織名稱', '等次', '主要問題', '整改措施', '責任人', '完成時限', '完成情況'];
  rs.getRow(2).values = [1, '縣直機關第一黨支部', '一般', '制度執行不嚴', '建立臺賬', '李四', '2026年12月', '整改中'];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
