import { LeanBook, addPrintedSheet, type SheetDef } from '../../../../shared/print';
import { TextSink } from './sink';

const def = (name: string): SheetDef => ({ name, title: `${name}标题`, columns: [{ header: '名称', kind: 'text', width: 20 }] });

function book() {
  const sink = new TextSink();
  return { sink, book: new LeanBook(sink, { creator: '青山县委组织部', created: new Date(Date.UTC(2026, 3, 25, 8, 30, 5)) }) };
}

describe('a lean workbook', () => {
  test('its parts, in the usual order; sheets and their print names in workbook.xml', () => {
    const { sink, book: b } = book();
    for (const n of ['甲表', "乙'表"]) {
      const s = addPrintedSheet(b, def(n));
      s.row(['一']);
      s.end();
    }
    b.finish();
    expect(sink.order).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    const wb = sink.text('xl/workbook.xml');
    expect(wb).toContain('<sheet name="甲表" sheetId="1" r:id="rId3"/><sheet name="乙\'表" sheetId="2" r:id="rId4"/>');
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;乙&apos;&apos;表&apos;!$A$1:$A$3</definedName>');
    expect(wb).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;甲表&apos;!$2:$2</definedName>');
    expect(sink.text('xl/_rels/workbook.xml.rels')).toContain('Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    expect(sink.text('[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet2.xml"');
    const core = sink.text('docProps/core.xml');
    expect(core).toContain('<dc:creator>青山县委组织部</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-04-25T08:30:05Z</dcterms:created>');
  });

  test('a sheet name Excel refuses, or one used twice, is a programming error', () => {
    const { book: b } = book();
    addPrintedSheet(b, def('表')).end();
    expect(() => addPrintedSheet(b, def('表'))).toThrow(/sheet name/);
    expect(() => addPrintedSheet(b, def('a/b'))).toThrow(/sheet name/);
    expect(() => addPrintedSheet(b, def('长'.repeat(32)))).toThrow(/sheet name/);
  });

  test('finishing with a sheet not ended is refused', () => {
    const { book: b } = book();
    addPrintedSheet(b, def('未完'));
    expect(() => b.finish()).toThrow(/not ended: 未完/);
  });
});
