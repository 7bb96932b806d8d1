import { getParam, headerValue, scopeList, stringField } from '../flow/params';
import type { Flow } from '../model/flow';
import { defineCheck } from './types';

/** Google returns full URLs for its short OpenID scopes; they are the same grant. */
const ALIASES: Record<string, string> = {
  'https://www.googleapis.com/auth/userinfo.email': 'email',
  'https://www.googleapis.com/auth/userinfo.profile': 'profile',
};
const canonical = (s: string) => ALIASES[s] ?? s;

/** A failed resource call after `time` that names insufficient_scope (RFC 6750 §3.1). */
function insufficientScopeAfter(flow: Flow, time: number): number | null {
  const i = flow.steps.findIndex((s) => {
    if ((s.kind !== 'resource' && s.kind !== 'userinfo') || s.time < time || !s.event) return false;
    const challenge = headerValue(s.event.responseHeaders, 'www-authenticate') ?? '';
    return /insufficient_scope/i.test(challenge) || (s.status === 403 && /insufficient_scope/i.test(s.event.responseBody?.text ?? ''));
  });
  return i < 0 ? null : i;
}

/** RFC 6749 §3.3, §5.1: the server may grant less than asked and then must say so in `scope`. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'info',
  title: 'Granted scope narrower than requested',
  refs: [{ spec: 'RFC 6749', section: '3.3' }, { spec: 'RFC 6749', section: '5.1' }, { spec: 'RFC 6750', section: '3.1' }],
  cause: "The user unticked permissions under granular consent, a policy removed them, or the client isn't allowed to request them.",
  fix: 'Handle partial grants, and request extra scopes incrementally when they are needed.',
  messages: {
    narrowed: 'The server granted "{scope}" but "{requested}" was requested: {missing} {verb} not granted.{failedCall}',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    // Entra's "/.default" stands for the app's configured permissions and is never echoed back.
    const requested = scopeList(a?.scope ?? null).filter((s) => !s.endsWith('.default'));
    if (!a || !requested.length) return;
    const grants: Array<{ step: number; scope: string; time: number }> = [];
    const cb = flow.callback;
    const implicitScope = cb?.accessToken ? getParam(cb.params, 'scope') : null;
    if (cb && implicitScope !== null) grants.push({ step: cb.step, scope: implicitScope, time: flow.steps[cb.step]?.time ?? 0 });
    for (const t of flow.tokens) {
      const scope = t.grantType === 'authorization_code' ? stringField(t.response, 'scope') : null;
      if (scope !== null) grants.push({ step: t.step, scope, time: flow.steps[t.step]?.time ?? 0 });
    }
    for (const g of grants) {
      const granted = new Set(scopeList(g.scope).map(canonical));
      const wanted = requested.map(canonical);
      // Strict subset only: a response that renames or adds scopes is not a narrowing we can judge.
      if (![...granted].every((s) => wanted.includes(s))) continue;
      const missing = wanted.filter((s) => !granted.has(s));
      if (!missing.length) continue;
      const failed = insufficientScopeAfter(flow, g.time);
      ctx.report({
        step: g.step,
        severity: failed !== null ? 'warning' : 'info',
        messageId: 'narrowed',
        data: { scope: g.scope, requested: String(a.scope), missing: missing.map((s) => `"${s}"`).join(', '), verb: missing.length > 1 ? 'were' : 'was', failedCall: failed !== null ? ` A later call (step ${failed}) failed with insufficient_scope.` : '' },
        evidence: [{ label: 'scope granted', value: g.scope, expected: a.scope ?? '', step: g.step }],
      });
    }
  },
});
