import { describeProviderError, matchProviderError } from '../diagnosis/match-provider-error';
import { getParam, safeUrl, urlBase } from '../flow/params';
import type { Flow } from '../model/flow';
import { AUTHORIZATION_ERROR_MEANINGS } from '../diagnosis/oauth-error-codes';
import { defineCheck } from './types';

/**
 * Where to look the code up: the server the browser came from, else the error_uri's site
 * (GitHub's docs.github.com stands for github.com).
 */
function providerUrls(flow: Flow, errorUri: string | null): string[] {
  const urls = flow.serverOrigin ? [`${flow.serverOrigin}/`] : [];
  const u = errorUri ? safeUrl(errorUri) : null;
  if (u && u.protocol === 'https:') urls.push(`https://${u.hostname}/`, `https://${u.hostname.split('.').slice(1).join('.')}/`);
  return urls;
}

/**
 * Issue 17 point 7: providers such as GitHub send `error=redirect_uri_mismatch` to the REGISTERED
 * callback, which is often another origin than the app the login started from (localhost, apex
 * vs www, an old domain). That capture holds a callback with `error=` and no authorization request
 * for it; RFC 6749 §4.1.2.1 still defines what the error means.
 */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'An error came back to a callback the login did not start from',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }, { spec: 'RFC 6749', section: '3.1.2' }, { spec: 'OIDC-Core', section: '3.1.2.6' }],
  cause:
    'The provider answered with an error and sent it to the redirect URI it has registered for the client, not to the app that started the login: the app runs on another origin (localhost, www vs apex, an old domain) than the registered callback, or capture began after the authorization request.',
  fix: 'Register the redirect_uri the app really sends (scheme, host, port and path exactly) in the provider console, or make the app send the registered one; then read the provider error code below.',
  messages: {
    errorAtRegisteredCallback:
      'The error came back to {where}, the registered callback, but no authorization request for it was captured: error={error}{description}. {meaning}.{redirectCase}',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    if (flow.authorize !== null || !cb?.error) return;
    const step = flow.steps[cb.step];
    const errorUri = getParam(cb.params, 'error_uri');
    const text = cb.errorDescription ? `${cb.error}: ${cb.errorDescription}` : cb.error;
    const providers = providerUrls(flow, errorUri)
      .map((url) => matchProviderError(text, { url }))
      .find((m) => m.length > 0) ?? matchProviderError(text);
    const meaning = providers.length
      ? providers.map((p) => describeProviderError(p)).join('; ')
      : AUTHORIZATION_ERROR_MEANINGS[cb.error]
        ? `${cb.error} (RFC 6749): ${AUTHORIZATION_ERROR_MEANINGS[cb.error]}`
        : `${cb.error} is not an RFC 6749 code: read error_description${errorUri ? ' and error_uri' : ''}`;
    const where = urlBase(step?.url ?? '') ?? flow.redirectUri ?? 'the callback';
    const redirectCase = /redirect_uri|redirect uri|callback url/i.test(text)
      ? ` The provider rejected the redirect_uri the request sent and delivered the error to the callback it has on record: register the redirect_uri the app sends, or send ${where}.`
      : '';
    ctx.report({
      step: cb.step,
      messageId: 'errorAtRegisteredCallback',
      data: { where, error: cb.error, description: cb.errorDescription ? ` ("${cb.errorDescription}")` : '', meaning, redirectCase },
      evidence: [
        { label: 'error', value: cb.error, step: cb.step },
        ...(cb.errorDescription ? [{ label: 'error_description', value: cb.errorDescription, step: cb.step }] : []),
        ...(errorUri ? [{ label: 'error_uri', value: errorUri, step: cb.step }] : []),
        { label: 'callback that received it', value: where, step: cb.step },
        ...providers.map((p) => ({ label: `${p.provider} code`, value: `${p.code}: ${p.meaning}`, step: cb.step })),
      ],
    });
  },
});
