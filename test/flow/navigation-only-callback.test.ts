import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { NAVIGATION_ONLY_NOTE } from '../../lib/flow/builder';
import type { NavigationEvent } from '../../lib/model/event';
import { APP, CODE, codeFlow, REDIRECT_URI, STATE } from '../support/events';

// Issue 17 point 5: a callback the capture saw only through webNavigation (it started mid-login,
// or the page came from the back/forward cache) still makes a flow.

const T = 1_700_000_010_000;

function committed(url: string, time = T, tabId = 1): NavigationEvent {
  return { kind: 'navigation', id: `n-${time}`, event: 'committed', tabId, frameId: 0, parentFrameId: -1, url, transitionType: 'link', time };
}

describe('callbacks seen only as a navigation', () => {
  it('a committed navigation to the redirect_uri with code and state is a flow with its callback step', async () => {
    const { flows } = await analyzeEvents([committed(`${REDIRECT_URI}?code=${CODE}&state=${STATE}`)]);
    expect(flows).toHaveLength(1);
    const callback = flows[0]!.steps.find((s) => s.kind === 'callback');
    expect(callback?.url).toBe(`${REDIRECT_URI}?code=${CODE}&state=${STATE}`);
    expect(callback?.note).toBe(NAVIGATION_ONLY_NOTE);
    expect(flows[0]!.callback?.code).toBe(CODE);
  });

  it('an implicit response in the fragment, seen only as a navigation, is read from it', async () => {
    const { flows } = await analyzeEvents([committed(`${REDIRECT_URI}#access_token=at-1&token_type=Bearer&state=${STATE}`)]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.callback).toMatchObject({ location: 'fragment', accessToken: 'at-1', state: STATE });
  });

  it('a navigation whose request was captured adds no second callback', async () => {
    const events = codeFlow();
    const request = events.find((e) => e.kind === 'request' && e.url.startsWith(`${REDIRECT_URI}?`));
    if (request?.kind !== 'request') throw new Error('codeFlow has no callback request');
    const { flows } = await analyzeEvents([...events, committed(request.url, request.startTime + 30)]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.steps.filter((s) => s.kind === 'callback')).toHaveLength(1);
    expect(flows[0]!.steps.some((s) => s.note === NAVIGATION_ONLY_NOTE)).toBe(false);
  });

  it('a navigation whose request was captured with its fragment (implicit, fragment mode) adds no second flow', async () => {
    // The recorder keeps the Location's fragment on the next hop's URL (seen in e2e scenario 13, Chromium 156).
    const events = codeFlow({ authorizeParams: { response_mode: 'fragment' } });
    const request = events.find((e) => e.kind === 'request' && e.url.startsWith(`${REDIRECT_URI}?`));
    if (request?.kind !== 'request') throw new Error('codeFlow has no callback request');
    request.url = request.url.replace('?', '#');
    const { flows } = await analyzeEvents([...events, committed(request.url, request.startTime + 70)]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.steps.some((s) => s.note === NAVIGATION_ONLY_NOTE)).toBe(false);
  });

  it('ordinary navigations (no response parameters) make no flow', async () => {
    const { flows } = await analyzeEvents([committed(`${APP}/dashboard?tab=code`), committed(`${APP}/search?q=error`, T + 50)]);
    expect(flows).toEqual([]);
  });
});
