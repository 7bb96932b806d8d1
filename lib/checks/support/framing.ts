import type { RequestEvent } from '../../model/event';
import { headerValues, originOf, safeUrl } from '../../flow/params';

/** Does one CSP source expression (CSP3 §6.7.2.x, host-source / scheme-source / keywords) allow `embedder`? */
function sourceMatches(source: string, embedder: URL, self: string | null): boolean {
  const s = source.trim().toLowerCase();
  if (s === "'self'") return self !== null && embedder.origin === self;
  if (s === '*') return /^https?:$/.test(embedder.protocol);
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return embedder.protocol === s || (s === 'http:' && embedder.protocol === 'https:');
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+|\*)(?::(\d+|\*))?(?:\/.*)?$/.exec(s);
  if (!m) return false;
  const [, scheme, wildcard, host = '', port] = m;
  if (scheme && `${scheme}:` !== embedder.protocol && !(scheme === 'http' && embedder.protocol === 'https:')) return false;
  if (!scheme && !/^https?:$/.test(embedder.protocol)) return false;
  const hostOk = host === '*' || (wildcard ? embedder.hostname.endsWith(`.${host}`) : embedder.hostname === host);
  const defaultPort = embedder.protocol === 'https:' ? '443' : '80';
  const portOk = port === '*' || (port ?? defaultPort) === (embedder.port || defaultPort);
  return hostOk && portOk;
}

/**
 * Why a framed response may not be displayed inside `embedderOrigin`, or null when it may.
 * CSP `frame-ancestors` wins over `X-Frame-Options` when present (CSP3 §6.4.2; RFC 7034 §2.1).
 */
export function framingBlock(event: RequestEvent, embedderOrigin: string | null): string | null {
  const self = originOf(event.url);
  const embedder = embedderOrigin ? safeUrl(embedderOrigin) : null;
  const policies = headerValues(event.responseHeaders, 'content-security-policy')
    .flatMap((v) => v.split(','))
    .map((p) => p.split(';').map((d) => d.trim()).find((d) => /^frame-ancestors(\s|$)/i.test(d)))
    .filter((d): d is string => d !== undefined);
  if (policies.length > 0) {
    for (const directive of policies) {
      const sources = directive.split(/\s+/).slice(1);
      const allowed = embedder !== null && !sources.some((x) => x.toLowerCase() === "'none'") && sources.some((x) => sourceMatches(x, embedder, self));
      if (!allowed) return `Content-Security-Policy: ${directive}`;
    }
    return null;
  }
  const xfo = headerValues(event.responseHeaders, 'x-frame-options')[0]?.trim();
  if (!xfo) return null;
  if (/^deny$/i.test(xfo)) return `X-Frame-Options: ${xfo}`;
  if (/^sameorigin$/i.test(xfo) && (embedder === null || embedder.origin !== self)) return `X-Frame-Options: ${xfo}`;
  return null; // ALLOW-FROM and garbage are ignored by current browsers
}
