import { queryParams } from '../../flow/params';
import type { Step } from '../../model/flow';

const MAX_TEXT = 20_000;

/** Visible text of an HTML page: scripts, styles and tags removed, entities for quotes decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .slice(0, MAX_TEXT * 5)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
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

/**
 * What an authorization-server error page tells us: the URL's own error parameters (Cognito
 * `/error?error=redirect_mismatch`, Google `authError=`) and the page text when the body was captured.
 */
export function errorPageText(step: Step): { urlText: string; bodyText: string } {
  const params = queryParams(step.url).filter((p) => /error|message|reason|description/i.test(p.name));
  const urlText = params.map((p) => `${p.name}=${p.value}`).join(' ');
  const body = step.event?.responseBody?.text ?? '';
  const bodyText = /<[a-z!]/i.test(body) ? visibleText(body) : body.slice(0, MAX_TEXT);
  return { urlText, bodyText };
}

/** About `radius` characters around the first match of `pattern`, cut at sentence-ish boundaries. */
export function excerptAround(text: string, pattern: RegExp, radius = 140): string | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const start = Math.max(0, m.index - radius);
  const end = Math.min(text.length, m.index + m[0].length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
