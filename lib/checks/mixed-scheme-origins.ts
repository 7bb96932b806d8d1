import { headerValue, originOf, safeUrl } from '../flow/params';
import type { Flow } from '../model/flow';
import { stepEvent } from './support/browser-context';
import { defineCheck } from './types';

/**
 * Where the flow started (where state, verifier and nonce were stored): the app hop that
 * redirected to the authorization endpoint, else the initiating document (initiator / Referer).
 */
function startOrigin(flow: Flow): string | null {
  const a = flow.authorize;
  const authorize = stepEvent(flow, a?.step);
  if (!a || !authorize) return null;
  const notServer = (o: string | null) => (o !== null && o !== flow.serverOrigin ? o : null);
  const app = flow.steps.slice(0, a.step).filter((s) => s.kind === 'app').pop();
  const referer = headerValue(authorize.requestHeaders, 'referer');
  return notServer(app ? originOf(app.url) : null) ?? notServer(originOf(authorize.initiator ?? '')) ?? notServer(referer ? originOf(referer) : null);
}

function differences(a: URL, b: URL): string[] {
  const out: string[] = [];
  if (a.protocol !== b.protocol) out.push(`scheme ${a.protocol.slice(0, -1)} vs ${b.protocol.slice(0, -1)}`);
  if (a.hostname !== b.hostname) out.push(`host ${a.hostname} vs ${b.hostname}`);
  if (a.port !== b.port) out.push(`port ${a.port || '(default)'} vs ${b.port || '(default)'}`);
  return out;
}

/** RFC 6749 §3.1.2.1, RFC 9700 §2.6: storage and host-only cookies do not cross origins. */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Flow started on one origin, callback on another',
  refs: [{ spec: 'RFC 6749', section: '3.1.2.1' }, { spec: 'RFC 9700', section: '2.6' }],
  cause:
    'Canonical-host redirects happen after login instead of before it, so sessionStorage, localStorage and host-only cookies written on one origin are invisible on the other; the callback then cannot find its transaction (state-mismatch, pkce-verifier-missing).',
  fix: 'Redirect to the canonical https origin before starting login, and make redirect_uri the same origin.',
  messages: {
    originsDiffer: 'The login started on {origin} but the callback arrived on {toOrigin} ({diff}): what the app stored on the first origin is not visible on the second.',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    const callbackUrl = cb ? flow.steps[cb.step]?.url ?? null : null;
    const start = startOrigin(flow);
    if (!callbackUrl || !start) return;
    const from = safeUrl(start);
    const to = safeUrl(callbackUrl);
    if (!from || !to || !/^https?:$/.test(to.protocol) || from.origin === to.origin) return;
    const diff = differences(from, to);
    ctx.report({
      step: cb!.step,
      messageId: 'originsDiffer',
      data: { origin: from.origin, toOrigin: to.origin, diff: diff.join(', ') },
      evidence: [{ label: 'callback origin', value: to.origin, expected: from.origin, step: cb!.step }],
    });
  },
});
