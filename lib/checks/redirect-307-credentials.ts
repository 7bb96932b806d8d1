import { bodyParams, urlBase } from '../flow/params';
import { defineCheck } from './types';

const CREDENTIAL = /^(?:pass|passwd|pwd|passcode|passphrase|pin|otp|totp)$|password/i;

/**
 * RFC 9700 §4.12: a 307/308 after a credential POST makes the browser re-POST the same body —
 * the user's password — to the client's redirect_uri. 303 (or 302) turns it into a GET.
 */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'Login form POST redirected to the client with 307/308',
  refs: [{ spec: 'RFC 9700', section: '4.12' }],
  cause: 'The authorization server uses the wrong redirect status code after the credential POST, so the browser re-sends the login form (password included) to the client.',
  fix: 'The authorization server should answer credential POSTs with 303 See Other (or 302).',
  messages: {
    credentialsRePosted: 'The login form POST to {url} (fields {fields}) was answered with {status} to the redirect_uri {target}: the browser re-POSTs the credentials to the client.',
  },
  run(flow, ctx) {
    const callbackEvent = flow.callback ? flow.steps[flow.callback.step]?.event ?? null : null;
    const redirectBases = new Set(
      [flow.redirectUri, callbackEvent?.url].filter((u): u is string => typeof u === 'string').map(urlBase).filter((b): b is string => b !== null),
    );
    flow.steps.forEach((step, index) => {
      const e = step.event;
      if (!e || e.method.toUpperCase() !== 'POST' || (e.status !== 307 && e.status !== 308) || !e.redirectUrl) return;
      const target = urlBase(e.redirectUrl);
      if (target === null || !redirectBases.has(target)) return;
      const fields = bodyParams(e).map((p) => p.name).filter((n) => CREDENTIAL.test(n));
      if (fields.length === 0) return;
      ctx.report({
        step: index,
        messageId: 'credentialsRePosted',
        data: { url: urlBase(e.url) ?? e.url, fields: fields.join(', '), status: e.status, target },
        evidence: [
          { label: 'status', value: String(e.status), expected: '303', step: index },
          { label: 'credential fields re-sent', value: fields.join(', ') },
        ],
      });
    });
  },
});
