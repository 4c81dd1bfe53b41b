// Zips written byte by byte, for what no library writes: a central directory that names an entry
// differently from its local header, sizes that lie in one header or both, data descriptors,
// entries that share bytes. Each part says what each view should claim; unset means the truth.
import * as zlib from 'node:zlib';

export interface HostilePart {
  name: string;
  data: Uint8Array | string;
  /** Already deflated bytes and their true inflated size (a bomb built in steps). */
  deflated?: { data: Uint8Array; size: number };
  store?: boolean;
  /** The central directory's claims. */
  central?: { name?: string; size?: number; compressedSize?: number; crc?: number; method?: number; flags?: number };
  /** The local header's claims. */
  local?: { name?: string; size?: number; compressedSize?: number; crc?: number; method?: number; flags?: number };
  /** Sizes and CRC after the data (flag bit 3); `signature` adds the optional PK\x07\x08. */
  descriptor?: { signature?: boolean; size?: number; compressedSize?: number; crc?: number };
  /** Written as a local entry only: what a streaming reader meets and the central directory does not list. */
  unlisted?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

export function hostileZip(parts: HostilePart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const body = p.deflated ? Buffer.from(p.deflated.data) : p.store ? raw : zlib.deflateRawSync(raw);
    const truth = {
      size: p.deflated ? p.deflated.size : raw.length,
      compressedSize: body.length,
      crc: p.deflated ? 0 : zlib.crc32(raw) >>> 0,
      method: p.store && !p.deflated ? 0 : 8,
      flags: 0x800 | (p.descriptor ? 0x8 : 0),
    };
    const c = { ...truth, name: p.name, ...p.central };
    const l = { ...truth, name: p.name, ...(p.descriptor ? { size: 0, compressedSize: 0, crc: 0 } : {}), ...p.local };
    const lname = Buffer.from(l.name, 'utf8');
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(l.flags), u16(l.method), u16(0), u16(0), u32(l.crc), u32(l.compressedSize), u32(l.size), u16(lname.length), u16(0), lname]);
    const desc = p.descriptor
      ? Buffer.concat([p.descriptor.signature ? u32(0x08074b50) : Buffer.alloc(0), u32(p.descriptor.crc ?? truth.crc), u32(p.descriptor.compressedSize ?? truth.compressedSize), u32(p.descriptor.size ?? truth.size)])
      : Buffer.alloc(0);
    const cname = Buffer.from(c.name, 'utf8');
    const central = Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(c.flags), u16(c.method), u16(0), u16(0), u32(c.crc), u32(c.compressedSize), u32(c.size),
      u16(cname.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), cname,
    ]);
    locals.push(local, body, desc);
    if (!p.unlisted) centrals.push(central);
    offset += local.length + body.length + desc.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(centrals.length), u16(centrals.length), u32(cd.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name?: string;
  xml: string;
  state?: 'hidden' | 'veryHidden';
  /** The relationship id (default rId<n>), and what the workbook's <sheet> says (default the same). */
  relId?: string;
  sheetRelId?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  styles?: string;
  date1904?: boolean;
  /** `<calcPr fullCalcOnLoad="1"/>`, as openpyxl and xlsxwriter write it. */
  recalcOnLoad?: boolean;
  /** Replace or add parts (by name) before zipping, e.g. to move or disguise one. */
  edit?: (parts: HostilePart[]) => HostilePart[];
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A worksheet part around rows (and anything after sheetData, such as mergeCells). */
export function worksheet(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A small workbook built part by part: sheets, optional shared strings and styles. */
export function book(spec: BookSpec): Uint8Array {
  const sheets = spec.sheets.map((s, i) => ({ ...s, name: s.name ?? `Sheet${i + 1}`, relId: s.relId ?? `rId${i + 1}` }));
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${escapeXml(s.sheetRelId ?? s.relId)}"/>`)
    .join('')}</sheets>${spec.recalcOnLoad ? '<calcPr calcId="124519" fullCalcOnLoad="1"/>' : ''}</workbook>`;
  const rels = [
    ...sheets.map((s, i) => `<Relationship Id="${escapeXml(s.relId)}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    spec.sharedStrings !== undefined ? `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    spec.styles !== undefined ? `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` : '',
  ].join('');
  const parts: HostilePart[] = [
    { name: '[Content_Types].xml', data: CT },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: wb },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ];
  if (spec.sharedStrings !== undefined) {
    const sst = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : `<sst xmlns="${NS}">${spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('')}</sst>`;
    parts.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${sst}` });
  }
  if (spec.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${spec.styles}` });
  return hostileZip(spec.edit ? spec.edit(parts) : parts);
}

/** styles.xml with one cell format per number format id (cell style s="i" → ids[i]) and custom codes. */
export function styles(ids: number[], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
  return `<styleSheet xmlns="${NS}">${fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : ''}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${ids.length}">${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
}

/**
 * A raw deflate stream of `mb` MB of one byte, built from one fully flushed 1 MB block repeated:
 * a multi-GB bomb in a few MB, made in milliseconds. (Its CRC is not computed: the headers lie.)
 */
export function bombStream(mb: number, byte = 0): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, byte), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const out = Buffer.alloc(block.length * mb + 2);
  for (let i = 0; i < mb; i++) block.copy(out, i * block.length);
  // An empty final block (fixed Huffman, end of block) closes the stream.
  out[block.length * mb] = 0x03;
  out[block.length * mb + 1] = 0x00;
  return new Uint8Array(out);
}
