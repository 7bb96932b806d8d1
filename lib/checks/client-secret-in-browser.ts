import { bodyParams, getParam, headerValue, queryParams } from '../flow/params';
import type { RequestEvent } from '../model/event';
import { isCredentialPlaceholder } from '../redact/placeholder';
import { parseTag } from '../redact/tags';
import { defineCheck } from './types';

const SCRIPT_TYPES = new Set(['xmlhttprequest', 'fetch', 'xhr']);
/** A secret assigned in shipped JavaScript: `client_secret: "…"`, `clientSecret = '…'`. */
const SECRET_IN_JS = /["']?client_?secret["']?\s*[:=]\s*["']([^"'\s]{8,})["']/i;


/** A request the page's script sent (CORS: Origin header) rather than a server. */
function fromScript(event: RequestEvent): boolean {
  return headerValue(event.requestHeaders, 'origin') !== null || SCRIPT_TYPES.has(event.type);
}

function secretCarried(event: RequestEvent): 'body' | 'basic' | null {
  if (getParam(bodyParams(event), 'client_secret') !== null) return 'body';
  return /^basic\s/i.test(headerValue(event.requestHeaders, 'authorization') ?? '') ? 'basic' : null;
}

/** RFC 6749 §2.1, §10.1; RFC 9700 §2.5: a browser app is a public client and cannot keep a secret. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Client secret used from the browser',
  refs: [{ spec: 'RFC 6749', section: '2.1' }, { spec: 'RFC 6749', section: '2.3.1' }, { spec: 'RFC 6749', section: '10.1' }, { spec: 'RFC 8252', section: '8.5' }, { spec: 'RFC 9700', section: '2.5' }],
  cause: 'A confidential-client configuration was copied into a single-page app or web view; anyone can read the secret from the page.',
  fix: 'Register the SPA as a public client with PKCE, or do the exchange in a backend (BFF). Rotate the exposed secret.',
  messages: {
    secretFromScript: 'A script request from {origin} to the {kind} endpoint (step {step}) carries the client secret {how}.',
    secretInAuthorizeUrl: 'The authorization request URL carries client_secret: the secret is in the browser.',
    secretInBundle: 'The script {url} contains a client secret ({shown}).',
  },
  run(flow, ctx) {
    if (flow.tokenExchange === 'not-observable') ctx.notObservable('The code was redeemed by the app server; how that server authenticates is not visible (and a secret there is fine).');
    flow.steps.forEach((step, index) => {
      const event = step.event;
      if (!event || !['token', 'par', 'revocation', 'introspection'].includes(step.kind) || !fromScript(event)) return;
      const where = secretCarried(event);
      if (!where) return;
      ctx.report({
        step: index,
        messageId: 'secretFromScript',
        data: { origin: headerValue(event.requestHeaders, 'origin') ?? 'the page', kind: step.kind, step: index + 1, how: where === 'body' ? 'as client_secret in the body' : 'in Authorization: Basic' },
        evidence: [{ label: 'client authentication', value: where === 'body' ? 'client_secret (form body)' : 'Authorization: Basic', expected: 'none (public client + PKCE)', step: index }],
      });
    });
    const a = flow.authorize;
    if (a && getParam(a.params, 'client_secret') !== null) {
      ctx.report({ step: a.step, messageId: 'secretInAuthorizeUrl', evidence: [{ label: 'client_secret', value: '(present in authorization request)', step: a.step }] });
    }
    // Shipped JavaScript holding a secret is not tied to one flow: report it on the first flow only.
    if (ctx.analysis.flows[0] !== flow) return;
    for (const e of ctx.analysis.events) {
      if (e.kind !== 'request' || !e.responseBody || !/javascript|ecmascript/i.test(e.responseBody.mimeType ?? '')) continue;
      const m = SECRET_IN_JS.exec(e.responseBody.text);
      if (!m || getParam(queryParams(e.url), 'client_secret') !== null) continue;
      const secret = m[1]!;
      // Documentation placeholders in library bundles are not secrets (redaction keeps them as they are);
      // a redaction tag (⟦client_secret:…⟧) stands for a real one.
      const tag = parseTag(secret);
      if (!tag && isCredentialPlaceholder(secret)) continue;
      const shown = tag ? `redacted, ${tag.length} characters` : `${secret.slice(0, 4)}…, ${secret.length} characters`;
      ctx.report({
        step: null,
        messageId: 'secretInBundle',
        data: { url: e.url, shown },
        evidence: [{ label: 'client_secret in script', value: tag ? secret : `${secret.slice(0, 4)}…` }],
      });
    }
  },
});
