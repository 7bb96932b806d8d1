import { HarEntrySchema, type HarEntry } from './har-schema';

/**
 * The fast path of HAR entry validation (issue 16): a hand-written reader of exactly the shape
 * `HarEntrySchema` accepts, giving exactly its output — fresh objects holding only the schema's
 * members, nulls read as absent, missing header lists as empty ones. It answers null for anything
 * it is not sure of; the caller then asks the zod schema, which decides and words the one-line
 * error (test/trace/har-entry-read.test.ts compares both on fixtures and mutated entries).
 *
 * Zod walked every member of every entry with its generic machinery; on a 10k-entry HAR that was
 * about a tenth of the streamed read, plus the garbage of its copies.
 */

type Json = Record<string, unknown>;

/** Not absent: null and undefined read as absent (`nullish()`). */
const present = (v: unknown): boolean => v !== null && v !== undefined;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** zod's `z.number()`: a finite number (JSON's 1e999 parses to Infinity, which it refuses). */
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A nullish string member: absent, or a string; `false` when it is something else. */
function optionalString(v: unknown): string | undefined | false {
  if (!present(v)) return undefined;
  return typeof v === 'string' ? v : false;
}

/** `[{name, value}]` with string members, copied; undefined when absent; null when not that shape. */
function nameValues(v: unknown): Array<{ name: string; value: string }> | undefined | null {
  if (!present(v)) return undefined;
  if (!Array.isArray(v)) return null;
  const out: Array<{ name: string; value: string }> = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (!isObject(item)) return null;
    const { name, value } = item;
    if (typeof name !== 'string' || typeof value !== 'string') return null;
    out[i] = { name, value };
  }
  return out;
}

/** The nullish string members `names` of `v`, copied in that order; null when one is not a string. */
function stringMembers(v: Json, names: readonly string[]): Json | null {
  const out: Json = {};
  for (const name of names) {
    const member = optionalString(v[name]);
    if (member === false) return null;
    if (member !== undefined) out[name] = member;
  }
  return out;
}

function postData(v: unknown): Json | undefined | null {
  if (!present(v)) return undefined;
  if (!isObject(v)) return null;
  const out = stringMembers(v, ['mimeType', 'text']);
  if (!out || !present(v.params)) return out;
  if (!Array.isArray(v.params)) return null;
  const params: Array<{ name: string; value?: string }> = new Array(v.params.length);
  for (let i = 0; i < v.params.length; i++) {
    const item: unknown = v.params[i];
    if (!isObject(item) || typeof item.name !== 'string') return null;
    const value = optionalString(item.value);
    if (value === false) return null;
    params[i] = value === undefined ? { name: item.name } : { name: item.name, value };
  }
  out.params = params;
  return out;
}

function content(v: unknown): Json | undefined | null {
  if (!present(v)) return undefined;
  return isObject(v) ? stringMembers(v, ['mimeType', 'text', 'encoding']) : null;
}

function request(v: unknown): Json | null {
  if (!isObject(v)) return null;
  const { method, url } = v;
  if (typeof method !== 'string' || typeof url !== 'string') return null;
  const headers = nameValues(v.headers);
  const post = postData(v.postData);
  if (headers === null || post === null) return null;
  const out: Json = { method, url };
  if (headers !== undefined) out.headers = headers;
  if (post !== undefined) out.postData = post;
  // Where zod's output plus `headers ??= []` puts an absent list: last.
  out.headers ??= [];
  return out;
}

function response(v: unknown): Json | null {
  if (!isObject(v) || !isNumber(v.status)) return null;
  const statusText = optionalString(v.statusText);
  const redirectURL = optionalString(v.redirectURL);
  const error = optionalString(v._error);
  const headers = nameValues(v.headers);
  const body = content(v.content);
  if (statusText === false || redirectURL === false || error === false || headers === null || body === null) return null;
  const out: Json = { status: v.status };
  if (statusText !== undefined) out.statusText = statusText;
  if (headers !== undefined) out.headers = headers;
  if (redirectURL !== undefined) out.redirectURL = redirectURL;
  if (body !== undefined) out.content = body;
  if (error !== undefined) out._error = error;
  out.headers ??= [];
  return out;
}

/** `HarEntrySchema`'s output for `value`, or null when the schema must decide. */
export function readHarEntry(value: unknown): HarEntry | null {
  if (!isObject(value) || typeof value.startedDateTime !== 'string') return null;
  const pageref = optionalString(value.pageref);
  const resourceType = optionalString(value._resourceType);
  if (pageref === false || resourceType === false) return null;
  const time = value.time;
  if (present(time) && !isNumber(time)) return null;
  const req = request(value.request);
  const res = req && response(value.response);
  if (!req || !res) return null;
  const out: Json = {};
  if (pageref !== undefined) out.pageref = pageref;
  out.startedDateTime = value.startedDateTime;
  if (present(time)) out.time = time;
  out.request = req;
  out.response = res;
  if (resourceType !== undefined) out._resourceType = resourceType;
  // zod's z.unknown() passes the value through as it is (null included), when the member exists.
  if ('_initiator' in value) out._initiator = value._initiator;
  return out as unknown as HarEntry;
}

/** `HarEntrySchema.safeParse`, answered by the fast reader whenever it can. */
export function parseHarEntry(value: unknown): ReturnType<typeof HarEntrySchema.safeParse> {
  const entry = readHarEntry(value);
  return entry ? { success: true, data: entry } : HarEntrySchema.safeParse(value);
}
