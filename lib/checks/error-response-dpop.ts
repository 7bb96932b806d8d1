import { headerValue, urlBase } from '../flow/params';
import type { Flow } from '../model/flow';
import { errorsIn, errorsWith, reportErrors, type SeenError, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/**
 * RFC 9449 §8, §9: a server may demand a nonce with `use_dpop_nonce`; the client then retries
 * once with the `DPoP-Nonce` value. Such a challenge answered by a retry that isn't refused again
 * is the protocol working, so it is reported as info; anything else fails the flow.
 */
function retried(flow: Flow, e: SeenError): boolean {
  if (e.error !== 'use_dpop_nonce') return false;
  const base = urlBase(e.url);
  const next = flow.steps.findIndex((s, i) => i > e.step && s.event !== null && urlBase(s.url) === base);
  if (next < 0) return false;
  return !errorsIn(flow).some((x) => x.step === next && (x.error === 'use_dpop_nonce' || x.error === 'invalid_dpop_proof'));
}

/** RFC 9449 §5, §7.1, §8: the DPoP proof was rejected, or a nonce is demanded. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'The server rejected the DPoP proof or demands a nonce',
  refs: [{ spec: 'RFC 9449', section: '5' }, { spec: 'RFC 9449', section: '7.1' }, { spec: 'RFC 9449', section: '8' }],
  cause: 'The DPoP proof is invalid (see dpop-proof-invalid), or the server requires a DPoP-Nonce the proof does not carry (see dpop-nonce-loop).',
  fix: 'Build a fresh proof per request from its own method and URL; when the server sends DPoP-Nonce, put that value in the nonce claim and retry once.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    reportErrors(ctx, errorsWith(flow, ['invalid_dpop_proof', 'use_dpop_nonce']), {
      severity: (e) => (retried(flow, e) ? 'info' : 'error'),
      explain: (e) => {
        if (e.error !== 'use_dpop_nonce') return 'See dpop-proof-invalid for what is wrong with the proof.';
        const nonce = headerValue(flow.steps[e.step]?.event?.responseHeaders, 'dpop-nonce');
        const offered = nonce ? ` The server offered DPoP-Nonce: ${nonce}.` : ' The response carried no DPoP-Nonce header.';
        return retried(flow, e)
          ? `${offered} The client retried and was not refused again: the expected nonce handshake.`
          : `${offered} No successful retry with that nonce followed (see dpop-nonce-loop).`;
      },
    });
  },
});
