import { getParam, scopeList } from '../flow/params';
import { knownDeviation } from '../providers/match';
import { paramsHidden, responseTypeParts } from './support/authorize-facts';
import { defineCheck } from './types';

/** OIDC-Core §3.1.2.1: without `openid` in scope the request is plain OAuth 2.0 and the OIDC parameters mean nothing. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'OpenID Connect parameters without the openid scope',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.1' }],
  cause: '"openid" was left out, so the provider treats the request as plain OAuth and returns no ID Token.',
  fix: 'Add "openid" to scope.',
  messages: {
    openidMissing: 'The request uses OpenID Connect parameters ({oidc}) but scope "{scope}" lacks "openid": the server treats it as plain OAuth 2.0 and returns no ID Token.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || scopeList(a.scope).includes('openid')) return;
    if (paramsHidden(a)) return;
    // A provider that issues ID Tokens without "openid" (provider-known-deviation says so).
    if (knownDeviation(flow, 'id-token-without-openid-scope')) return;
    const oidc: string[] = [];
    if (a.nonce !== null) oidc.push('nonce');
    if (a.maxAge !== null) oidc.push('max_age');
    for (const name of ['id_token_hint', 'claims']) if (getParam(a.params, name) !== null) oidc.push(name);
    if (responseTypeParts(a.responseType).includes('id_token')) oidc.push(`response_type "${a.responseType}"`);
    // `prompt` is also defined for plain OAuth by several providers (Google, Entra), so alone it is only a hint.
    if (a.prompt !== null) oidc.push('prompt');
    if (!oidc.length) return;
    const promptOnly = oidc.length === 1 && oidc[0] === 'prompt';
    ctx.report({
      step: a.step,
      severity: promptOnly ? 'info' : 'warning',
      messageId: 'openidMissing',
      data: { oidc: oidc.join(', '), scope: a.scope ?? '' },
      evidence: [{ label: 'scope', value: a.scope ?? '(absent)', expected: `openid ${a.scope ?? ''}`.trim(), step: a.step }],
    });
  },
});
