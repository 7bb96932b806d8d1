import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { recoveredNote, withRecoveredAnswers } from '../../lib/flow/recovered';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { eventsFromOAuthLensHar } from '../../lib/trace/har-restore';
import { toHar } from '../../lib/trace/har-export';
import { toMarkdown } from '../../lib/trace/markdown';
import { codeFlow, REDIRECT_URI } from '../support/events';

// Issue 17 point 6: answers Chromium never reported around a worker stop, recovered from the page
// (lib/capture/recovery.ts) or implied by the redirect chain, are used and said to be recovered.

/** The login with the browser-side exchange, the callback's answer lost (as after a worker stop). */
function lostCallback(recovered?: RequestEvent['recovered']): { events: CapturedEvent[]; callback: RequestEvent } {
  const events = codeFlow({ exchange: 'browser' }).map((e) => structuredClone(e));
  const callback = events.find((e): e is RequestEvent => e.kind === 'request' && e.url.startsWith(`${REDIRECT_URI}?`))!;
  delete callback.status;
  delete callback.endTime;
  delete callback.responseHeaders;
  if (recovered) callback.recovered = recovered;
  return { events, callback };
}

const stepOf = async (events: CapturedEvent[], kind: string) => (await analyzeEvents(events)).report.flows[0]!.steps.find((s) => s.kind === kind)!;

describe('recovered answers in the analysis', () => {
  it('a callback answered only by Navigation Timing has that status, marked recovered with a note', async () => {
    const { events, callback } = lostCallback({ from: 'navigation-timing', status: 200, at: 1 });
    const step = await stepOf(events, 'callback');
    expect(step).toMatchObject({ status: 200, recovered: 'navigation-timing', note: recoveredNote('navigation-timing') });
    // The stored event is left as captured: the view copies.
    expect(callback.status).toBeUndefined();
  });

  it('without the recovered answer the same callback has no status and no mark', async () => {
    const step = await stepOf(lostCallback().events, 'callback');
    expect(step.status).toBeNull();
    expect(step.recovered).toBeUndefined();
  });

  it("the hop's own answer wins over a recovered one, and the step is not marked", async () => {
    const { events, callback } = lostCallback({ from: 'navigation-timing', status: 500, at: 1 });
    callback.status = 200;
    const step = await stepOf(events, 'callback');
    expect(step.status).toBe(200);
    expect(step.recovered).toBeUndefined();
    expect(step.note).toBeUndefined();
    expect(withRecoveredAnswers(events).some((e) => e.kind === 'request' && e.recovered)).toBe(false);
  });

  it('a hop whose answer was lost but whose chain goes on is a redirect recovered from the chain: no status invented', async () => {
    const events = codeFlow({ exchange: 'browser' }).map((e) => structuredClone(e));
    const authorize = events.find((e): e is RequestEvent => e.kind === 'request' && e.url.includes('response_type=code'))!;
    delete authorize.status;
    delete authorize.endTime;
    delete authorize.redirectUrl;
    delete authorize.responseHeaders;
    const step = await stepOf(events, 'authorize');
    expect(step).toMatchObject({ status: null, recovered: 'redirect-chain', note: recoveredNote('redirect-chain') });
    // The last hop of a chain without its answer is not a redirect.
    const { events: lost } = lostCallback();
    expect((await stepOf(lost, 'callback')).recovered).toBeUndefined();
  });

  it('a hop rebuilt from its later events (its start lost) says so, whatever its answer', async () => {
    const { events, callback } = lostCallback();
    callback.status = 200;
    callback.startLost = true;
    const step = await stepOf(events, 'callback');
    expect(step).toMatchObject({ status: 200, recovered: 'later-events', note: recoveredNote('later-events') });
    callback.recovered = { from: 'navigation-timing', status: 200, at: 1 };
    delete callback.status;
    const both = await stepOf(events, 'callback');
    expect(both.recovered).toBe('navigation-timing');
    expect(both.note).toBe(`${recoveredNote('navigation-timing')}; ${recoveredNote('later-events')}`);
  });

  it('is kept in the HAR export (status shown, recovered kept apart) and in the Markdown summary', async () => {
    const { events, callback } = lostCallback({ from: 'navigation-timing', status: 200, at: 1 });
    callback.startLost = true;
    const har = toHar(events);
    const entry = har.log.entries.find((e) => e.request.url.startsWith(`${REDIRECT_URI}?`))!;
    expect(entry.response.status).toBe(200);
    expect(entry._oauthLens.recovered).toEqual({ from: 'navigation-timing', status: 200, at: 1 });
    const back = eventsFromOAuthLensHar(JSON.parse(JSON.stringify(har)))!;
    const restored = back.find((e): e is RequestEvent => e.kind === 'request' && e.url.startsWith(`${REDIRECT_URI}?`))!;
    expect(restored.status).toBeUndefined();
    expect(restored.recovered).toEqual({ from: 'navigation-timing', status: 200, at: 1 });
    expect(restored.startLost).toBe(true);
    const markdown = toMarkdown((await analyzeEvents(events)).report);
    expect(markdown).toContain('| 200 \\(recovered from navigation-timing\\) |');
  });
});
