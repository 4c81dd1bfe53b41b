const ExcelJS = require('exceljs'); const fs=require('fs');
(async()=>{
 for (const shared of [false,true]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename:`/tmp/c-proto/s${shared}.xlsx`, useStyles:true, useSharedStrings:shared});
  const ws = wb.addWorksheet('t');
  for (const v of ['=1+1','+1','-1','@SUM(1,2)','\t=1+1','=HYPERLINK("http://x","y")','_x0041_', '-', 'plain']) ws.addRow([v]).commit();
  ws.commit(); await wb.commit();
 }
})();
