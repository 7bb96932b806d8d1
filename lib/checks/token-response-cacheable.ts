import { headerValue } from '../flow/params';
import { browserTokens, tokenEvent, tokenSucceeded } from './support/token-requests';
import { defineCheck } from './types';

/** RFC 6749 §5.1: the token response "MUST include the HTTP Cache-Control response header field with a value of no-store". */
export default defineCheck({
  section: 'token',
  severity: 'warning',
  title: 'Token response may be cached',
  refs: [{ spec: 'RFC 6749', section: '5.1' }],
  cause: 'Authorization-server or proxy configuration leaves out Cache-Control: no-store, so tokens may be written to browser or proxy caches.',
  fix: 'Send Cache-Control: no-store on every token response.',
  messages: {
    cacheable: 'The successful token response (step {step}) has {cacheControl} instead of no-store.',
  },
  run(flow, ctx) {
    for (const t of browserTokens(flow, ctx)) {
      const event = tokenEvent(flow, t);
      // Without captured response headers we cannot tell (HAR imports sometimes omit them).
      if (!event?.responseHeaders?.length || !tokenSucceeded(t)) continue;
      const cacheControl = headerValue(event.responseHeaders, 'cache-control');
      if (cacheControl && /(?:^|,)\s*no-store\s*(?:,|$)/i.test(cacheControl)) continue;
      ctx.report({
        step: t.step,
        messageId: 'cacheable',
        data: { step: t.step + 1, cacheControl: cacheControl === null ? 'no Cache-Control header' : `Cache-Control "${cacheControl}"` },
        evidence: [{ label: 'Cache-Control', value: cacheControl ?? '(missing)', expected: 'no-store', step: t.step }],
      });
    }
  },
});
