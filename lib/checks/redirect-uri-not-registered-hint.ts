import { matchProviderError, type ProviderErrorMatch } from '../diagnosis/match-provider-error';
import type { Evidence } from '../model/finding';
import type { Flow } from '../model/flow';
import { describeDifference } from './support/describe-difference';
import { errorPageText, excerptAround } from './support/error-page-text';
import { defineCheck } from './types';

/** Generic wording of redirect-URI refusals (oidc-provider: "redirect_uri did not match any of the client's registered redirect_uris"). */
const MENTIONS_REDIRECT = /redirect[_ -]?ur[il]s?|reply ?(?:url|address)|callback ?url|redirect_mismatch|invalid_redirect_uri/i;

/** Authorization-server pages that could hold the refusal: the marked error page, else pages with a captured body. */
function candidates(flow: Flow): Array<{ index: number; strict: boolean }> {
  if (flow.errorPage !== null) return [{ index: flow.errorPage, strict: false }];
  const a = flow.authorize;
  if (!a) return [];
  // Entra answers 200 with its error page at the authorize URL; only a provider code counts there.
  return flow.steps
    .map((s, index) => ({ s, index }))
    .filter(({ s, index }) => index >= a.step && (s.kind === 'authorize' || s.kind === 'login') && s.event?.responseBody)
    .map(({ index }) => ({ index, strict: true }));
}

/**
 * RFC 6749 §3.1.2.4, §4.1.2.1: an invalid or unregistered redirect URI must not be redirected to,
 * so the server shows its own error page and no callback follows.
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'redirect_uri not registered for the client',
  refs: [{ spec: 'RFC 6749', section: '3.1.2.2' }, { spec: 'RFC 6749', section: '3.1.2.4' }, { spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'The exact redirect_uri sent is not in the client registration. Usual culprits: scheme, host, port, path, trailing slash, case, wrong platform type.',
  fix: 'Register the exact captured value, or fix the app to send the registered one.',
  messages: {
    notRegistered:
      'The authorization server showed its own error page (HTTP {status}) instead of redirecting back, so the redirect_uri "{sent}" is evidently not registered for client "{clientId}".{providerCodes}{pageSays}{workingFlow}',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || flow.callback) return;
    for (const { index, strict } of candidates(flow)) {
      const step = flow.steps[index];
      if (!step) continue;
      const { urlText, bodyText } = errorPageText(step);
      const text = `${urlText} ${bodyText}`.trim();
      const codes: ProviderErrorMatch[] = matchProviderError(text, { url: step.url }).filter((m) => m.checks.includes(ctx.checkId));
      // Only the error parameters and the page text count: the authorize URL itself always names redirect_uri.
      if (!codes.length && (strict || !MENTIONS_REDIRECT.test(text))) continue;
      const pattern = codes[0] ? new RegExp(codes[0].code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : MENTIONS_REDIRECT;
      const said = excerptAround(bodyText, pattern) ?? (urlText || null);
      const sent = a.redirectUri ?? '(none sent)';
      const working = ctx.analysis.flows.find((f) => f !== flow && f.callback && f.clientId === flow.clientId && f.serverOrigin === flow.serverOrigin && f.redirectUri && f.redirectUri !== a.redirectUri);
      const diff = working?.redirectUri && a.redirectUri ? describeDifference(a.redirectUri, working.redirectUri) : null;
      const data = {
        status: step.status ?? '?',
        sent,
        clientId: a.clientId ?? '?',
        providerCodes: codes.length ? ` Provider code: ${codes.map((c) => `${c.code} (${c.provider}: ${c.meaning})`).join('; ')}.` : '',
        pageSays: said ? ` The page says: "${said}".` : '',
        workingFlow: working && diff ? ` Flow ${working.id} of the same client reached its callback with "${working.redirectUri}" (${diff}).` : '',
      };
      const evidence: Evidence[] = [
        { label: 'redirect_uri sent', value: sent, step: a.step },
        { label: 'error page', value: step.url, step: index },
      ];
      if (said) evidence.push({ label: 'provider message', value: said, step: index });
      if (working?.redirectUri) evidence.push({ label: 'redirect_uri that worked', value: working.redirectUri, expected: sent });
      ctx.report({ step: index, messageId: 'notRegistered', data, evidence, ...(codes[0]?.note ? { fix: `${codes[0].note} Register the exact captured value, or fix the app to send the registered one.` } : {}) });
      return;
    }
  },
});
