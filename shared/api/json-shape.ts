// What a request body may look like before JSON.parse builds it, read off the endpoint's zod
// schema: which keys an object has, how long each list may be, how deep it goes. JSON.parse builds
// whatever the text says (five million nested lists, half a million keys: 650 MB on the host for a
// ledger action that takes four fields), and zod only looks afterwards; json-scan.ts holds the text
// to this shape first, so nothing is built that the schema could not accept.
import type { z } from 'zod';

export type JsonShape =
  /** `fields`: the schema's keys; `values`: the shape of any other key's value (a record), else null. */
  | { kind: 'object'; fields: ReadonlyMap<string, JsonShape>; values: JsonShape | null; maxKeys: number }
  | { kind: 'array'; item: JsonShape; max: number }
  /** A string, number, boolean or null: a list or object here is zod's to refuse, held to `any`'s depth meanwhile. */
  | { kind: 'scalar' }
  /** Whatever JSON (z.unknown, a key the schema does not know), at most `depth` levels deep. */
  | { kind: 'any'; depth: number };

/** Keys of a record (the roster by township: 500 townships at most). */
export const RECORD_MAX_KEYS = 1000;
/** Keys an object may carry beyond its schema's own (zod drops them; a newer page may send one). */
export const EXTRA_KEYS = 32;
/** A list whose schema sets no bound. */
export const UNBOUNDED_LIST = 10_000;
/** Depth of what the schema leaves open (a county's own scheme as JSON is 5 levels deep). */
export const ANY_DEPTH = 12;

export const ANY: JsonShape = { kind: 'any', depth: ANY_DEPTH };
const SCALAR: JsonShape = { kind: 'scalar' };

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }>;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The shape of the JSON a schema accepts (cached per schema: a route asks for it on every request). */
export function jsonShape(schema: z.ZodType): JsonShape {
  let s = cache.get(schema);
  if (!s) {
    s = shapeOf(schema, 0);
    cache.set(schema, s);
  }
  return s;
}

const cache = new WeakMap<z.ZodType, JsonShape>();

function shapeOf(schema: z.ZodType, level: number): JsonShape {
  // A schema nested this deep is recursive (z.lazy): what is below is left to `any`.
  if (level > 20) return ANY;
  const d = defOf(schema);
  const inner = (s: z.ZodType | undefined) => (s ? shapeOf(s, level + 1) : ANY);
  switch (d.type) {
    case 'object': {
      const fields = new Map(Object.entries(d.shape ?? {}).map(([k, v]) => [k, inner(v)] as const));
      const rest = d.catchall && defOf(d.catchall).type !== 'never' ? inner(d.catchall) : null;
      return { kind: 'object', fields, values: rest, maxKeys: rest ? RECORD_MAX_KEYS : fields.size + EXTRA_KEYS };
    }
    case 'record':
      return { kind: 'object', fields: new Map(), values: inner(d.valueType), maxKeys: RECORD_MAX_KEYS };
    case 'array': {
      const max = d.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
      return { kind: 'array', item: inner(d.element), max: max ?? UNBOUNDED_LIST };
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(d.innerType);
    case 'pipe':
      return inner(d.in);
    case 'lazy':
      return d.getter ? inner(d.getter()) : ANY;
    case 'union':
      return (d.options ?? []).map(inner).reduce(merge, SCALAR);
    case 'unknown':
    case 'any':
      return ANY;
    default:
      return SCALAR;
  }
}

/** A shape that admits what either does: the options of a union (a discriminated one's objects). */
function merge(a: JsonShape, b: JsonShape): JsonShape {
  if (a.kind === 'scalar') return b;
  if (b.kind === 'scalar') return a;
  if (a.kind === 'object' && b.kind === 'object') {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) fields.set(k, fields.has(k) ? merge(fields.get(k) as JsonShape, v) : v);
    const values = a.values && b.values ? merge(a.values, b.values) : (a.values ?? b.values);
    return { kind: 'object', fields, values, maxKeys: Math.max(a.maxKeys, b.maxKeys, values ? RECORD_MAX_KEYS : fields.size + EXTRA_KEYS) };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', item: merge(a.item, b.item), max: Math.max(a.max, b.max) };
  return ANY;
}
