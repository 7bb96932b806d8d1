import { knownDeviation } from '../providers/match';
import { brokerStateHop } from './support/broker-state';
import { defineCheck } from './types';

/** RFC 6749 §10.12: without `state` nothing ties the response to the browser session that asked. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Authorization request without state',
  refs: [{ spec: 'RFC 6749', section: '10.12' }, { spec: 'RFC 9700', section: '2.1' }, { spec: 'RFC 9700', section: '4.7.1' }, { spec: 'RFC 6819', section: '5.3.5' }],
  cause: 'The client has nothing tying the response to the browser session that started the flow.',
  fix: 'Create a fresh, unguessable state per flow, store it with the browser session, and compare it on return. Relying on PKCE instead is acceptable only once you have confirmed the authorization server enforces it.',
  messages: {
    unprotected: 'The authorization request has no state, no PKCE code_challenge and no nonce: nothing protects this login against CSRF.',
    missing: 'The authorization request has no state parameter (it relies on {reliesOn} alone).',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || a.state !== null) return;
    if (a.opaque) {
      ctx.notObservable('The request carries only a request_uri; its pushed parameters were sent by the app server.');
      return;
    }
    // A broker that makes its own state takes none from the app (provider-known-deviation says so).
    if (brokerStateHop(flow) && knownDeviation(flow, 'broker-state')) return;
    // With neither PKCE nor nonce there is no CSRF protection at all (RFC 9700 §2.1).
    const unprotected = a.codeChallenge === null && a.nonce === null;
    ctx.report({
      step: a.step,
      severity: unprotected ? 'error' : 'warning',
      ...(unprotected ? { messageId: 'unprotected' } : { messageId: 'missing', data: { reliesOn: a.codeChallenge ? 'PKCE' : 'the nonce' } }),
      evidence: [{ label: 'state', value: '(absent)' }],
    });
  },
});
