// Which number formats show a date or a time, so a serial number such as 46132 is read as the
// date the clerk saw (2026-04-20). Built-in formats are known by id; a custom format code is
// scanned the way Excel reads it: quoted text, escaped characters, fill and padding characters
// and [colour]/[$-804] brackets say nothing; y m d h s (any case) and [h] [m] [s] mean a date.

/**
 * Built-in date and time formats: 14–22 and 45–47 everywhere, and in Chinese, Japanese and Korean
 * Excel also 27–36 and 50–58 (e.g. 31 is yyyy"年"m"月"d"日" in a Chinese Excel).
 */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

const DATE_LETTERS = new Set(['y', 'm', 'd', 'h', 's']);

export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      const inner = (close < 0 ? code.slice(i + 1) : code.slice(i + 1, close)).toLowerCase();
      // Elapsed time: [h]:mm, [mm]:ss, [ss].
      if (inner.length > 0 && ['h', 'm', 's'].some((t) => [...inner].every((c) => c === t))) return true;
      i = close < 0 ? code.length : close;
    } else if (DATE_LETTERS.has(ch.toLowerCase())) {
      return true;
    }
  }
  return false;
}
