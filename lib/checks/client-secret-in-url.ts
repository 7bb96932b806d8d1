import { getParam, queryParams } from '../flow/params';
import { defineCheck } from './types';

/** RFC 6749 §2.3.1: client credentials in the request URI are NOT RECOMMENDED (logs, history, Referer). */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'client_secret in a URL',
  refs: [{ spec: 'RFC 6749', section: '2.3.1' }],
  cause: 'The client secret was appended to a URL, where it lands in browser history, server logs, proxies and Referer headers.',
  fix: 'Send it in the POST body or an Authorization header, and only from a server. Rotate the exposed secret.',
  messages: {
    secretInQuery: 'client_secret appears in the query of {method} {url} (step {step}); the secret ({length} characters) is exposed to history, logs and Referer.',
  },
  run(flow, ctx) {
    flow.steps.forEach((step, index) => {
      if (!step.observed) return;
      const secret = getParam(queryParams(step.url), 'client_secret');
      if (secret === null) return;
      ctx.report({
        step: index,
        messageId: 'secretInQuery',
        data: { method: step.method, url: String(step.url.split('?')[0]), step: index + 1, length: secret.length },
        evidence: [{ label: 'client_secret (in URL query)', value: `${secret.slice(0, 4)}… (${secret.length} chars)`, step: index }],
      });
    });
  },
});
