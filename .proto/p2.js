const ExcelJS = require('exceljs');
(async()=>{
 const mk = async (name, f) => { const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('s', {pageSetup:{paperSize:9, orientation:'landscape', fitToPage:true, fitToWidth:1, fitToHeight:0, printTitlesRow:'1:1'}}); 
   ws.getRow(1).values = ['序号','名称','分','总分'];
   for (let r=2;r<=10;r++) ws.getRow(r).values=[r-1,'组织'+r, 90, {formula:`IF(COUNTA(C${r})=0,"",C${r})`, result: 90}];
   for (let r=11;r<=400;r++) ws.getCell(r,4).value={formula:`IF(COUNTA(C${r})=0,"",C${r})`, result:''};
   f(wb, ws); await wb.xlsx.writeFile(`/tmp/c-proto/${name}.xlsx`); };
 await mk('A_noarea', ()=>{});
 await mk('B_dyn', (wb, ws)=>{ wb.definedNames.add("'s'!$A$1:$D$10", 'dummy'); });
 await mk('C_static', (wb, ws)=>{ ws.pageSetup.printArea='A$1:D$10'; });
})();
