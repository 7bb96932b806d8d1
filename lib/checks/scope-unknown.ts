import { scopeList, stringField } from '../flow/params';
import type { Evidence } from '../model/finding';
import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** Provider-specific scope syntax that a scopes_supported list never enumerates (Google URLs, Entra api://…/.default, URNs). */
// `inventory:read` is a plain scope name; only scheme URLs and URNs are provider URI syntax.
const URI_STYLE = /^(?:[a-z][a-z0-9+.-]*:\/\/|urn:)/i;

/** RFC 6749 §3.3; OIDC-Disc §3: scopes_supported may list only a subset, so an unlisted scope is a hint. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Unknown scope requested',
  refs: [{ spec: 'RFC 6749', section: '3.3' }, { spec: 'OIDC-Disc', section: '3' }, { spec: 'RFC 8414', section: '2' }],
  cause: 'A typo, a scope that belongs to another API, or provider-specific syntax (Google full URLs, Entra api://…/.default). scopes_supported may list only a subset, so this is a hint.',
  fix: "Check the provider's scope catalogue and the client's API permissions.",
  messages: {
    refused: 'The authorization server refused the requested scope "{scope}"{description}.',
    notListed: "The requested scope{plural} {unknown} {verb} not in the server's scopes_supported ({supported}); the list may be partial, so check the spelling and the API.",
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a) return;
    const refusal = flow.callback?.error === 'invalid_scope' ? { step: flow.callback.step, description: flow.callback.errorDescription } : null;
    const tokenRefusal = flow.tokens.find((t) => stringField(t.response, 'error') === 'invalid_scope');
    // Auth0 answers an unknown `audience` with access_denied "Service not found: <audience>".
    const auth0 = flow.callback?.error === 'access_denied' && /Service not found/i.test(flow.callback.errorDescription ?? '');
    if (refusal || tokenRefusal || auth0) {
      const step = refusal?.step ?? tokenRefusal?.step ?? flow.callback?.step ?? a.step;
      const description = refusal?.description ?? stringField(tokenRefusal?.response ?? null, 'error_description') ?? flow.callback?.errorDescription ?? null;
      ctx.report({
        step,
        messageId: 'refused',
        data: { scope: a.scope ?? '', description: description ? `: "${description}"` : '' },
        evidence: [{ label: 'scope requested', value: a.scope ?? '(absent)', step: a.step }, ...(description ? [{ label: 'server says', value: description, step }] : [])],
      });
      return;
    }
    const listed = discoveryOfServer(flow, ctx)?.document?.scopes_supported;
    if (!Array.isArray(listed)) return;
    const supported = listed.filter((s): s is string => typeof s === 'string');
    const unknown = scopeList(a.scope).filter((s) => !URI_STYLE.test(s) && !supported.includes(s));
    if (!unknown.length) return;
    const evidence: Evidence[] = unknown.map((s) => ({ label: 'scope', value: s, expected: `one of: ${supported.join(' ')}`, step: a.step }));
    ctx.report({
      step: a.step,
      messageId: 'notListed',
      data: { plural: unknown.length > 1 ? 's' : '', unknown: unknown.map((s) => `"${s}"`).join(', '), verb: unknown.length > 1 ? 'are' : 'is', supported: supported.join(' ') },
      evidence,
    });
  },
});
