/**
 * The spellings a value takes when it is copied into other text: raw, URL-encoded (RFC 3986
 * percent-encoding, upper or lower hex), form-encoded (WHATWG urlencoded, `+` for space),
 * JSON-escaped (with and without `\/`, with `< > &` as `\u003c…` as Go and Java write them),
 * HTML-escaped (named and numeric entities), base64 and base64url (RFC 4648 §4, §5), the latter
 * also at the two other byte offsets so a value inside a longer base64 blob (a JWT payload,
 * `btoa("id:secret")`) is found too. The sweep replaces every spelling by the value's tag.
 */

/** Base64 spellings are computed only for values up to this length; longer ones are tokens, not names. */
const MAX_BASE64_SOURCE = 2048;

export function spellings(value: string): string[] {
  const out = new Set<string>([value]);
  const url = encodeURIComponent(value);
  out.add(url);
  out.add(url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  out.add(url.replace(/%20/g, '+'));
  out.add(new URLSearchParams({ a: value }).toString().slice(2));
  out.add(encodeURI(value));
  const json = JSON.stringify(value).slice(1, -1);
  out.add(json);
  out.add(json.replace(/\//g, '\\/'));
  out.add(json.replace(/[<>&'\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const html = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  out.add(html);
  out.add(html.replace(/'/g, '&#39;'));
  out.add(html.replace(/'/g, '&#x27;'));
  out.add(html.replace(/'/g, '&#39;').replace(/@/g, '&#64;'));
  out.add(value.replace(/[^A-Za-z0-9 ._-]/g, (c) => `&#${c.codePointAt(0)};`));
  if (value.length <= MAX_BASE64_SOURCE) for (const b of base64Spellings(value)) out.add(b);
  return [...out];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The base64 and base64url characters that depend on the value's bytes alone, at each of the
 * three offsets a value can start at inside longer base64 text; at offset 0 the whole encoding
 * (with and without padding) too.
 */
function base64Spellings(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const full = encode(padded);
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = full.slice(first, last);
    out.push(core, toUrl(core));
    if (offset === 0) {
      const whole = encode(bytes, true);
      out.push(whole, full, toUrl(full));
    }
  }
  return out;
}

function toUrl(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_');
}

function encode(bytes: Uint8Array, pad = false): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += B64[(n >> (18 - 6 * c)) & 63];
  }
  if (pad) while (out.length % 4) out += '=';
  return out;
}
