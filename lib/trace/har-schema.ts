import * as z from 'zod';

/**
 * HAR 1.2 as Chrome DevTools, Firefox and Playwright write it — only the fields we read.
 * Custom fields (`_resourceType`, `_initiator`, `_error`) are optional and loosely typed.
 */
const NameValue = z.object({ name: z.string(), value: z.string() });

export const HarEntrySchema = z.object({
  pageref: z.string().optional(),
  startedDateTime: z.string(),
  time: z.number().optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(NameValue).default([]),
    postData: z
      .object({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        params: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
      })
      .optional(),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string().optional(),
    headers: z.array(NameValue).default([]),
    redirectURL: z.string().optional(),
    content: z
      .object({ mimeType: z.string().optional(), text: z.string().optional(), encoding: z.string().optional() })
      .optional(),
    _error: z.string().nullable().optional(),
  }),
  _resourceType: z.string().optional(),
  _initiator: z.unknown().optional(),
});
export type HarEntry = z.infer<typeof HarEntrySchema>;

export const HarSchema = z.object({
  log: z.object({
    version: z.string().optional(),
    pages: z.array(z.object({ id: z.string(), startedDateTime: z.string().optional(), title: z.string().optional() })).optional(),
    entries: z.array(HarEntrySchema),
  }),
});
export type Har = z.infer<typeof HarSchema>;
