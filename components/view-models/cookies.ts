import type { Header } from '../../lib/model/event';

export interface CookieSent {
  name: string;
  value: string;
}

export interface CookieSet {
  name: string;
  value: string;
  attributes: Array<{ name: string; value: string }>;
  sameSite: string | null;
}

/** `Cookie: a=1; b=2` (RFC 6265 §5.4). */
export function cookiesSent(headers: readonly Header[] | undefined): CookieSent[] {
  const out: CookieSent[] = [];
  for (const h of headers ?? []) {
    if (h.name.toLowerCase() !== 'cookie') continue;
    for (const part of h.value.split(';')) {
      const trimmed = part.trim();
      if (!trimmed) continue;
      const eq = trimmed.indexOf('=');
      out.push(eq < 0 ? { name: '', value: trimmed } : { name: trimmed.slice(0, eq), value: trimmed.slice(eq + 1) });
    }
  }
  return out;
}

/** `Set-Cookie` headers (RFC 6265 §5.2); Chrome may join several with newlines. */
export function cookiesSet(headers: readonly Header[] | undefined): CookieSet[] {
  const out: CookieSet[] = [];
  for (const h of headers ?? []) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    for (const line of h.value.split('\n')) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (!pair.trim()) continue;
      const attributes = attrs
        .map((a) => a.trim())
        .filter(Boolean)
        .map((a) => {
          const i = a.indexOf('=');
          return i < 0 ? { name: a, value: '' } : { name: a.slice(0, i), value: a.slice(i + 1) };
        });
      const sameSite = attributes.find((a) => a.name.toLowerCase() === 'samesite')?.value ?? null;
      out.push({
        name: eq < 0 ? '' : pair.slice(0, eq).trim(),
        value: eq < 0 ? pair.trim() : pair.slice(eq + 1),
        attributes,
        sameSite,
      });
    }
  }
  return out;
}
