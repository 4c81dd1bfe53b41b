// A name as it is stored and shown back (organizations, 所属党总支, persons, the 名册's names).
// Chinese writes names without spaces: a space or a line break between two Chinese characters is
// layout — Alt+Enter to wrap a long name in its cell, spaces padding 张  三 — not part of the name.
// Stored with it, "东山村\n党支部" came back as "东山村 党支部", and the next upload's "东山村党支部"
// showed as a different spelling of the same organization. Between words in Latin letters a
// space is kept (one), as cleanText does.
import { cleanText, isWhiteSpace } from './normalize';

/** Chinese characters and their punctuation (CJK blocks, compatibility ideographs, supplementary planes). */
function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xd800 && c <= 0xdfff);
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * cleanText (trimmed, half-width, inner runs of whitespace folded to one space), and a run of
 * whitespace dropped where it stands between two Chinese characters, or holds a line break next
 * to one: "东山村\n党支部" and "东山村 党支部" are "东山村党支部"; "ABC Party Branch" keeps its spaces.
 */
export function cleanName(s: string): string {
  const hasSpace = (() => {
    for (let i = 0; i < s.length; i++) if (isWhiteSpace(s.charCodeAt(i))) return true;
    return false;
  })();
  if (!hasSpace) return cleanText(s);
  // Runs are judged on the text as typed (a line break is gone once cleanText folds it).
  const joined = s.trim().replace(/\s+/g, (run, at: number, all: string) => {
    const before = all.charCodeAt(at - 1);
    const after = all.charCodeAt(at + run.length);
    const cjkBefore = isCjk(before);
    const cjkAfter = isCjk(after);
    if (cjkBefore && cjkAfter) return '';
    let broken = false;
    for (let i = 0; i < run.length; i++) if (isLineBreak(run.charCodeAt(i))) broken = true;
    return broken && (cjkBefore || cjkAfter) ? '' : ' ';
  });
  return cleanText(joined);
}
