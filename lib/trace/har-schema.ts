import * as z from 'zod';

/**
 * HAR 1.2 as Chrome DevTools, Firefox, Safari, Playwright, Charles and Fiddler write it — only the
 * fields we read. Custom fields (`_resourceType`, `_initiator`, `_error`) are optional and loosely
 * typed. An optional field may also be null (Fiddler writes `"pages": null`): null reads as absent.
 */
const NameValue = z.object({ name: z.string(), value: z.string() });

/** Optional, and null read as absent. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);
}

const Headers = z
  .array(NameValue)
  .nullish()
  .transform((v) => v ?? []);

export const HarEntrySchema = z.object({
  pageref: optional(z.string()),
  startedDateTime: z.string(),
  time: optional(z.number()),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: Headers,
    postData: optional(
      z.object({
        mimeType: optional(z.string()),
        text: optional(z.string()),
        params: optional(z.array(z.object({ name: z.string(), value: optional(z.string()) }))),
      }),
    ),
  }),
  response: z.object({
    status: z.number(),
    statusText: optional(z.string()),
    headers: Headers,
    redirectURL: optional(z.string()),
    content: optional(z.object({ mimeType: optional(z.string()), text: optional(z.string()), encoding: optional(z.string()) })),
    _error: z.string().nullable().optional(),
  }),
  _resourceType: optional(z.string()),
  _initiator: z.unknown().optional(),
});
export type HarEntry = z.infer<typeof HarEntrySchema>;

export const HarSchema = z.object({
  log: z.object({
    version: optional(z.string()),
    pages: optional(z.array(z.object({ id: z.string(), startedDateTime: optional(z.string()), title: optional(z.string()) }))),
    entries: z.array(HarEntrySchema),
  }),
});
export type Har = z.infer<typeof HarSchema>;
