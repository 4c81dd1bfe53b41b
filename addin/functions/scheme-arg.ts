// The optional scheme argument of the functions: a built-in standard by id or Chinese name, or a county's scheme as
// JSON text in a cell. Parsed JSON schemes are cached because Excel recalculates often.
// Engine modules are imported one by one, not through shared/index, so functions.js does not
// pull in the workbook reader and exceljs.
import { issueText } from '../../shared/issues/catalogue';
import { builtInSchemeChoices, findBuiltInScheme } from '../../shared/scheme/builtin';
import { defaultScheme } from '../../shared/scheme/default';
import { loadSchemeJson, schemeLoadBrief } from '../../shared/scheme/load';
import type { Scheme } from '../../shared/scheme/schema';
import { FnInputError, firstCell } from './values';

const CACHE_LIMIT = 8;
const jsonCache = new Map<string, Scheme>();

export function resolveScheme(arg: unknown): Scheme {
  const v = firstCell(arg);
  if (v === null || v === undefined) return defaultScheme;
  const text = String(v).trim();
  if (text === '') return defaultScheme;
  if (text.startsWith('{')) return fromJson(text);
  const found = findBuiltInScheme(text);
  if (found) return found;
  throw new FnInputError(issueText('FN_SCHEME_UNKNOWN', { value: text.length > 40 ? `${text.slice(0, 40)}…` : text, allowed: builtInSchemeChoices() }));
}

function fromJson(text: string): Scheme {
  const hit = jsonCache.get(text);
  if (hit) return hit;
  const r = loadSchemeJson(text);
  // Not through issueText: its 40-character bound for quoted cell text cut our own advice short.
  if (!r.ok) throw new FnInputError(schemeLoadBrief(r));
  if (jsonCache.size >= CACHE_LIMIT) {
    const oldest = jsonCache.keys().next().value;
    if (oldest !== undefined) jsonCache.delete(oldest);
  }
  jsonCache.set(text, r.scheme);
  return r.scheme;
}
