import { entraConfigError, entraConfigErrorInHtml } from './entra-config';

/**
 * The text an error page tells, wherever it comes from: a captured HTML body (HAR, DevTools,
 * Firefox) or the live page (Chromium reads its visible text and its inline scripts, lib/capture/
 * page-text.ts). Both give the visible text, led by the error Entra states only in its `$Config`
 * script (lib/diagnosis/entra-config.ts), so a live capture and a HAR of the same page read alike.
 */

const MAX_TEXT = 20_000;

/**
 * Visible text of an HTML page: the head (title included, which a page does not show in its
 * body), scripts, styles and tags removed, entities for quotes decoded, spaces collapsed — what
 * the page's `document.body.innerText` gives.
 */
export function visibleText(html: string): string {
  return html
    .slice(0, MAX_TEXT * 5)
    .replace(/<(head|script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

/** The script's error first (when there is one), then the visible text. */
function led(configError: string | null, visible: string): string {
  return configError ? `${configError}\n${visible}` : visible;
}

/** What an HTML error page says: its `$Config` error, then its visible text. */
export function errorTextOfHtml(html: string): string {
  return led(entraConfigErrorInHtml(html), visibleText(html));
}

/** What a live page says: the `$Config` error of the first of its inline scripts that has one, then its visible text. */
export function errorTextOfPage(visible: string, scripts: readonly string[]): string {
  let configError: string | null = null;
  for (const script of scripts) if ((configError = entraConfigError(script))) break;
  return led(configError, visible);
}
