// xl/styles.xml of the lean writer, built from the style objects the sheets use (styles.ts, in
// exceljs's shape). A style object is looked up by identity first (the print standard shares its
// objects, so 100,000 rows cost a Map lookup per cell), then by its XML, so equal objects share an
// id. Only what the print standard uses is understood; anything else is refused loudly, never
// dropped: a style silently lost would print wrong with nobody told.
import type ExcelJS from 'exceljs';
import type { CellStyle } from '../output';
import { NS_MAIN, XML_HEAD, xmlAttr } from './xml';
import { DEFAULT_FONT_XML } from '../default-font';

/** Excel's built-in number formats (ids below 164 that need no <numFmt>), the ones we may meet. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49 };


function refuse(what: string, v: unknown): never {
  throw new Error(`lean xlsx writer: unsupported ${what} ${JSON.stringify(v)}`);
}

function only(what: string, o: object, keys: readonly string[]): void {
  for (const [k, v] of Object.entries(o)) if (v !== undefined && !keys.includes(k)) refuse(`${what}.${k}`, v);
}

function color(tag: string, c: Partial<ExcelJS.Color> | undefined): string {
  if (!c) return '';
  only(tag, c, ['argb']);
  if (!/^[0-9A-Fa-f]{8}$/.test(c.argb ?? '')) refuse(`${tag}.argb`, c.argb);
  return `<${tag} rgb="${(c.argb as string).toUpperCase()}"/>`;
}

function fontXml(f: Partial<ExcelJS.Font>): string {
  only('font', f, ['name', 'size', 'bold', 'italic', 'underline', 'strike', 'color']);
  if (f.underline !== undefined && f.underline !== true && f.underline !== false && f.underline !== 'single') refuse('font.underline', f.underline);
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.strike ? '<strike/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size ?? 11}"/>${color('color', f.color)}<name val="${xmlAttr(f.name ?? 'Calibri')}"/></font>`;
}

function fillXml(f: ExcelJS.Fill): string {
  if (f.type !== 'pattern') refuse('fill.type', f.type);
  only('fill', f, ['type', 'pattern', 'fgColor', 'bgColor']);
  return `<fill><patternFill patternType="${xmlAttr(f.pattern)}">${color('fgColor', f.fgColor)}${color('bgColor', f.bgColor)}</patternFill></fill>`;
}

const SIDES = ['left', 'right', 'top', 'bottom'] as const;

function borderXml(b: Partial<ExcelJS.Borders>): string {
  only('border', b, SIDES);
  const side = (k: (typeof SIDES)[number]): string => {
    const s = b[k];
    if (!s?.style) return `<${k}/>`;
    only(`border.${k}`, s, ['style', 'color']);
    const c = color('color', s.color);
    return c ? `<${k} style="${xmlAttr(s.style)}">${c}</${k}>` : `<${k} style="${xmlAttr(s.style)}"/>`;
  };
  return `<border>${SIDES.map(side).join('')}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  only('alignment', a, ['horizontal', 'vertical', 'wrapText', 'shrinkToFit', 'indent', 'textRotation']);
  // exceljs calls the vertical centre "middle"; SpreadsheetML calls it "center".
  const v = a.vertical === 'middle' ? 'center' : a.vertical;
  const attrs: string[] = [];
  if (a.horizontal) attrs.push(`horizontal="${xmlAttr(a.horizontal)}"`);
  if (v) attrs.push(`vertical="${xmlAttr(v)}"`);
  if (a.textRotation !== undefined) attrs.push(`textRotation="${a.textRotation === 'vertical' ? 255 : Number(a.textRotation)}"`);
  if (a.wrapText) attrs.push('wrapText="1"');
  if (a.indent) attrs.push(`indent="${Number(a.indent)}"`);
  if (a.shrinkToFit) attrs.push('shrinkToFit="1"');
  return `<alignment ${attrs.join(' ')}/>`;
}

/** Distinct XML pieces, each with its index (fonts, fills, borders). */
class Indexed {
  readonly list: string[];
  private readonly map = new Map<string, number>();
  constructor(first: readonly string[]) {
    this.list = [...first];
    this.list.forEach((x, i) => this.map.set(x, i));
  }
  id(xml: string): number {
    let i = this.map.get(xml);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(xml);
      this.map.set(xml, i);
    }
    return i;
  }
  xml(tag: string): string {
    return `<${tag} count="${this.list.length}">${this.list.join('')}</${tag}>`;
  }
}

export class StyleTable {
  private readonly byObject = new Map<CellStyle, number>();
  private readonly fonts = new Indexed([DEFAULT_FONT_XML]);
  private readonly fills = new Indexed(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Indexed(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly xfs = new Indexed(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly formats = new Map<string, number>();

  /** The cellXfs index of a style (0: the default, no style). */
  id(style: CellStyle): number {
    let id = this.byObject.get(style);
    if (id === undefined) {
      id = this.xfs.id(this.xf(style));
      this.byObject.set(style, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private xf(s: CellStyle): string {
    only('style', s, ['font', 'fill', 'border', 'alignment', 'numFmt']);
    const num = s.numFmt ? this.formatId(s.numFmt) : 0;
    const font = s.font ? this.fonts.id(fontXml(s.font)) : 0;
    const fill = s.fill ? this.fills.id(fillXml(s.fill)) : 0;
    const border = s.border ? this.borders.id(borderXml(s.border)) : 0;
    const apply = [num && 'applyNumberFormat', font && 'applyFont', fill && 'applyFill', border && 'applyBorder', s.alignment && 'applyAlignment'].filter(Boolean).map((a) => ` ${a as string}="1"`);
    const head = `<xf numFmtId="${num}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${apply.join('')}`;
    return s.alignment ? `${head}>${alignmentXml(s.alignment)}</xf>` : `${head}/>`;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}
