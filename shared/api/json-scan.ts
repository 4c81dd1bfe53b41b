// A request body's JSON text held to its schema's shape (json-shape.ts) in one pass over the
// characters, before JSON.parse builds anything: lists no longer than the schema allows, objects
// with no more keys than it knows (plus a few), no key twice, no "__proto__", no depth the schema
// does not have, no number beyond what a double holds (1e400 would parse as Infinity), no lone
// half of a surrogate pair, and at most MAX_CONTAINERS objects and lists in all. Text that is not
// JSON is passed on: JSON.parse refuses it, and what it built of it before the error was within
// these bounds (every bracket outside a string is counted here exactly as JSON.parse nests it).
import { ANY, RECORD_MAX_KEYS, UNBOUNDED_LIST, type JsonShape } from './json-shape';

/**
 * The largest JSON body: a campaign with a 名册 of 20,000 organizations (about 3 MB with ids and
 * 所属党总支) and its decisions fits; a ledger action is a few hundred bytes.
 */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** Objects and lists in one body: a whole 名册 of 20,000 organizations and 20,000 decisions fit. */
export const MAX_CONTAINERS = 100_000;

/** Where the text goes beyond its shape: the path of the field (as zod gives it) and what is wrong, in Chinese. */
export interface JsonBoundProblem {
  path: Array<string | number>;
  problem: string;
}

interface Frame {
  shape: JsonShape;
  array: boolean;
  count: number;
  keys: Set<string> | null;
  /** The current key (an object) or index (a list), for the path. */
  at: string | number;
  /** The shape of the value that comes next in this container. */
  next: JsonShape;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The shape of a container opened where `expected` was: a list or object where a scalar was expected gets what `any` allows. */
function opened(expected: JsonShape, array: boolean): JsonShape | 'tooDeep' {
  if (expected.kind === 'any') return expected.depth <= 0 ? 'tooDeep' : expected;
  if (expected.kind === 'scalar' || (expected.kind === 'array') !== array) return ANY;
  return expected;
}

/** The shape of a child of a container. */
function childOf(shape: JsonShape, key: string | null): JsonShape {
  switch (shape.kind) {
    case 'any':
      return { kind: 'any', depth: shape.depth - 1 };
    case 'array':
      return shape.item;
    case 'object':
      return (key !== null ? shape.fields.get(key) : undefined) ?? shape.values ?? { kind: 'any', depth: 2 };
    default:
      return ANY;
  }
}

/** The end of the string that opens at `i` (its closing quote), or -1; `lone` is set on an unpaired surrogate escape. */
function stringEnd(text: string, i: number, flags: { lone: boolean; escaped: boolean }): number {
  let j = i + 1;
  for (;;) {
    const c = text.charCodeAt(j);
    if (Number.isNaN(c)) return -1;
    if (c === 0x22) return j;
    if (c === 0x5c) {
      flags.escaped = true;
      if (text.charCodeAt(j + 1) === 0x75) {
        const u = parseInt(text.slice(j + 2, j + 6), 16);
        if (u >= 0xd800 && u <= 0xdbff) {
          const lo = text.slice(j + 6, j + 8) === '\\u' ? parseInt(text.slice(j + 8, j + 12), 16) : NaN;
          if (!(lo >= 0xdc00 && lo <= 0xdfff)) flags.lone = true;
          else j += 6;
        } else if (u >= 0xdc00 && u <= 0xdfff) flags.lone = true;
        j += 6;
        continue;
      }
      j += 2;
      continue;
    }
    j++;
  }
}

/** The first place `text` goes beyond `shape`, or null. */
export function scanJson(text: string, root: JsonShape): JsonBoundProblem | null {
  const stack: Frame[] = [];
  /** The path of the value being read, and of the container it is in. */
  const valuePath = () => stack.map((f) => f.at);
  const containerPath = () => stack.slice(0, -1).map((f) => f.at);
  let containers = 0;
  let expectKey = false;
  const flags = { lone: false, escaped: false };
  const top = (): Frame | undefined => stack[stack.length - 1];
  /** A value starts in the current container: a list counts it against its bound. */
  const valueStarts = (): JsonBoundProblem | null => {
    const f = top();
    if (!f?.array) return null;
    f.at = f.count++;
    const max = f.shape.kind === 'array' ? f.shape.max : UNBOUNDED_LIST;
    return f.count > max ? { path: containerPath(), problem: `不能超过 ${max} 项` } : null;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (WS.has(c) || c === 0x3a) {
      i++;
      continue;
    }
    if (c === 0x2c) {
      expectKey = top()?.array === false;
      i++;
      continue;
    }
    if (c === 0x22) {
      flags.lone = false;
      flags.escaped = false;
      const end = stringEnd(text, i, flags);
      if (end < 0) return null;
      const f = top();
      if (expectKey && f && !f.array) {
        const raw = text.slice(i + 1, end);
        let key = raw;
        if (flags.escaped) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            return null;
          }
        }
        f.at = key;
        if (FORBIDDEN_KEYS.has(key)) return { path: valuePath(), problem: `不能使用“${key}”作字段名` };
        if (f.keys?.has(key)) return { path: valuePath(), problem: '同一字段出现了两次' };
        f.keys?.add(key);
        const maxKeys = f.shape.kind === 'object' ? f.shape.maxKeys : RECORD_MAX_KEYS;
        if (++f.count > maxKeys) return { path: containerPath(), problem: `字段太多（最多 ${maxKeys} 个）` };
        f.next = childOf(f.shape, key);
        expectKey = false;
      } else {
        const over = valueStarts();
        if (over) return over;
      }
      if (flags.lone) return { path: valuePath(), problem: '含有无法识别的字符（不成对的代理项）' };
      i = end + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const array = c === 0x5b;
      const over = valueStarts();
      if (over) return over;
      const f = top();
      const expected = f ? (f.array ? childOf(f.shape, null) : f.next) : root;
      const shape = opened(expected, array);
      if (shape === 'tooDeep') return { path: valuePath(), problem: '层次太深' };
      if (++containers > MAX_CONTAINERS) return { path: [], problem: `内容太多（超过 ${MAX_CONTAINERS} 个对象或列表）` };
      stack.push({ shape, array, count: 0, keys: array ? null : new Set(), at: array ? 0 : '', next: ANY });
      expectKey = !array;
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
      i++;
      continue;
    }
    // A number or a literal: up to the next delimiter.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (WS.has(d) || d === 0x2c || d === 0x7d || d === 0x5d || d === 0x3a || d === 0x22 || d === 0x7b || d === 0x5b) break;
      j++;
    }
    const over = valueStarts();
    if (over) return over;
    const token = text.slice(i, j);
    if ((c === 0x2d || (c >= 0x30 && c <= 0x39)) && !Number.isFinite(Number(token))) return { path: valuePath(), problem: '数值超出范围' };
    i = j === i ? i + 1 : j;
  }
  return null;
}
