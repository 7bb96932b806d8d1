import { responseTypeParts } from './support/authorize-facts';
import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** RFC 8414 §2: `code_challenge_methods_supported` — when omitted, the server does not advertise PKCE. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'info',
  title: 'Server does not advertise PKCE S256',
  refs: [{ spec: 'RFC 8414', section: '2' }, { spec: 'RFC 9700', section: '2.1.1' }, { spec: 'RFC 9700', section: '4.7.1' }],
  cause: 'The authorization server may not support PKCE, or simply does not advertise it.',
  fix: 'Confirm support with the provider. Without PKCE, state (or nonce) must carry the CSRF protection.',
  messages: {
    s256NotListed: 'The discovery document at {url} lists code_challenge_methods_supported = [{list}], without S256.',
    methodsAbsent: 'The discovery document at {url} has no code_challenge_methods_supported: the server does not say whether it supports PKCE.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || !responseTypeParts(a.responseType).includes('code')) return;
    const doc = discoveryOfServer(flow, ctx);
    const metadata = doc?.document;
    if (!doc || !metadata) return;
    // One hint per server document: report on the first code flow that used it.
    const first = ctx.analysis.flows.find((f) => f.authorize && responseTypeParts(f.authorize.responseType).includes('code') && discoveryOfServer(f, ctx) === doc);
    if (first !== flow) return;
    const methods = metadata.code_challenge_methods_supported;
    const list = Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : null;
    if (list?.includes('S256')) return;
    ctx.report({
      step: a.step,
      ...(list ? { messageId: 's256NotListed', data: { url: doc.url, list: list.join(', ') } } : { messageId: 'methodsAbsent', data: { url: doc.url } }),
      evidence: [{ label: 'code_challenge_methods_supported', value: list ? JSON.stringify(list) : '(absent)', expected: '["S256"]' }],
    });
  },
});
