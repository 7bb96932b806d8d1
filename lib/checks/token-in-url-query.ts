import type { RequestEvent } from '../model/event';
import type { Flow } from '../model/flow';
import { eventIndex } from '../flow/event-index';
import { queryParams, urlBase } from '../flow/params';
import { defineCheck } from './types';

const TOKEN_PARAMS = new Set(['access_token', 'id_token', 'refresh_token']);
const MAX_FINDINGS = 5;
const MAY_NAME_TOKEN = /token|%|[^\x20-\x7e]/i;

/** Token parameter names in the query of a URL (never the fragment: that one stays in the browser). */
function tokenNames(url: string | undefined): string[] {
  // A name decodes (and lower-cases) to one of TOKEN_PARAMS only if the URL spells "token",
  // percent-encodes, or holds a tab/newline (the URL parser drops them) or non-ASCII (U+212A
  // lower-cases to "k"); the other URLs of a big capture need no parsing.
  if (!url || !MAY_NAME_TOKEN.test(url)) return [];
  return [...new Set(queryParams(url).map((p) => p.name.toLowerCase()).filter((n) => TOKEN_PARAMS.has(n)))];
}

/**
 * The events this flow answers for: its own steps, plus requests no flow claimed that came after
 * this flow started and before the next one (so an unattached `?access_token=` API call is
 * still reported exactly once).
 */
function eventsOf(flow: Flow, flows: readonly Flow[], unclaimedSuspects: readonly RequestEvent[]): RequestEvent[] {
  const own = flow.steps.map((s) => s.event).filter((e): e is RequestEvent => e !== null);
  const index = flows.indexOf(flow);
  const next = flows[index + 1];
  const unclaimed = unclaimedSuspects.filter(
    (e) => (index === 0 || e.startTime >= flow.startTime) && (next === undefined || e.startTime < next.startTime),
  );
  return [...own, ...unclaimed];
}

/** RFC 6750 §2.3, §5.3; MRT §2.1; RFC 9700 §4.3.2: tokens in a URL query end up in logs, history and Referer. */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'Token in a URL query string',
  refs: [{ spec: 'RFC 6750', section: '2.3' }, { spec: 'RFC 6750', section: '5.3' }, { spec: 'MRT', section: '2.1' }, { spec: 'RFC 9700', section: '4.3.2' }],
  cause: 'Query response mode forced for token responses, or APIs called with ?access_token=.',
  fix: 'Use the code flow with the token endpoint, and send tokens in the Authorization header.',
  messages: {
    inQuery: '{names} sent in the query of the {where} {base} ({method}).',
  },
  run(flow, ctx) {
    const index = eventIndex(ctx.analysis);
    // Only an unclaimed request with a token name in its URL can report: find those once per
    // analysis instead of parsing every URL of the capture again for every flow.
    const suspects = index.memo('token-in-url-query/unclaimed', () => {
      const claimed = new Set(ctx.analysis.flows.flatMap((f) => f.steps.map((s) => s.event)));
      return index.requests.filter((e) => !claimed.has(e) && (tokenNames(e.url).length > 0 || tokenNames(e.redirectUrl).length > 0));
    });
    const seen = new Set<string>();
    let count = 0;
    for (const event of eventsOf(flow, ctx.analysis.flows, suspects)) {
      const places: Array<{ where: string; url: string }> = [{ where: 'request URL', url: event.url }];
      if (event.redirectUrl) places.push({ where: 'Location header', url: event.redirectUrl });
      for (const { where, url } of places) {
        const names = tokenNames(url);
        const base = urlBase(url) ?? url.slice(0, 200);
        const key = `${base}|${names.join(',')}`;
        if (names.length === 0 || seen.has(key) || count >= MAX_FINDINGS) continue;
        seen.add(key);
        count += 1;
        const stepIndex = flow.steps.findIndex((s) => s.event === event);
        // Values are deliberately left out of the message: it may be shared unredacted.
        ctx.report({
          step: stepIndex >= 0 ? stepIndex : null,
          messageId: 'inQuery',
          data: { names: names.join(', '), where, base, method: event.method.toUpperCase() },
          evidence: [{ label: where, value: `${base}?${names.map((n) => `${n}=…`).join('&')}`, ...(stepIndex >= 0 ? { step: stepIndex } : {}) }],
        });
      }
    }
  },
});
