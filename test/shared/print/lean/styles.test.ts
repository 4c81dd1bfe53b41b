import { StyleTable } from '../../../../shared/print/lean/styles';
import { HEADER_STYLE, VALUE_DATE_STYLE, bodyStyle, type CellStyle } from '../../../../shared/print';

/** The cellXfs entries, by id. */
const cellXfs = (xml: string) => [...xml.slice(xml.indexOf('<cellXfs')).matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);

describe('the lean writer’s styles', () => {
  test('the default style is 0; a style object keeps one id; an equal copy shares it', () => {
    const t = new StyleTable();
    expect(t.id({})).toBe(0);
    const a = t.id(HEADER_STYLE);
    expect(t.id(HEADER_STYLE)).toBe(a);
    expect(t.id({ ...HEADER_STYLE })).toBe(a);
    expect(t.id(bodyStyle('text', 'body', false))).not.toBe(a);
  });

  test('the Text format is built-in 49; dates and shares get custom formats', () => {
    const t = new StyleTable();
    const text = t.id(bodyStyle('text', 'body', true));
    const date = t.id(VALUE_DATE_STYLE);
    const pct = t.id(bodyStyle('percent', 'body', false));
    const xml = t.xml();
    const all = cellXfs(xml);
    expect(all[text]).toContain('numFmtId="49"');
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(xml).toContain('<numFmt numFmtId="165" formatCode="0.0%"/>');
    expect(all[date]).toContain('numFmtId="164"');
    expect(all[pct]).toContain('numFmtId="165"');
  });

  test('fonts, fills, borders and alignment as SpreadsheetML writes them (middle is center)', () => {
    const t = new StyleTable();
    t.id(HEADER_STYLE);
    const xml = t.xml();
    expect(xml).toContain('<font><b/><sz val="10"/><name val="宋体"/></font>');
    expect(xml).toContain('<patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill>');
    expect(xml).toContain('<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>');
    expect(xml).toContain('<alignment horizontal="center" vertical="center" wrapText="1"/>');
    expect(xml).toContain('applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"');
  });

  test('anything it does not understand is refused, never dropped', () => {
    const t = new StyleTable();
    expect(() => t.id({ protection: { locked: false } } as CellStyle)).toThrow(/style\.protection/);
    expect(() => t.id({ font: { name: 'x', color: { theme: 1 } } } as CellStyle)).toThrow(/color\.theme/);
    expect(() => t.id({ fill: { type: 'gradient', gradient: 'angle', degree: 0, stops: [] } } as CellStyle)).toThrow(/fill\.type/);
  });
});
