import { MAX_BODY_CHARS, type Param, type RequestBody } from '../model/event';
import type { WebRequestBody } from './details';

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * A webRequest `requestBody` as a captured body. `formData` (the browser already parsed an
 * urlencoded or multipart body) becomes ordered fields, one per value; raw bytes become text,
 * bounded by MAX_BODY_CHARS. Uploaded files are named, never read.
 */
export function toRequestBody(body: WebRequestBody | null | undefined): RequestBody | undefined {
  if (!body) return undefined;
  if (body.formData) {
    const fields: Param[] = [];
    for (const [name, values] of Object.entries(body.formData)) {
      for (const value of values ?? []) fields.push({ name, value: typeof value === 'string' ? value : decoder.decode(value) });
    }
    return { kind: 'form', fields };
  }
  if (body.raw?.length) return rawText(body.raw);
  return undefined;
}

function rawText(parts: NonNullable<WebRequestBody['raw']>): RequestBody {
  let text = '';
  let truncated = false;
  for (const part of parts) {
    if (text.length >= MAX_BODY_CHARS) {
      truncated = true;
      break;
    }
    if (part.bytes) {
      const view = ArrayBuffer.isView(part.bytes)
        ? new Uint8Array(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength)
        : new Uint8Array(part.bytes);
      // Decode a little more than the bound at most, so a huge upload is never decoded whole.
      const room = (MAX_BODY_CHARS - text.length) * 4;
      if (view.byteLength > room) truncated = true;
      text += decoder.decode(view.subarray(0, room));
    } else if (part.file) {
      text += `[file ${part.file}]`;
    }
  }
  if (text.length > MAX_BODY_CHARS) {
    text = text.slice(0, MAX_BODY_CHARS);
    truncated = true;
  }
  return { kind: 'text', text, truncated };
}

/** Field names of a body, cheaply, for the prefilter: form fields, or names in urlencoded/JSON text. */
export function bodyFieldNames(body: WebRequestBody | null | undefined): readonly string[] {
  if (!body) return [];
  if (body.formData) return Object.keys(body.formData);
  return [];
}
