import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { methodAfterRedirect, withContinuedChains } from '../../lib/flow/continued';
import { ANNOUNCED_NOTE, CONTINUED_NOTE } from '../../lib/flow/recovered';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { AS, REDIRECT_URI, codeFlow } from '../support/events';

// Issue 17 point 6: a worker stopped at the wrong moment can cost the last hops of a redirect
// chain while the page still lists the document the navigation ended in (seen by the page only).
// What the browser did report then shows that the chain went on (lib/flow/continued.ts).

const T = 1_700_000_000_000;
const RESUME = `${AS}/authorize/abc`;
const isRequest = (e: CapturedEvent): e is RequestEvent => e.kind === 'request';
const isCallback = (e: CapturedEvent) => isRequest(e) && e.url.startsWith(`${REDIRECT_URI}?`);

/** The demo-like login: sign-in POST 303 → resume GET → callback document 200, token call in the page. */
const login = () => codeFlow({ exchange: 'browser', startTime: T }).map((e) => structuredClone(e));

/** The callback document as the page lists it: its navigation began at the sign-in click, its own fetch after the redirects. */
function pageOnlyCallback(reported: RequestEvent, navigationStart = T + 1_990): RequestEvent {
  return {
    kind: 'request',
    id: 'page:0.n.1.x.0',
    requestId: 'page:0.n.1.x',
    tabId: reported.tabId,
    frameId: 0,
    parentFrameId: -1,
    type: 'main_frame',
    method: '',
    url: reported.url,
    startTime: reported.startTime,
    recovered: { from: 'navigation-timing', status: 200, at: reported.startTime + 10, navigationStart },
    seenByPageOnly: true,
  };
}

/** The login with the resume hop and the callback hop lost to the browser: the sign-in POST's redirect survived. */
function resumeAndCallbackLost(navigationStart?: number): CapturedEvent[] {
  const events = login();
  const callback = events.find(isCallback) as RequestEvent;
  return [...events.filter((e) => !isCallback(e) && !(isRequest(e) && e.url === RESUME)), pageOnlyCallback(callback, navigationStart)];
}

/** The login with the resume hop's answer and the callback hop lost: the resume hop began, nothing more. */
function resumeAnswerAndCallbackLost(): CapturedEvent[] {
  const events = login();
  const callback = events.find(isCallback) as RequestEvent;
  return [
    ...events
      .filter((e) => !isCallback(e))
      .map((e) => {
        if (!isRequest(e) || e.url !== RESUME) return e;
        const { status: _s, redirectUrl: _r, endTime: _e, responseHeaders: _h, statusText: _t, ...begun } = e;
        return begun;
      }),
    pageOnlyCallback(callback),
  ];
}

const stepsOf = async (events: CapturedEvent[]) => {
  const { report } = await analyzeEvents(events);
  expect(report.flows).toHaveLength(1);
  return report.flows[0]!.steps;
};
const shape = (steps: Awaited<ReturnType<typeof stepsOf>>) => steps.map((s) => `${s.kind} ${s.method} ${s.recovered === 'redirect-chain' ? '3xx' : s.status}`);

describe('redirect chains the page shows went on', () => {
  it('a hop the sign-in POST was reported redirecting to is added, GET after a 303, answered by a redirect: the same steps as the whole login', async () => {
    const whole = shape(await stepsOf(login())).map((s) => s.replace(/ 30[23]$/, ' 3xx'));
    const steps = await stepsOf(resumeAndCallbackLost());
    expect(shape(steps).map((s) => s.replace(/ 30[23]$/, ' 3xx').replace('callback ? ', 'callback GET '))).toEqual(whole);
    const resume = steps.find((s) => s.url === RESUME)!;
    expect(resume).toMatchObject({ method: 'GET', status: null, recovered: 'redirect-chain', note: ANNOUNCED_NOTE });
    expect(resume.seenByPageOnly).toBeUndefined();
  });

  it('a hop that began but whose answer was lost is answered by a redirect when the navigation went on to another document', async () => {
    const steps = await stepsOf(resumeAnswerAndCallbackLost());
    const resume = steps.find((s) => s.url === RESUME)!;
    expect(resume).toMatchObject({ method: 'GET', status: null, recovered: 'redirect-chain', note: CONTINUED_NOTE });
  });

  it('changes nothing without a document seen by the page only, or when the navigation began after the chain', () => {
    const events = login();
    expect(withContinuedChains(events)).toEqual(events);
    const later = resumeAndCallbackLost(T + 3_000);
    expect(withContinuedChains(later)).toEqual(later);
  });

  it('adds nothing when the redirect leads to the document itself, to another scheme, or the hop is already there', () => {
    const events = resumeAndCallbackLost();
    const post = events.find((e) => isRequest(e) && e.method === 'POST' && e.url.endsWith('/login')) as RequestEvent;
    const callback = events.find(isCallback) as RequestEvent;
    const retarget = (to: string) => events.map((e) => (e === post ? { ...post, redirectUrl: to, responseHeaders: [{ name: 'Location', value: to }] } : e));
    for (const variant of [retarget(callback.url), retarget('com.example.app:/cb?code=1')]) expect(withContinuedChains(variant)).toEqual(variant);
    // The resume hop reported after all (begun, answer lost): marked, nothing added.
    const { status: _s, redirectUrl: _r, endTime: _e, responseHeaders: _h, ...begun } = post;
    const withResume = [...events, { ...begun, id: `${post.requestId}.1`, url: RESUME, method: 'GET', startTime: post.startTime + 10 }];
    const read = withContinuedChains(withResume);
    expect(read.length).toBe(withResume.length);
    expect(read.filter((e) => isRequest(e) && e.redirectedOn).map((e) => (e as RequestEvent).url)).toEqual([RESUME]);
  });

  it('never marks a hop of another tab or frame, or one answered', () => {
    const events = resumeAnswerAndCallbackLost().map((e) => (isRequest(e) && e.seenByPageOnly ? { ...e, frameId: 3 } : e));
    expect(withContinuedChains(events)).toEqual(events);
  });

  it('the method of the request a redirect leads to (Fetch)', () => {
    expect(methodAfterRedirect('POST', 303)).toBe('GET');
    expect(methodAfterRedirect('HEAD', 303)).toBe('HEAD');
    expect(methodAfterRedirect('POST', 302)).toBe('GET');
    expect(methodAfterRedirect('PUT', 301)).toBe('PUT');
    expect(methodAfterRedirect('POST', 307)).toBe('POST');
    expect(methodAfterRedirect('post', 308)).toBe('POST');
    expect(methodAfterRedirect('', 303)).toBeNull();
    expect(methodAfterRedirect('GET', 300)).toBeNull();
  });
});
