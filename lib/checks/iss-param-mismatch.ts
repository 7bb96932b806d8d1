import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** RFC 9207 §2.4: the `iss` response parameter must equal the issuer of the server the request went to. */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'Callback iss differs from the expected issuer',
  refs: [{ spec: 'RFC 9207', section: '2.4' }, { spec: 'RFC 9700', section: '4.4' }],
  cause:
    'A mix-up attack (the response came from a different authorization server than intended), a client juggling several authorization servers and looking up the wrong one, or tenant-specific vs /common issuer confusion.',
  fix: 'Record the issuer when the flow starts and compare it exactly (simple string comparison) on return.',
  messages: {
    issMismatch: 'The callback carries iss "{iss}" but the authorization request went to the server whose issuer is "{expected}".',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    if (!cb || cb.iss === null) return;
    if (!flow.authorize) {
      ctx.notObservable('No authorization request was recorded, so the expected issuer is unknown.');
      return;
    }
    const expected = discoveryOfServer(flow, ctx)?.issuer ?? null;
    if (expected === null) {
      ctx.notObservable('No discovery document of the authorization server was captured; its issuer is unknown.');
      return;
    }
    if (cb.iss === expected) return;
    ctx.report({
      step: cb.step,
      messageId: 'issMismatch',
      data: { iss: cb.iss, expected },
      evidence: [{ label: 'iss', value: cb.iss, expected, step: cb.step }],
    });
  },
});
