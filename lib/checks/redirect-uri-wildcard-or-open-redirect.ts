import { originOf, queryParams, safeUrl } from '../flow/params';
import type { Flow } from '../model/flow';
import { groupedBy, memoized, positionOf } from './support/flow-index';
import { defineCheck } from './types';

/** Query names that usually carry a post-login destination. */
const DESTINATION_NAMES = /^(?:return_?to|returnurl|return_url|return|next|redirect|redirect_?url|redirect_?uri|url|continue|goto|dest|destination|target|r|back|callback)$/i;
const LOOKS_LIKE_DESTINATION = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)/i;

function patternProblem(uri: string): string | null {
  if (/\*|%2A/i.test(uri)) return `the redirect_uri "${uri}" contains a wildcard "*"`;
  const hit = queryParams(uri).find((p) => DESTINATION_NAMES.test(p.name) || LOOKS_LIKE_DESTINATION.test(p.value));
  return hit ? `the redirect_uri carries a destination parameter ${hit.name}=${hit.value}, so the callback forwards wherever it is told` : null;
}

/** The callback answered with a redirect to another origin whose URL came from a request parameter. */
function openRedirect(flow: Flow): { step: number; target: string } | null {
  const cb = flow.callback;
  const event = cb ? flow.steps[cb.step]?.event : null;
  if (!cb || !event?.redirectUrl) return null;
  const target = event.redirectUrl;
  const targetOrigin = originOf(target);
  if (!targetOrigin || targetOrigin === originOf(event.url)) return null;
  const values = [...queryParams(event.url), ...cb.params].map((p) => p.value);
  const fromParam = values.some((v) => v.length > 8 && (target.startsWith(v) || v === targetOrigin || v.includes(target)));
  return fromParam ? { step: cb.step, target } : null;
}

/** How two redirect URIs of one client differ when only a subdomain or a path suffix tells them apart. */
function looseDifference(mine: URL, theirs: URL): string | null {
  if (theirs.href === mine.href || theirs.protocol !== mine.protocol || theirs.port !== mine.port) return null;
  const [a, b] = [mine.hostname, theirs.hostname];
  if (a !== b && (a.endsWith(`.${b}`) || b.endsWith(`.${a}`)) && mine.pathname === theirs.pathname) return `host ${a} vs ${b} (subdomain)`;
  const [p, q] = [mine.pathname, theirs.pathname];
  if (a === b && p !== q && (p.startsWith(q) || q.startsWith(p))) return `path ${p} vs ${q} (suffix)`;
  return null;
}

/** Flows of one client and server that reached a callback, by redirect_uri (parsed once), in flow order. */
function redirectsOf(flows: readonly Flow[], flow: Flow): ReadonlyMap<string, { url: URL; flows: Flow[] }> {
  const key = (f: Flow) => (f.callback && f.clientId ? JSON.stringify([f.clientId, f.serverOrigin]) : null);
  const group = groupedBy(flows, 'client+server with callback', key).get(key(flow)!) ?? [];
  const cache = memoized(flows, 'loose-match:redirects', () => new Map<readonly Flow[], Map<string, { url: URL; flows: Flow[] }>>());
  let byUri = cache.get(group);
  if (!byUri) {
    byUri = new Map();
    for (const f of group) {
      const url = f.redirectUri ? safeUrl(f.redirectUri) : null;
      if (!url) continue;
      const entry = byUri.get(f.redirectUri!);
      if (entry) entry.flows.push(f);
      else byUri.set(f.redirectUri!, { url, flows: [f] });
    }
    cache.set(group, byUri);
  }
  return byUri;
}

/**
 * Same client, accepted by the server, differing only by a subdomain or a path suffix: a sign of
 * pattern matching. The first such earlier flow (in flow order); looked up per distinct
 * redirect_uri, not per pair of flows (issue 12).
 */
function looseMatch(flow: Flow, flows: readonly Flow[]): { other: Flow; how: string } | null {
  const mine = flow.redirectUri ? safeUrl(flow.redirectUri) : null;
  if (!mine || !flow.callback || !flow.clientId) return null;
  let best: { other: Flow; how: string; at: number } | null = null;
  for (const { url, flows: same } of redirectsOf(flows, flow).values()) {
    const how = looseDifference(mine, url);
    if (!how) continue;
    const other = same.find((o) => o !== flow && o.startTime <= flow.startTime);
    const at = other ? positionOf(flows, other) : -1;
    if (other && (!best || at < best.at)) best = { other, how, at };
  }
  return best && { other: best.other, how: best.how };
}

/** RFC 9700 §2.1, §4.1: exact redirect URI matching; RFC 6749 §10.15: no open redirectors. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Loose redirect URI or open redirect',
  refs: [{ spec: 'RFC 9700', section: '2.1' }, { spec: 'RFC 9700', section: '4.1' }, { spec: 'RFC 9700', section: '4.11' }, { spec: 'RFC 6749', section: '10.15' }],
  cause: "The authorization server matches registered URIs loosely, or the client's callback route forwards to any URL it is given.",
  fix: 'Register exact URIs. Keep the post-login destination in server or session state keyed by state, and check it against an allowlist.',
  messages: {
    looseRedirect: 'Loose redirect: {problem}.',
    openRedirect: 'The callback redirects to another origin ({target}) taken from a request parameter: an open redirector that can leak the code or the session.',
    wildcard: 'The server accepted redirect_uri "{redirectUri}" and, for the same client in flow {id}, "{otherRedirectUri}": they differ only by {how}, which suggests pattern matching.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const problem = a?.redirectUri ? patternProblem(a.redirectUri) : null;
    if (a && problem) {
      ctx.report({ step: a.step, messageId: 'looseRedirect', data: { problem }, evidence: [{ label: 'redirect_uri', value: a.redirectUri ?? '', step: a.step }] });
      return;
    }
    const open = openRedirect(flow);
    if (open) {
      ctx.report({
        step: open.step,
        messageId: 'openRedirect',
        data: { target: open.target },
        evidence: [{ label: 'callback redirects to', value: open.target, step: open.step }],
      });
      return;
    }
    const loose = a ? looseMatch(flow, ctx.analysis.flows) : null;
    if (a && loose) {
      ctx.report({
        step: a.step,
        messageId: 'wildcard',
        data: { redirectUri: String(flow.redirectUri), id: loose.other.id, otherRedirectUri: String(loose.other.redirectUri), how: loose.how },
        evidence: [{ label: 'redirect_uri', value: flow.redirectUri ?? '', expected: loose.other.redirectUri ?? '', step: a.step }],
      });
    }
  },
});
