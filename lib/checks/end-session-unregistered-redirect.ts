import { matchProviderError } from '../diagnosis/match-provider-error';
import { originOf } from '../flow/params';
import { logoutRequest, returnToClient } from './support/logout';
import { defineCheck } from './types';

/** RPLogout §2, §3: the OP redirects to post_logout_redirect_uri only when it is registered and the client is identified. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'Logout did not return to the app',
  refs: [{ spec: 'RPLogout', section: '2' }, { spec: 'RPLogout', section: '3' }],
  cause: 'The post_logout_redirect_uri is not registered for the client, or the request does not identify the client (no id_token_hint, no client_id).',
  fix: 'Register the exact post-logout URI on the client and send id_token_hint (or client_id) with it.',
  messages: {
    redirectWithoutClient: "The logout request sends post_logout_redirect_uri={postLogoutRedirectUri} without id_token_hint or client_id, so the server cannot tell which client's registered URIs to check; many providers then refuse to redirect.",
    noReturn: 'After the logout request the server stayed on {ending} at {url}; no return to post_logout_redirect_uri {postLogoutRedirectUri} was seen.{codes}',
  },
  run(flow, ctx) {
    const logout = logoutRequest(flow);
    if (!logout?.postLogoutRedirectUri) return;
    if (logout.idTokenHint === null && logout.clientId === null) {
      ctx.report({
        step: logout.step,
        messageId: 'redirectWithoutClient',
        data: { postLogoutRedirectUri: logout.postLogoutRedirectUri },
        evidence: [{ label: 'post_logout_redirect_uri', value: logout.postLogoutRedirectUri, step: logout.step }, { label: 'client identified by', value: '(nothing)', expected: 'id_token_hint or client_id' }],
      });
    }
    if (returnToClient(flow, logout, ctx.analysis)) return;
    const server = originOf(logout.url);
    const last = [...flow.steps].reverse().find((s) => s.event !== null && originOf(s.url) === server);
    const index = last ? flow.steps.indexOf(last) : logout.step;
    const body = last?.event?.responseBody?.text ?? '';
    const codes = matchProviderError(body.slice(0, 20_000), { url: last?.url ?? logout.url }).map((m) => ` ${m.code} (${m.provider}): ${m.meaning}.`).join('');
    const ending = last && (last.status ?? 0) >= 400 ? `an error page (HTTP ${last.status})` : `its own page (HTTP ${last?.status ?? '?'}, a confirmation prompt or an error)`;
    ctx.report({
      step: index,
      messageId: 'noReturn',
      data: { ending, url: last?.url ?? logout.url, postLogoutRedirectUri: logout.postLogoutRedirectUri, codes },
      evidence: [{ label: 'post_logout_redirect_uri', value: logout.postLogoutRedirectUri, step: logout.step }, { label: 'last page', value: last?.url ?? logout.url, step: index }],
    });
  },
});
