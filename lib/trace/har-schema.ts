import * as z from 'zod';

/**
 * HAR 1.2 as Chrome DevTools, Firefox, Safari, Playwright, Charles and Fiddler write it — only the
 * fields we read. Custom fields (`_resourceType`, `_initiator`, `_error`) are optional and loosely
 * typed. An optional field may also be null (Fiddler writes `"pages": null`): null reads as absent.
 *
 * Entries are validated with plain `nullish()` fields and their nulls removed by one pass per
 * entry (`withoutNulls`): zod runs every `.transform()` as a pipe of its own, and one per optional
 * field made validating a 10k-entry HAR several times slower (issue 16).
 */
const NameValue = z.object({ name: z.string(), value: z.string() });
const Headers = z.array(NameValue).nullish();
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish();

const RawHarEntrySchema = z.object({
  pageref: nullish(z.string()),
  startedDateTime: z.string(),
  time: nullish(z.number()),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: Headers,
    postData: nullish(
      z.object({
        mimeType: nullish(z.string()),
        text: nullish(z.string()),
        params: nullish(z.array(z.object({ name: z.string(), value: nullish(z.string()) }))),
      }),
    ),
  }),
  response: z.object({
    status: z.number(),
    statusText: nullish(z.string()),
    headers: Headers,
    redirectURL: nullish(z.string()),
    content: nullish(z.object({ mimeType: nullish(z.string()), text: nullish(z.string()), encoding: nullish(z.string()) })),
    _error: nullish(z.string()),
  }),
  _resourceType: nullish(z.string()),
  _initiator: z.unknown().optional(),
});

/** Null read as absent, through objects and arrays (`_initiator` is kept as it is: never read as data). */
type WithoutNulls<T> = T extends null
  ? undefined
  : T extends ReadonlyArray<infer U>
    ? Array<WithoutNulls<U>>
    : T extends object
      ? { [K in keyof T]: K extends '_initiator' ? T[K] : WithoutNulls<T[K]> }
      : T;

type RawHarEntry = z.output<typeof RawHarEntrySchema>;
export type HarEntry = Omit<WithoutNulls<RawHarEntry>, 'request' | 'response'> & {
  request: WithoutNulls<RawHarEntry['request']> & { headers: Array<{ name: string; value: string }> };
  response: WithoutNulls<RawHarEntry['response']> & { headers: Array<{ name: string; value: string }> };
};

/**
 * Removes null members in place (zod's output is a fresh copy of every object and array it
 * validated, `_initiator` aside) and gives absent header lists as empty ones.
 */
function entryWithoutNulls(raw: RawHarEntry): HarEntry {
  dropNulls(raw);
  raw.request.headers ??= [];
  raw.response.headers ??= [];
  return raw as HarEntry;
}

function dropNulls(value: object): void {
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) dropNulls(item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === '_initiator') continue;
    const member = record[key];
    if (member === null) delete record[key];
    else if (typeof member === 'object' && member !== undefined) dropNulls(member);
  }
}

export const HarEntrySchema = RawHarEntrySchema.transform(entryWithoutNulls);

/** Optional, and null read as absent (the document's own members, validated once). */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);
}

export const HarSchema = z.object({
  log: z.object({
    version: optional(z.string()),
    /** Who wrote the HAR; a name of another type, or no name, reads as unknown (never a reason to refuse the file). */
    creator: optional(z.object({ name: z.string().optional().catch(undefined) }).catch({ name: undefined })),
    pages: optional(z.array(z.object({ id: z.string(), startedDateTime: optional(z.string()), title: optional(z.string()) }))),
    entries: z.array(HarEntrySchema),
  }),
});
export type Har = z.infer<typeof HarSchema>;
