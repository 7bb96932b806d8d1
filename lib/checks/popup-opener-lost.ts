import { eventIndex } from '../flow/event-index';
import { headerValue, urlBase } from '../flow/params';
import { openerOf, stepEvent, tabRemovedAt } from './support/browser-context';
import { defineCheck } from './types';

/** COOP values that put a cross-origin popup in a new browsing context group (no `window.opener`). */
const SEVERING = /^\s*(?:same-origin|noopener-allow-popups)\s*(?:;|$)/i;

/**
 * HTML §7.1.3 (Cross-Origin-Opener-Policy): a page with COOP same-origin cuts the popup off from
 * its opener, so the callback page cannot hand the result back and the app waits forever.
 */
export default defineCheck({
  section: 'callback',
  severity: 'info',
  title: 'Login popup lost its opener (COOP)',
  refs: [{ spec: 'HTML COOP', note: '(browser behaviour; no OAuth section)' }],
  cause: 'Cross-Origin-Opener-Policy on the app or the authorization server pages severs the popup’s opener reference, so the popup cannot report back.',
  fix: 'Use Cross-Origin-Opener-Policy: same-origin-allow-popups on the app, or the redirect flow instead of a popup.',
  messages: {
    openerLost: 'The popup (tab {tabId}, opened by tab {opener}) reached the callback, but {url} sent Cross-Origin-Opener-Policy: {coop}; the opener made no token request and the popup never closed.',
  },
  run(flow, ctx) {
    const cb = flow.callback;
    const event = stepEvent(flow, cb?.step);
    if (!cb || !event) return;
    // Only the popup's own events can name its opener or its closing: scan that tab, once per analysis.
    const shared = eventIndex(ctx.analysis);
    const events = shared.eventsOfTab(event.tabId);
    const opener = shared.memo(`popup-opener-lost/opener/${event.tabId}`, () => openerOf(events, event.tabId));
    if (opener === null) return;
    if (tabRemovedAt(events, event.tabId, event.startTime) !== null) return;
    if (flow.tokens.some((t) => flow.steps[t.step]?.tabId === opener)) return;
    const severing = flow.steps.find((s) => {
      const coop = s.event && s.tabId === event.tabId ? headerValue(s.event.responseHeaders, 'cross-origin-opener-policy') : null;
      return coop !== null && SEVERING.test(coop);
    });
    const coopEvent = severing?.event;
    if (!severing || !coopEvent) return;
    const coop = headerValue(coopEvent.responseHeaders, 'cross-origin-opener-policy') ?? '';
    const index = flow.steps.indexOf(severing);
    ctx.report({
      step: index,
      messageId: 'openerLost',
      data: { tabId: event.tabId, opener, url: urlBase(coopEvent.url) ?? coopEvent.url, coop },
      evidence: [{ label: 'Cross-Origin-Opener-Policy', value: coop, expected: 'same-origin-allow-popups (on the app) or none', step: index }],
    });
  },
});
