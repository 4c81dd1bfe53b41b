// Every bound the reader of untrusted workbooks enforces, in one object. The defaults keep what
// one upload can make the reader hold to about 150 MB whatever it contains (a cell of the sheet
// model costs 50–90 bytes, a character of text at most 2), far above a township's workbook
// (1,000 organizations × 20 columns is 20,000 cells); the server may override any of them from
// its settings (READ_LIMITS). Each bound has its own Chinese refusal naming the limit.
import { z } from 'zod';

export interface ReadLimits {
  /** The file itself (FILE_TOO_LARGE). */
  maxFileBytes: number;
  /** Zip entries (ZIP_TOO_MANY_ENTRIES). */
  maxEntries: number;
  /** Sum of every entry's inflated size (ZIP_TOO_LARGE_UNCOMPRESSED). */
  maxTotalInflated: number;
  /** One XML part inflated: a worksheet, the shared strings, styles (PART_TOO_LARGE). */
  maxXmlPartInflated: number;
  /** Any other part inflated: an image, a printer setting (PART_TOO_LARGE). */
  maxPartInflated: number;
  /** Inflated/compressed for an entry over 1 MB, and for the whole file over 10 MB (ZIP_RATIO). */
  maxRatio: number;
  /** `<row>` elements in one worksheet, empty ones included (TOO_MANY_ROWS). */
  maxRowsPerSheet: number;
  /** Cells of one worksheet, counted as each row's last column: what the sheet model holds (TOO_MANY_CELLS). */
  maxCellsPerSheet: number;
  /** The same over the whole workbook (WORKBOOK_TOO_MANY_CELLS). */
  maxCells: number;
  /** Entries of the shared-strings table (SHARED_STRINGS_TOO_MANY). */
  maxSharedStrings: number;
  /** Characters of text kept: shared strings, inline strings, formula text (TEXT_TOO_MUCH). */
  maxTextChars: number;
  /** Characters in one cell: Excel's own limit (CELL_TOO_LONG). */
  maxCellChars: number;
  /** Merged ranges in the whole workbook (TOO_MANY_MERGES). */
  maxMerges: number;
  /** Cell formats in styles.xml: Excel allows 64,000 (TOO_MANY_STYLES). */
  maxStyles: number;
  /** Element nesting in any XML part (XML_TOO_DEEP). */
  maxXmlDepth: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxEntries: 10_000,
  maxTotalInflated: 200 * MB,
  maxXmlPartInflated: 150 * MB,
  maxPartInflated: 50 * MB,
  maxRatio: 250,
  maxRowsPerSheet: 200_000,
  maxCellsPerSheet: 1_000_000,
  maxCells: 1_200_000,
  maxSharedStrings: 1_000_000,
  maxTextChars: 16 * MB,
  maxCellChars: 32_767,
  maxMerges: 20_000,
  maxStyles: 65_536,
  maxXmlDepth: 64,
});

const positive = z.number().int().positive();

/** READ_LIMITS in the server's settings: a JSON object with any of the keys above. */
export const readLimitsSchema = z
  .object({
    maxFileBytes: positive,
    maxEntries: positive,
    maxTotalInflated: positive,
    maxXmlPartInflated: positive,
    maxPartInflated: positive,
    maxRatio: positive,
    maxRowsPerSheet: positive,
    maxCellsPerSheet: positive,
    maxCells: positive,
    maxSharedStrings: positive,
    maxTextChars: positive,
    maxCellChars: positive,
    maxMerges: positive,
    maxStyles: positive,
    maxXmlDepth: positive,
  })
  .partial()
  .strict();

export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const out: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const [k, v] of Object.entries(overrides) as Array<[keyof ReadLimits, number | undefined]>) if (v !== undefined) out[k] = v;
  return out;
}

/** The unit a size is shown in, and with how many decimals. */
const UNITS = [
  { at: MB, name: 'MB', places: 1 },
  { at: 1024, name: 'KB', places: 0 },
  { at: 1, name: '字节', places: 0 },
] as const;

const unitOf = (n: number) => UNITS.find((u) => n >= u.at) ?? UNITS[2];

/** "1.4 MB", "12 KB", "900 字节": sizes in messages. */
export function formatBytes(n: number): string {
  const u = unitOf(n);
  return u.at === 1 ? `${n} 字节` : `${(n / u.at).toFixed(u.places)} ${u.name}`;
}

/**
 * A size over a limit, both for one message: "文件大小 20.1 MB 超过上限 20.0 MB", never
 * "20.0 MB 超过上限 20.0 MB" (20 MB and 30 KB, rounded) nor "1 KB 超过上限 1000 字节". Near the
 * limit both are shown in its unit; the size is rounded up and the limit down, so the size always
 * reads larger.
 */
export function formatBytesOver(size: number, limit: number): { size: string; limit: string } {
  const near = size < limit * 10;
  const u = unitOf(near ? limit : size);
  const k = 10 ** u.places;
  const shown = (n: number, round: (x: number) => number) => `${(round((n / u.at) * k) / k).toFixed(u.places)} ${u.name}`;
  return { size: shown(size, Math.ceil), limit: near ? shown(limit, Math.floor) : formatBytes(limit) };
}

/** 1500000 → "1,500,000": counts in messages. */
export function formatCount(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
