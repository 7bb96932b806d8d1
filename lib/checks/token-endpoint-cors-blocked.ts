import { matchProviderError, providerErrorPointsTo } from '../diagnosis/match-provider-error';
import { headerValue, originOf, urlBase } from '../flow/params';
import type { CapturedEvent, RequestEvent } from '../model/event';
import { browserTokens, tokenErrorText, tokenEvent } from './support/token-requests';
import { defineCheck } from './types';

const PREFLIGHT_WINDOW_MS = 10_000;

/** Does Access-Control-Allow-Origin admit `origin`? null when the response headers were not captured. */
function allows(event: RequestEvent, origin: string): { ok: boolean; acao: string | null } | null {
  if (!event.responseHeaders?.length) return null;
  const acao = headerValue(event.responseHeaders, 'access-control-allow-origin');
  return { ok: acao !== null && (acao.trim() === '*' || acao.trim() === origin), acao };
}

/** The OPTIONS preflight the browser sent for this token request, if captured. */
function preflightOf(event: RequestEvent, events: readonly CapturedEvent[]): RequestEvent | null {
  const base = urlBase(event.url);
  const candidates = events.filter(
    (e): e is RequestEvent =>
      e.kind === 'request' &&
      e.method.toUpperCase() === 'OPTIONS' &&
      urlBase(e.url) === base &&
      e.tabId === event.tabId &&
      e.startTime <= event.startTime &&
      event.startTime - e.startTime <= PREFLIGHT_WINDOW_MS,
  );
  return candidates[candidates.length - 1] ?? null;
}

/** RFC 9700 §2.6 (browser-based clients); Fetch §3.2 CORS protocol. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Browser token request blocked by CORS',
  refs: [{ spec: 'RFC 9700', section: '2.6' }, { spec: 'Fetch', section: '3.2', note: '(CORS)' }],
  cause: 'The authorization server only allows browser redemption for SPA/public client types or registered web origins (Entra "SPA" platform, Okta Trusted Origins, Auth0 Allowed Web Origins); some providers never allow it (GitHub).',
  fix: 'Register the right platform type and the app origin as an allowed web origin, or redeem the code from a backend.',
  messages: {
    corsBlocked: 'The token request from {origin} to {target} (step {step}) was blocked for the page: {reasons}. The script cannot read the token response.',
  },
  run(flow, ctx) {
    for (const t of browserTokens(flow, ctx)) {
      const event = tokenEvent(flow, t);
      const origin = event ? headerValue(event.requestHeaders, 'origin') : null;
      if (!event || !origin || origin === originOf(event.url)) continue;
      const reasons: string[] = [];
      const preflight = preflightOf(event, ctx.analysis.events);
      if (preflight) {
        const verdict = allows(preflight, origin);
        if ((preflight.status ?? 0) >= 400) reasons.push(`the preflight OPTIONS was answered with HTTP ${preflight.status}`);
        else if (verdict && !verdict.ok) reasons.push(`the preflight answer has Access-Control-Allow-Origin ${verdict.acao === null ? 'missing' : `"${verdict.acao}"`}`);
        else if (preflight.error) reasons.push(`the preflight failed (${preflight.error})`);
      }
      const verdict = allows(event, origin);
      if (verdict && !verdict.ok && (verdict.acao !== null || t.networkError)) {
        reasons.push(verdict.acao === null ? 'the response has no Access-Control-Allow-Origin header' : `the response allows origin "${verdict.acao}", not "${origin}"`);
      }
      if (t.networkError && /cors|access-control|cross-origin/i.test(t.networkError)) reasons.push(`the browser reported "${t.networkError}"`);
      const providers = matchProviderError(tokenErrorText(flow, t), { url: event.url });
      if (providerErrorPointsTo(providers, 'token-endpoint-cors-blocked')) {
        reasons.push(`the server refused cross-origin redemption (${providers.map((p) => p.code).join(', ')})`);
      }
      if (!reasons.length) continue;
      ctx.report({
        step: t.step,
        messageId: 'corsBlocked',
        data: { origin, target: String(originOf(event.url)), step: t.step + 1, reasons: reasons.join('; ') },
        evidence: [
          { label: 'Origin', value: origin, step: t.step },
          { label: 'Access-Control-Allow-Origin', value: verdict?.acao ?? '(missing)', expected: origin, step: t.step },
        ],
      });
    }
  },
});
