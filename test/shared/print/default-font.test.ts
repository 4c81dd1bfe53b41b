// The default font decides the column width unit: Arial 10 in every workbook we write, so columns
// print as wide as in Excel also where Calibri is missing (LibreOffice here takes DejaVu Sans for it).
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_FONT_XML, defaultScheme, withDefaultFont } from '../../../shared';
import { StyleTable } from '../../../shared/print/lean/styles';
import { generateTemplate } from '../../../shared/template/generate';

/** The fonts of a styles.xml, in order. */
const fonts = (xml: string) => [...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)?.[1] ?? '').matchAll(/<font>[\s\S]*?<\/font>/g)].map((m) => m[0]);

describe('the default font', () => {
  test.each([
    ['exceljs’s Calibri 11 of the theme', '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="10"/><name val="宋体"/></font></fonts>'],
    ['a plain first font', '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'],
  ])('replaces %s; the other fonts stay', (_what, xml) => {
    const got = fonts(withDefaultFont(xml));
    expect(got[0]).toBe(DEFAULT_FONT_XML);
    expect(got.slice(1)).toEqual(fonts(xml).slice(1));
  });

  test('the lean writer’s font 0 is the default font', () => {
    expect(fonts(new StyleTable().xml())[0]).toBe(DEFAULT_FONT_XML);
  });

  test('a template written by exceljs has it as font 0, and no Calibri', async () => {
    const bytes = await generateTemplate({ scheme: defaultScheme, year: 2026, county: '青山县', campaignId: 'c2026', township: { id: 'chengguan', name: '城关镇' } });
    const xml = strFromU8(unzipSync(bytes)['xl/styles.xml'] as Uint8Array);
    expect(fonts(xml)[0]).toBe(DEFAULT_FONT_XML);
    expect(xml).not.toContain('Calibri');
  });
});
