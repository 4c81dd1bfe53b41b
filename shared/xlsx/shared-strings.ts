// The shared-strings table, bounded while it is parsed: its count and its total characters are
// checked string by string, so a table that would be too big is refused before it exists. Rich
// text runs are joined; phonetic guides (rPh, the furigana above Japanese text) are not part of
// the value. A string that is longer than a cell may hold, or that lost a character no workbook
// may contain, is kept cut/cleaned and marked, and the first cell that uses it is refused there.
import { makeIssue } from '../issues/catalogue';
import type { ZipEntry } from '../zip/directory';
import type { Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import { formatCount, type ReadLimits } from './limits';
import { decodeCellText, detach, type Dropped } from './text';
import { parseXmlPart } from './xml';

export interface StringFlaw {
  /** Characters before cutting, when the string was too long for a cell. */
  length?: number;
  /** A character dropped while decoding. */
  dropped?: number;
}

export interface SharedStrings {
  values: string[];
  /** Only the few strings with a flaw, by index. */
  flaws: Map<number, StringFlaw>;
  /** Characters kept, counted towards maxTextChars. */
  chars: number;
}

export async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry | null, L: ReadLimits, pacer: Pacer): Promise<SharedStrings> {
  const out: SharedStrings = { values: [], flaws: new Map(), chars: 0 };
  if (!entry) return out;
  let inSi = false;
  let inPhonetic = false;
  let inT = false;
  // Runs of the current string, decoded; the raw parts of the current <t>.
  let runs: string[] = [];
  let parts: string[] = [];
  let rawChars = 0;
  const keepLimit = L.maxCellChars * 8;
  const dropped: Dropped = { code: -1 };
  await parseXmlPart(
    bytes,
    entry,
    {
      open(name) {
        if (name === 'si') {
          inSi = true;
          runs = [];
          rawChars = 0;
        } else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && inSi && !inPhonetic) {
          inT = true;
          parts = [];
        }
      },
      text(t) {
        if (!inT) return;
        rawChars += t.length;
        // Past what even a fully escaped cell needs, text is counted but not kept.
        if (rawChars <= keepLimit) parts.push(t);
      },
      close(name) {
        if (name === 't' && inT) {
          // Each run is decoded on its own, as Excel escapes each run.
          runs.push(decodeCellText(parts.length === 1 ? (parts[0] as string) : parts.join(''), dropped));
          inT = false;
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si' && inSi) {
          inSi = false;
          let s = runs.length === 1 ? (runs[0] as string) : runs.join('');
          const flaw: StringFlaw = {};
          if (dropped.code >= 0) flaw.dropped = dropped.code;
          dropped.code = -1;
          const length = rawChars > keepLimit ? rawChars : s.length;
          if (length > L.maxCellChars) {
            flaw.length = length;
            s = s.slice(0, L.maxCellChars);
          }
          const i = out.values.length;
          if (i >= L.maxSharedStrings) refuse(makeIssue('SHARED_STRINGS_TOO_MANY', { limit: formatCount(L.maxSharedStrings) }));
          out.chars += s.length;
          if (out.chars > L.maxTextChars) refuse(makeIssue('TEXT_TOO_MUCH', { limit: formatCount(L.maxTextChars) }));
          out.values.push(detach(s));
          if (flaw.length !== undefined || flaw.dropped !== undefined) out.flaws.set(i, flaw);
        }
      },
    },
    L,
    pacer,
  );
  return out;
}
