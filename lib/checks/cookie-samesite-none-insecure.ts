import { urlBase } from '../flow/params';
import { setCookiesOf } from './support/cookies';
import { defineCheck } from './types';

/** rfc6265bis §5.6.7 (SameSite=None requires Secure): browsers reject such a cookie outright. */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'SameSite=None cookie without Secure',
  refs: [{ spec: 'draft-ietf-httpbis-rfc6265bis', section: '4.1.2.7' }, { spec: 'draft-ietf-httpbis-rfc6265bis', section: '5.6.7' }],
  cause: 'Incomplete cookie attributes: browsers reject SameSite=None cookies that are not Secure, so the cookie is never stored.',
  fix: 'Add Secure and serve over https.',
  messages: {
    noneWithoutSecure: '{url} sets cookie "{name}" with SameSite=None but without Secure; the browser rejects it.',
  },
  run(flow, ctx) {
    const reported = new Set<string>();
    flow.steps.forEach((step, index) => {
      const e = step.event;
      if (!e) return;
      for (const c of setCookiesOf(e.responseHeaders, e.startTime)) {
        if (c.sameSite !== 'None' || c.secure || c.deleted || reported.has(c.name)) continue;
        reported.add(c.name);
        ctx.report({
          step: index,
          messageId: 'noneWithoutSecure',
          data: { url: urlBase(e.url) ?? e.url, name: c.name },
          evidence: [{ label: 'Set-Cookie attributes', value: c.raw.split(';').slice(1).map((s) => s.trim()).join('; '), expected: 'SameSite=None; Secure', step: index }],
        });
      }
    });
  },
});
