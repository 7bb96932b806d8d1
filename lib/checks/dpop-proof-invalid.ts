import { eventIndex } from '../flow/event-index';
import { headerValue, stringField } from '../flow/params';
import type { Evidence } from '../model/finding';
import type { RequestEvent } from '../model/event';
import { dpopAccessToken, proofOf, proofProblems } from './support/dpop';
import { defineCheck } from './types';

/** Every DPoP jti in the capture with the first request that used it (RFC 9449 §11.1: replay). */
function firstUseOfJti(requestsByStart: readonly RequestEvent[]): Map<string, RequestEvent> {
  const first = new Map<string, RequestEvent>();
  for (const e of requestsByStart) {
    const jti = proofOf(e)?.claims?.jti;
    if (typeof jti === 'string' && !first.has(jti)) first.set(jti, e);
  }
  return first;
}

/** RFC 9449 §4.2, §4.3, §5, §7: each DPoP proof is fresh, bound to its own request, signed by a public key it carries. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'DPoP proof is invalid',
  refs: [{ spec: 'RFC 9449', section: '4.2' }, { spec: 'RFC 9449', section: '4.3' }, { spec: 'RFC 9449', section: '5' }, { spec: 'RFC 9449', section: '7' }],
  cause: 'The proof was built for the wrong URL or method (full URL with query string), with the wrong key or algorithm, reused, or a DPoP-bound token was sent as Bearer.',
  fix: 'Build a fresh proof per request from its own method and URL (no query or fragment), with a new jti, and ath for resource calls; always send DPoP-bound tokens with the DPoP scheme.',
  messages: {
    proofInvalid: 'The DPoP proof of {method} {url} is invalid: {problems}.',
    boundTokenSentAsBearer: 'The access token was issued as a DPoP-bound token (token_type DPoP) but is sent as "Authorization: Bearer" to {url}; the resource server must reject it, or, worse, accepts it without proof of possession.',
  },
  run(flow, ctx) {
    // Capture-wide, so built once per analysis rather than once per flow.
    const jtis = eventIndex(ctx.analysis).memo('dpop-proof-invalid/jtis', () => firstUseOfJti(eventIndex(ctx.analysis).requestsByStart));
    flow.steps.forEach((step, index) => {
      const event = step.event;
      if (!event) return;
      const proof = proofOf(event);
      const token = dpopAccessToken(event);
      if (!proof && token === null) return;
      const problems: Evidence[] = proof
        ? proofProblems(proof, event, { skewSeconds: ctx.analysis.options.skewSeconds, accessTokenDigest: token ? ctx.analysis.derived.digest(token, 'SHA-256') : null })
        : [{ label: 'DPoP header', value: '(none)', expected: 'a DPoP proof with Authorization: DPoP' }];
      const jti = proof?.claims?.jti;
      const firstUse = typeof jti === 'string' ? jtis.get(jti) : undefined;
      if (firstUse && firstUse !== event) problems.push({ label: 'jti', value: `${jti} (already used by ${firstUse.method} ${firstUse.url})`, expected: 'a new jti per proof' });
      if (problems.length === 0) return;
      ctx.report({
        step: index,
        messageId: 'proofInvalid',
        data: { method: step.method, url: String(step.url.split('?')[0]), problems: problems.map((p) => `${p.label} is ${p.value}${p.expected ? ` (expected ${p.expected})` : ''}`).join('; ') },
        evidence: problems.map((p) => ({ ...p, step: index })),
      });
    });
    // RFC 9449 §7.1: a token issued with token_type DPoP must not be presented as a Bearer token.
    for (const t of flow.tokens) {
      const at = stringField(t.response, 'access_token');
      if (!at || !/^dpop$/i.test(stringField(t.response, 'token_type') ?? '')) continue;
      const downgraded = ctx.analysis.events.find((e): e is RequestEvent => e.kind === 'request' && /^\s*Bearer\s+/i.test(headerValue(e.requestHeaders, 'authorization') ?? '') && (headerValue(e.requestHeaders, 'authorization') ?? '').trim().split(/\s+/)[1] === at);
      if (!downgraded) continue;
      const index = flow.steps.findIndex((s) => s.event === downgraded);
      ctx.report({
        step: index >= 0 ? index : t.step,
        messageId: 'boundTokenSentAsBearer',
        data: { url: String(downgraded.url.split('?')[0]) },
        evidence: [{ label: 'Authorization scheme', value: 'Bearer', expected: 'DPoP', ...(index >= 0 ? { step: index } : {}) }],
      });
    }
  },
});
