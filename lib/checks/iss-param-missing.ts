import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** RFC 9207 §2.3, §3: when metadata promises `iss`, every authorization response must carry it. */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Callback lacks iss although metadata promises it',
  refs: [{ spec: 'RFC 9207', section: '2.3' }, { spec: 'RFC 9207', section: '2.4' }, { spec: 'RFC 9207', section: '3' }],
  cause: 'An authorization server bug, or something in between dropping parameters.',
  fix: 'The client should reject the response when metadata promises iss; find what strips it between the server and the callback.',
  messages: {
    issMissing: 'The discovery document at {url} says authorization_response_iss_parameter_supported: true, but the {kind} has no iss parameter.',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    if (!cb || cb.iss !== null) return;
    const doc = discoveryOfServer(flow, ctx);
    if (doc?.document?.authorization_response_iss_parameter_supported !== true) return;
    const kind = cb.error ? `error response (error=${cb.error})` : 'success response';
    ctx.report({
      step: cb.step,
      messageId: 'issMissing',
      data: { url: doc.url, kind },
      evidence: [
        { label: 'iss', value: '(absent)', expected: doc.issuer ?? '(the issuer)', step: cb.step },
        { label: 'authorization_response_iss_parameter_supported', value: 'true' },
      ],
    });
  },
});
