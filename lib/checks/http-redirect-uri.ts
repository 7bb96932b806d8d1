import { safeUrl } from '../flow/params';
import { isLoopbackHost } from './support/authorize-facts';
import { defineCheck } from './types';

/** RFC 9700 §2.6, RFC 6749 §3.1.2.1: the code and tokens must not travel over plain http (loopback excepted, RFC 8252 §7.3). */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Redirect URI over plain http',
  refs: [{ spec: 'RFC 9700', section: '2.6' }, { spec: 'RFC 6749', section: '3.1.2.1' }, { spec: 'RFC 8252', section: '7.3' }],
  cause: 'Development configuration reaching production, or an app behind a TLS-terminating proxy building the URL from the internal scheme.',
  fix: 'Use https. Behind proxies, build the URL from Forwarded / X-Forwarded-Proto, or configure it statically.',
  messages: {
    httpRedirectUri: 'The redirect_uri "{redirectUri}" uses http on a non-loopback host: the authorization response (code or tokens) crosses the network unencrypted.',
    httpCallback: 'The callback landed on "{landed}" over http on a non-loopback host: the authorization response crossed the network unencrypted.',
  },
  run(flow, ctx) {
    const insecure = (url: string | null | undefined) => {
      const u = url ? safeUrl(url) : null;
      return u !== null && u.protocol === 'http:' && !isLoopbackHost(u.hostname);
    };
    const a = flow.authorize;
    if (a && insecure(a.redirectUri)) {
      ctx.report({
        step: a.step,
        messageId: 'httpRedirectUri',
        data: { redirectUri: String(a.redirectUri) },
        evidence: [{ label: 'redirect_uri', value: a.redirectUri ?? '', expected: a.redirectUri?.replace(/^http:/, 'https:') ?? '', step: a.step }],
      });
      return;
    }
    const cb = flow.callback;
    const landed = cb ? flow.steps[cb.step]?.url : null;
    if (cb && insecure(landed)) {
      ctx.report({
        step: cb.step,
        messageId: 'httpCallback',
        data: { landed: String(landed) },
        evidence: [{ label: 'callback URL', value: landed ?? '', step: cb.step }],
      });
    }
  },
});
