import { headerValue, urlBase } from '../flow/params';
import { errorsWith } from './support/error-responses';
import { proofOf } from './support/dpop';
import { defineCheck } from './types';

/** RFC 9449 §8, §9: after `use_dpop_nonce` the next proof to that server must carry the `DPoP-Nonce` just received. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'The client ignores the DPoP nonce the server demands',
  refs: [{ spec: 'RFC 9449', section: '8' }, { spec: 'RFC 9449', section: '9' }],
  cause: 'The client ignores the DPoP-Nonce response header and retries with a proof without (or with an old) nonce.',
  fix: 'Cache the latest DPoP-Nonce per server, put it in the nonce claim of the next proof, and retry once.',
  messages: {
    nonceLoop: '{base} answered use_dpop_nonce {count} times. After it offered DPoP-Nonce {offered}, the next proof carried {sent} and was refused again.',
  },
  run(flow, ctx) {
    const challenges = errorsWith(flow, ['use_dpop_nonce']);
    const reported = new Set<string>();
    for (const c of challenges) {
      const base = urlBase(c.url);
      if (!base || reported.has(base)) continue;
      const offered = headerValue(flow.steps[c.step]?.event?.responseHeaders, 'dpop-nonce');
      const next = challenges.find((x) => x.step > c.step && urlBase(x.url) === base);
      const nextEvent = next ? flow.steps[next.step]?.event : null;
      if (!next || !nextEvent) continue;
      const sent = proofOf(nextEvent)?.claims?.nonce;
      if (offered !== null && sent === offered) continue;
      reported.add(base);
      const count = challenges.filter((x) => urlBase(x.url) === base).length;
      ctx.report({
        step: next.step,
        messageId: 'nonceLoop',
        data: { base, count, offered: offered === null ? '(no header)' : `"${offered}"`, sent: typeof sent === 'string' ? `nonce "${sent}"` : 'no nonce' },
        evidence: [{ label: 'nonce', value: typeof sent === 'string' ? sent : '(none)', expected: offered ?? '(the DPoP-Nonce header value)', step: next.step }],
      });
    }
  },
});
