import { brokerHop, flowProvider, sessionExchangeOf } from '../providers/match';
import { brokerStateHop } from './support/broker-state';
import { anyCase, confidentialCodeFlowWithoutPkce, responseTypeParts } from './support/authorize-facts';
import { scopeList } from '../flow/params';
import type { Deviation } from '../providers/profile';
import type { Flow } from '../model/flow';
import { defineCheck } from './types';

/** Whether this flow shows the deviation (a profile lists what its provider may do; the flow says whether it did). */
function shows(flow: Flow, deviation: Deviation): boolean {
  const a = flow.authorize;
  switch (deviation.id) {
    case 'authorize-without-response-type':
      return a !== null && a.responseType === null && !a.opaque;
    case 'form-post-for-name-and-email':
      return a !== null && a.responseMode === 'form_post' && /(?:^|\s)(?:name|email)(?:\s|$)/.test(a.scope ?? '');
    case 'broker-authorize':
      return a !== null && (a.clientId === null || a.responseType === null) && brokerHop(flow.steps[a.step]?.url ?? '', a.params) !== null;
    case 'id-token-without-openid-scope':
      return a !== null && !a.opaque && !scopeList(a.scope).includes('openid') && (a.nonce !== null || responseTypeParts(a.responseType).includes('id_token'));
    case 'broker-state':
      return brokerStateHop(flow);
    case 'pkce-method-any-case':
      return a?.codeChallengeMethod != null && a.codeChallengeMethod !== 'S256' && a.codeChallengeMethod !== 'plain' && anyCase(a.codeChallengeMethod);
    case 'web-flow-without-pkce':
      return confidentialCodeFlowWithoutPkce(flow);
    case 'session-exchange':
      return flow.tokens.some((t) => sessionExchangeOf(flow.steps[t.step]?.url ?? '') !== null);
  }
}

/**
 * Issue 17 point 1: a deviation from the specs that a provider documents is not a defect of the
 * app. The check it would trip stays silent (each consults lib/providers/match.ts knownDeviation)
 * and this check says so once per flow, naming the provider and citing its documentation.
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'info',
  title: 'Known deviation of this provider',
  refs: [{ spec: 'RFC 6749', section: '3.1.1' }, { spec: 'RFC 6749', section: '4.1.1' }, { spec: 'OAuth 2.0 Form Post Response Mode', section: '2', note: '(deviations documented by the provider)' }],
  cause: "The provider's endpoint works this way by design; its documentation says so.",
  fix: 'Nothing to change in the app. Follow the provider documentation cited in the message.',
  messages: {
    deviation: '{name}: {seen} Not reported as an error.',
  },
  run(flow, ctx) {
    const provider = flowProvider(flow);
    const seen = (provider?.deviations ?? []).filter((d) => shows(flow, d));
    if (!provider || !seen.length) return;
    ctx.report({
      step: flow.authorize?.step ?? null,
      messageId: 'deviation',
      data: { name: provider.name, seen: seen.map((d) => `${d.says} (${d.source})`).join(' ') },
    });
  },
});
