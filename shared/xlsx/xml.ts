// One XML part of the package, parsed as it inflates: inflated bytes → streaming UTF-8 decoding →
// saxes, in pieces of 64 KB, never the whole part as one string. Bounds enforced here for every
// part: a DOCTYPE (and with it any ENTITY) is refused, nesting is capped, and so is any run of
// text or attributes between two tags (saxes keeps such a run in memory until the next tag), and
// the elements of the whole read (each costs the parser the same however empty: 140 MB of `<x/>`
// in a 724 KB file took 20 s).
import { SaxesParser } from 'saxes';
import { makeIssue } from '../issues/catalogue';
import type { ZipEntry } from '../zip/directory';
import { inflateEntry, type Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import { utf8Decoder, type Utf8Decoder } from '../zip/utf8';
import { formatBytesOver, formatCount, type ReadLimits } from './limits';
import { unreadable } from './unreadable';

export interface XmlSink {
  /** Element names arrive without a namespace prefix (`x:row` → `row`). */
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const PIECE = 65536;
const STREAM = { stream: true };

// A decoder that reached the end of its part is flushed, which makes it a fresh stream again (BOM
// handling included), and is kept for the next part: Node builds an ICU converter for each new one.
const idle: Utf8Decoder[] = [];
const IDLE_MAX = 8;

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Longest run of raw text allowed between two tags: a full cell of the worst escaping (`_xHHHH_` is 7 characters for 1). */
export function textRunLimit(L: ReadLimits): number {
  return L.maxCellChars * 8 + PIECE;
}

/**
 * Elements one read may parse, over all its parts. Excel, WPS and LibreOffice write 2–3 per cell
 * (`<c>`, `<v>`, a shared string's `<si><t>`), a `<row>` per row and a few hundred for the rest
 * (views, columns, validations, styles): four per cell at the workbook's cell bound, two per row
 * and per merge and four per style at theirs leave room for every file within those bounds and
 * cost no more than reading such a file.
 */
export function xmlElementLimit(L: ReadLimits): number {
  return 4 * L.maxCells + 2 * L.maxRowsPerSheet + 2 * L.maxMerges + 4 * L.maxStyles + 100_000;
}

export async function parseXmlPart(bytes: Uint8Array, entry: ZipEntry, sink: XmlSink, L: ReadLimits, pacer: Pacer): Promise<void> {
  if (entry.size > L.maxXmlPartInflated) {
    refuse(makeIssue('PART_TOO_LARGE', { entry: entry.name, ...formatBytesOver(entry.size, L.maxXmlPartInflated) }));
  }
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const runLimit = textRunLimit(L);
  const elementLimit = xmlElementLimit(L);
  let depth = 0;
  let lastEvent = 0;
  parser.on('doctype', () => refuse(makeIssue('XML_DOCTYPE', { entry: entry.name })));
  parser.on('error', () => unreadable(`${entry.name} 不是有效的 XML`));
  parser.on('xmldecl', (d) => {
    const enc = d.encoding?.toLowerCase();
    if (enc && enc !== 'utf-8' && enc !== 'utf8') unreadable(`${entry.name} 的编码 ${enc} 不受支持`);
  });
  parser.on('opentag', (tag) => {
    lastEvent = parser.position;
    if (++depth > L.maxXmlDepth) refuse(makeIssue('XML_TOO_DEEP', { entry: entry.name, limit: L.maxXmlDepth }));
    if (++pacer.elements > elementLimit) refuse(makeIssue('XML_TOO_MANY_ELEMENTS', { entry: entry.name, limit: formatCount(elementLimit) }));
    sink.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag) => {
    lastEvent = parser.position;
    depth--;
    sink.close(localName(tag.name));
  });
  parser.on('text', (t) => {
    lastEvent = parser.position;
    sink.text(t);
  });
  parser.on('cdata', (t) => {
    lastEvent = parser.position;
    sink.text(t);
  });

  const decoder = idle.pop() ?? utf8Decoder();
  let first = true;
  const feed = (s: string) => {
    if (!s) return;
    parser.write(s);
    if (parser.position - lastEvent > runLimit) refuse(makeIssue('XML_TEXT_TOO_LONG', { entry: entry.name, limit: formatCount(runLimit) }));
  };
  await inflateEntry(
    bytes,
    entry,
    (chunk) => {
      if (first) {
        first = false;
        // Parts are UTF-8 in every spreadsheet program's output; UTF-16 would decode as noise.
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) unreadable(`${entry.name} 的编码 UTF-16 不受支持`);
      }
      for (let i = 0; i < chunk.length; i += PIECE) feed(decoder.decode(chunk.subarray(i, Math.min(chunk.length, i + PIECE)), STREAM));
    },
    pacer,
  );
  feed(decoder.decode());
  if (idle.length < IDLE_MAX) idle.push(decoder);
  parser.close();
}
