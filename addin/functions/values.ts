// What Excel hands a custom function: a matrix parameter arrives as rows of cells (a single cell
// as [[v]]), an omitted optional argument as null. Tests and the bench pass the same shapes.

/** A problem with the arguments as a whole; the wrapper turns it into #VALUE! with this message. */
export class FnInputError extends Error {
  override name = 'FnInputError';
}

export type Matrix = readonly (readonly unknown[])[];

/** null/undefined → null; a scalar → [[v]]; a flat array → one column; rows stay rows. */
export function asMatrix(v: unknown): Matrix | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  if (v.every((r) => Array.isArray(r))) return v as unknown[][];
  return v.map((x) => [x]);
}

/**
 * A cell as the engine reads it. An error cell (#N/A, #VALUE!…) arrives as an object, not text:
 * CustomFunctions.Error ({ code: '#N/A' }) or, with data types enabled in the metadata
 * (allowCustomDataForDataTypeAny), an ErrorCellValue ({ type: 'Error', basicValue: '#N/A' });
 * a data-typed cell (a formatted number) as { basicValue }. Left as they are, both read
 * “[object Object]” in a clerk's message.
 */
export type CellRead = { error: string } | { value: unknown };

export function readCell(v: unknown): CellRead {
  if (typeof v !== 'object' || v === null || v instanceof Date) return { value: v };
  const o = v as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof o.code === 'string' && o.code.startsWith('#')) return { error: o.code };
  if (o.type === 'Error') return { error: typeof o.basicValue === 'string' && o.basicValue.startsWith('#') ? o.basicValue : '#VALUE!' };
  const b = o.basicValue;
  if (b === null || typeof b === 'string' || typeof b === 'number' || typeof b === 'boolean') return { value: b };
  return { value: v };
}

/** An error cell (#N/A, #VALUE!…) in either form the engine passes; text and numbers never are. */
export function isErrorCell(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'error' in readCell(v);
}

/** The cell as text or a number for the engine: an error cell becomes its code (“#N/A”). */
export function cellValue(v: unknown): unknown {
  const r = readCell(v);
  return 'error' in r ? r.error : r.value;
}

export function firstCell(v: unknown): unknown {
  const m = asMatrix(v);
  return m?.[0]?.[0] ?? null;
}

export function width(m: Matrix): number {
  let w = 0;
  for (const r of m) if (r.length > w) w = r.length;
  return w;
}

export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** "5 行 × 1 列" — how a size is said in messages. */
export function sizeText(rows: number, cols: number): string {
  return `${rows} 行 × ${cols} 列`;
}
