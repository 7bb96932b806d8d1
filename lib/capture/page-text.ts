import { CONFIG_SCAN_MAX_CHARS } from '../diagnosis/entra-config';
import { errorTextOfHtml, errorTextOfPage, visibleText } from '../diagnosis/error-text';
import { matchProviderError } from '../diagnosis/match-provider-error';
import { DOCUMENT_TYPES } from '../flow/hop-answer';
import { headerValue, stripFragment } from '../flow/params';
import type { CapturedEvent, RequestEvent } from '../model/event';
import { shapeOfUrl } from './prefilter';

/**
 * The visible text of an authorization server's own error page, read in Chromium with
 * `scripting.executeScript` when DevTools is closed (entrypoints/background/page-text.ts): without
 * it the live capture knows only that the page was shown, a HAR of the same login also says why.
 * RFC 6749 §4.1.2.1: when the redirect_uri or client_id is invalid the server must not redirect,
 * it tells the user on its own page — that page is the only place the reason is written.
 *
 * Which documents: an authorization request (its URL has client_id and response_type) loaded as
 * a page or frame that ended without a redirect, either refused (HTTP ≥ 400) or answered with an
 * HTML page of its own (HTTP 200: Entra shows its AADSTS errors that way). Never any other page.
 */

/** At most this many characters of page text are read (the refusal is in the first lines). */
export const PAGE_TEXT_MAX_CHARS = 4096;

/**
 * Of a live page, besides its visible text, the inline scripts that assign Entra's `$Config`
 * (which states the AADSTS error the page renders with JavaScript) are read: at most this many,
 * each cut to what lib/diagnosis/entra-config.ts scans. Only the error line is kept.
 */
export const PAGE_SCRIPTS_MAX = 4;
export const PAGE_SCRIPT_MAX_CHARS = CONFIG_SCAN_MAX_CHARS + 1024;

/**
 * The text kept from a live error page: what it shows, led by the error of an Entra `$Config`
 * script (lib/diagnosis/error-text.ts, as for a captured body), at most PAGE_TEXT_MAX_CHARS.
 */
export function livePageText(read: { text: string; truncated: boolean; scripts: readonly string[] }): { text: string; truncated: boolean } {
  const scripts = read.scripts.slice(0, PAGE_SCRIPTS_MAX).map((s) => s.slice(0, PAGE_SCRIPT_MAX_CHARS));
  const text = errorTextOfPage(read.text.slice(0, PAGE_TEXT_MAX_CHARS), scripts);
  return { text: text.slice(0, PAGE_TEXT_MAX_CHARS), truncated: read.truncated || read.text.length > PAGE_TEXT_MAX_CHARS || text.length > PAGE_TEXT_MAX_CHARS };
}

/** The cheap first test on every loaded document: only an authorization request's URL can be such a page. */
export function mayBeErrorPage(url: string): boolean {
  return shapeOfUrl(url) === 'authorize';
}

/** Whether this stored hop is an authorization request's own page whose text is worth reading. */
export function wantsPageText(hop: RequestEvent): boolean {
  if (!DOCUMENT_TYPES.has(hop.type) || hop.method.toUpperCase() !== 'GET') return false;
  if (hop.redirectUrl !== undefined || hop.error !== undefined || hop.responseBody || hop.status === undefined) return false;
  if (!mayBeErrorPage(hop.url)) return false;
  if (hop.status >= 400) return true;
  return hop.status === 200 && /html/i.test(headerValue(hop.responseHeaders, 'content-type') ?? 'text/html');
}

/**
 * Whether the text read is kept: always for a refusal (HTTP ≥ 400); for a page answered with 200
 * (a sign-in page, or an error page like Entra's) only when it names a provider error code, so a
 * sign-in page's text is never stored.
 */
export function keepsPageText(hop: RequestEvent, text: string): boolean {
  if (text.trim() === '') return false;
  return (hop.status ?? 0) >= 400 || matchProviderError(text, { url: hop.url }).length > 0;
}

/**
 * Firefox reads an authorization request's page as its HTTP body (filterResponseData,
 * entrypoints/background/firefox-bodies.ts), not as visible text; the same rule decides what is
 * kept. A refusal (HTTP ≥ 400) is kept whole. A 200 HTML page that did not redirect (Entra shows
 * its AADSTS errors that way) is kept only when it names a provider error code, and then only
 * PAGE_TEXT_MAX_CHARS of it around the first code: a sign-in page is never stored. When the code
 * is only in Entra's `$Config` script, the page text is kept instead (`pageText`: store it as
 * `page-text`, plain text, like Chromium's). Null: drop it.
 */
export function errorPageBodyToKeep(hop: RequestEvent, body: string): { text: string; excerpt: boolean; pageText?: true } | null {
  if (hop.redirectUrl !== undefined || hop.error !== undefined) return null;
  if ((hop.status ?? 0) >= 400) return { text: body, excerpt: false };
  if (!wantsPageText(hop)) return null;
  const code = matchProviderError(body, { url: hop.url })[0]?.code;
  if (code === undefined) return null;
  if (body.length <= PAGE_TEXT_MAX_CHARS) return { text: body, excerpt: false };
  // The code only in Entra's $Config script: 4 KB of HTML around it would hold a piece of the
  // script and lose it to the analysis (scripts are not page text). Keep what Chromium keeps
  // instead: the page's text led by the script's error line.
  const text = errorTextOfHtml(body);
  if (!matchProviderError(visibleText(body), { url: hop.url }).length && matchProviderError(text, { url: hop.url }).length) {
    return { text: text.slice(0, PAGE_TEXT_MAX_CHARS), excerpt: true, pageText: true };
  }
  const at = Math.max(0, body.indexOf(code));
  const start = Math.max(0, Math.min(at - PAGE_TEXT_MAX_CHARS / 2, body.length - PAGE_TEXT_MAX_CHARS));
  return { text: body.slice(start, start + PAGE_TEXT_MAX_CHARS), excerpt: true };
}

/** The document a frame finished parsing, as webNavigation reports it. */
export interface LoadedDocument {
  tabId: number;
  frameId: number;
  url: string;
}

/** The hop of `events` (one tab's, oldest first) whose page `doc` is, if its text is wanted. */
export function pageTextHop(events: readonly CapturedEvent[], doc: LoadedDocument): RequestEvent | null {
  const url = stripFragment(doc.url);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind !== 'request' || e.frameId !== doc.frameId || stripFragment(e.url) !== url) continue;
    return wantsPageText(e) ? e : null;
  }
  return null;
}
