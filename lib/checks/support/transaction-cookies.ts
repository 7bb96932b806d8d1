import type { RequestEvent } from '../../model/event';
import type { Flow } from '../../model/flow';
import { openerOf } from './browser-context';
import { cookieApplies, setCookiesOf, type SetCookie } from './cookies';

/**
 * Cookies the client origin set (and did not delete) in the tab that started the flow, up to the
 * authorization request, that would apply to the callback URL (docs/architecture.md "Correlating flows" step 1).
 */
export function transactionCookies(flow: Flow, events: readonly RequestEvent[], callbackUrl: string, window: number): Map<string, SetCookie> {
  const start = flow.steps[flow.authorize!.step]!;
  const tabs = [start.tabId, openerOf(events, start.tabId)].filter((t): t is number => t !== null);
  const out = new Map<string, SetCookie>();
  const before = events.filter((e) => tabs.includes(e.tabId) && e.startTime <= start.time && start.time - e.startTime <= window).sort((a, b) => a.startTime - b.startTime);
  for (const e of before) {
    for (const c of setCookiesOf(e.responseHeaders, e.startTime)) {
      if (!cookieApplies(c, e.url, callbackUrl)) continue;
      if (c.deleted) out.delete(c.name);
      else out.set(c.name, c);
    }
  }
  return out;
}
