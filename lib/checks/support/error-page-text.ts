import { errorTextOfHtml } from '../../diagnosis/error-text';
import { queryParams } from '../../flow/params';
import type { Step } from '../../model/flow';

const MAX_TEXT = 20_000;

/**
 * What an authorization-server error page tells us: the URL's own error parameters (Cognito
 * `/error?error=redirect_mismatch`, Google `authError=`) and the page text when the body was
 * captured — the HTML body (HAR, DevTools, Firefox: its visible text led by the error of Entra's
 * `$Config` script, lib/diagnosis/error-text.ts), or the text read from the live page (`page-text`,
 * already text: only its spaces are collapsed).
 */
export function errorPageText(step: Step): { urlText: string; bodyText: string } {
  const params = queryParams(step.url).filter((p) => /error|message|reason|description/i.test(p.name));
  const urlText = params.map((p) => `${p.name}=${p.value}`).join(' ');
  const captured = step.event?.responseBody;
  const body = captured?.text ?? '';
  const bodyText =
    captured?.source === 'page-text' ? body.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT) : /<[a-z!]/i.test(body) ? errorTextOfHtml(body).slice(0, MAX_TEXT) : body.slice(0, MAX_TEXT);
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
