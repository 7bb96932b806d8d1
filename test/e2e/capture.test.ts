import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { TEST_ACCOUNT } from '../../demo/index';
import type { StepReport } from '../../lib/model/analysis';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { e2eLifecycle, ExtensionSession, expectOnlyFlow, expectNoneEverywhere, stepKinds, formField, type FlowExpectation } from './harness';
import { satisfied } from './run';
import { diffSteps } from '../support/step-match';
import { ANNOUNCED_NOTE } from '../../lib/flow/recovered';

/**
 * Issue 5 in real Chromium: the background service worker captures a login end to end, and a
 * login during which the worker is stopped through the DevTools protocol is still complete
 * afterwards (issue 6 scenario 15). Capture alone: no DevTools, so no response bodies.
 */
const { demos, keep } = e2eLifecycle();

const TIMEOUT = 15_000;
const header = (e: RequestEvent, side: 'requestHeaders' | 'responseHeaders', name: string) =>
  (e[side] ?? []).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

const spaSuccess: FlowExpectation = {
  clientId: 'demo-spa',
  grant: 'authorization_code',
  outcome: 'success',
  steps: ['discovery', 'authorize', 'login', 'callback', 'token', 'userinfo'],
  checks: [],
  absent: ['callback-never-reached', 'token-exchange-not-observable', 'state-mismatch', 'pkce-verifier-mismatch', 'pkce-verifier-missing', 'code-reused', 'unsolicited-callback', 'iss-param-missing'],
  noErrors: true,
};

/** A person on the SPA: open it, press "Log in", sign in and allow on the provider's pages. */
async function spaLogin(page: Page, rpUrl: string, pauses: { onLoginForm?: () => Promise<void>; onConsent?: () => Promise<void> } = {}) {
  await page.goto(`${rpUrl}/spa`);
  await page.locator('#log', { hasText: 'discovered' }).waitFor({ timeout: TIMEOUT });
  await page.click('#spa-login');
  await page.locator('#sign-in').waitFor({ timeout: TIMEOUT });
  await pauses.onLoginForm?.();
  await page.fill('input[name="login"]', TEST_ACCOUNT.email);
  await page.fill('input[name="password"]', TEST_ACCOUNT.password);
  await page.click('#sign-in');
  await page.locator('#allow').waitFor({ timeout: TIMEOUT });
  await pauses.onConsent?.();
  await page.click('#allow');
  await page.locator('#result[data-outcome="success"]').waitFor({ timeout: TIMEOUT });
}

/**
 * Stops every service worker through CDP (docs/architecture.md "Browser behaviour we rely on") and waits until Chromium reports
 * the extension's worker as stopped.
 */
async function stopExtensionWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  const prefix = `chrome-extension://${extensionId}/`;
  const stopped = new Promise<void>((resolve) => {
    const onUpdate = (e: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      if (e.versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('worker not stopped within 10 s')), 10_000))]);
}

describe('capture by the background service worker', () => {
  it('captures a login end to end: every hop, headers with cookies, the token request body', async () => {
    const demo = await demos.get('form');
    const session = keep(await ExtensionSession.launch());
    const page = await session.context.newPage();
    await spaLogin(page, demo.rpUrl);
    const tabId = await session.tabIdOf(page);
    const analysis = await session.settledAnalysis(tabId, (a) => satisfied(a, [spaSuccess]));
    await session.dump('capture-end-to-end', tabId);

    const flow = expectOnlyFlow(analysis, spaSuccess);
    expectNoneEverywhere(analysis);
    // Every step the analysis shows is backed by a captured event of this tab.
    const trace = await session.rawTrace(tabId);
    const byId = new Map(trace.events.map((e) => [e.id, e]));
    for (const step of flow.steps.filter((s) => s.observed)) {
      expect(step.tabId).toBe(tabId);
      expect(byId.has(step.eventId ?? ''), `${step.kind} ${step.url}`).toBe(true);
    }
    const requests = trace.events.filter((e): e is RequestEvent => e.kind === 'request');
    const find = (pred: (e: RequestEvent) => boolean) => requests.find(pred);

    // The redirect chain with each hop's status and Location (code, state and iss of the callback).
    const authorize = find((e) => e.url.startsWith(`${demo.issuer}/auth?`))!;
    expect(authorize.status).toBe(303);
    const callbackHop = find((e) => e.redirectUrl?.startsWith(`${demo.rpUrl}/spa/cb?`) === true)!;
    const location = new URL(header(callbackHop, 'responseHeaders', 'location')[0]!);
    expect(location.searchParams.get('state')).toBe(new URL(authorize.url).searchParams.get('state'));
    expect(location.searchParams.get('iss')).toBe(demo.issuer);
    // The login form POST (the provider's own page) and its cookies (extraHeaders).
    const signIn = find((e) => e.method === 'POST' && e.url.startsWith(`${demo.issuer}/interaction/`))!;
    expect(header(signIn, 'requestHeaders', 'cookie').join(';')).toMatch(/_interaction=/);
    expect(requests.some((e) => header(e, 'responseHeaders', 'set-cookie').some((c) => c.startsWith('_session=')))).toBe(true);
    // The token request from the page: Origin, and its form body.
    const token = find((e) => e.method === 'POST' && e.url === `${demo.issuer}/token`)!;
    expect(token.status).toBe(200);
    expect(header(token, 'requestHeaders', 'origin')).toEqual([demo.rpUrl]);
    expect(formField(token, 'code')).toBe(location.searchParams.get('code'));
    expect(formField(token, 'code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    // UserInfo with the Bearer token (Authorization is visible with extraHeaders).
    const userinfo = find((e) => e.method === 'GET' && e.url === `${demo.issuer}/me`)!;
    expect(header(userinfo, 'requestHeaders', 'authorization')[0]).toMatch(/^Bearer /);
    // Capture alone: no response body in Chrome.
    expect(token.responseBody).toBeUndefined();
    // Ordinary traffic of the app (its scripts) is not kept.
    expect(requests.some((e) => e.url.includes('/static/'))).toBe(false);
  });

  it('15. the service worker stopped twice mid-login (CDP): the flow is still complete afterwards', async () => {
    const demo = await demos.get('form');
    const session = keep(await ExtensionSession.launch());
    const { context, extensionId } = session.chromium!;
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Chromium's own account of the worker: every stop and every (re)start.
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    let tabId = -1;

    /**
     * Chromium stops an idle MV3 worker 30 s after its last event; by then the capture is saved
     * (debounced writes, 250 ms). The test stops it as soon as what the page shows is saved.
     */
    const stopWhenSaved = async (saved: (events: CapturedEvent[]) => boolean) => {
      tabId = await session.tabIdOf(page);
      const deadline = Date.now() + TIMEOUT;
      while (!saved(await session.persistedEvents(tabId))) {
        if (Date.now() > deadline) throw new Error('the capture was not saved to storage.session');
        await new Promise((r) => setTimeout(r, 50));
      }
      await stopExtensionWorker(cdp, extensionId!);
    };
    const done = (events: CapturedEvent[], pred: (e: RequestEvent) => boolean) =>
      events.some((e) => e.kind === 'request' && pred(e) && e.endTime !== undefined);

    await spaLogin(page, demo.rpUrl, {
      // While the person reads the login form, and again on the consent page; the next request
      // (the form POST, then the consent POST) wakes a new instance, which restores the capture.
      onLoginForm: () => stopWhenSaved((ev) => done(ev, (e) => e.method === 'GET' && e.url.startsWith(`${demo.issuer}/interaction/`) && e.status === 200)),
      onConsent: () => stopWhenSaved((ev) => done(ev, (e) => e.method === 'POST' && e.url.startsWith(`${demo.issuer}/interaction/`))),
    });

    const analysis = await session.settledAnalysis(tabId, (a) => satisfied(a, [spaSuccess]));
    await session.dump('service-worker-stopped', tabId);
    // Two stops, each followed by a fresh start (a stopped worker keeps no memory).
    const transitions = statuses.filter((s, i) => s !== statuses[i - 1]);
    expect(transitions.filter((s) => s === 'stopped')).toHaveLength(2);
    expect(transitions.slice(transitions.indexOf('stopped'))).toEqual(expect.arrayContaining(['stopped', 'running']));
    expect(transitions.at(-1)).toBe('running');

    const flow = expectOnlyFlow(analysis, spaSuccess);
    expectNoneEverywhere(analysis);
    // Steps from before the first stop, between the stops and after the second are all there.
    expect(stepKinds(flow).slice(0, 2)).toEqual(['discovery', 'authorize']);
    const posts = flow.steps.filter((s) => s.kind === 'login' && s.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const step of flow.steps.filter((s) => s.observed)) expect(step.status, `${step.kind} ${step.method} ${step.url}`).not.toBeNull();
  });

  /**
   * Issue 17 point 6, measured: a hard stop (CDP) at a random moment while a navigation is under
   * way. What Chromium 156 does, seen with a console line per listener call read over CDP:
   * - an instance stopped after its listeners ran but before it had restored the stored capture
   *   (100–400 ms under load) lost every event of that window: now kept in the inbox
   *   (lib/capture/browser-event.ts) and replayed by the next instance;
   * - the next instance may be handed again events the stopped one had run: one hop, not two
   *   (recorder.ts `delivered`);
   * - the onBeforeRequest events queued for an instance stopped while it was still starting are
   *   never run by any instance, while the next instance gets every later event of the same hops:
   *   those hops are rebuilt from their later events (recorder.ts `rebuildOrphans`, `startLost`);
   * - a hop whose answer never came is answered from the page when it can be: Navigation Timing
   *   for a document, Resource Timing for a fetch (lib/capture/recovery.ts), or, for an earlier hop
   *   of a redirect chain, by the next hop (lib/flow/recovered.ts);
   * - a hop of which no event survived at all is taken from the page when its document or fetch
   *   is listed there (lib/capture/page-only.ts), marked seen by the page only: it counts as kept
   *   only with its kind, URL path and status; it lacks its method, headers and bodies;
   * - when the callback document is seen by the page only, the chain that led to it shows it went
   *   on: its last hop left without an answer was a redirect, and a hop it was reported
   *   redirecting to is added, known only from that redirect (lib/flow/continued.ts);
   * - what stays out of reach (docs/architecture.md "Where the losses happen, measured"): events
   *   Chromium never runs in any instance (in 3 of 50 probed logins, no event of the consent chain
   *   at all) and events a stopping instance runs whose storage.session writes Chromium drops,
   *   when neither a later event nor the page shows their hop (the first or a middle hop of a
   *   redirect chain, e.g. the consent POST: Navigation Timing names none of a navigation's
   *   redirects). So the test
   *   asserts what must always hold (one flow per login, no hop carrying another hop's answer,
   *   recovered ones included, no hop twice) and prints how many logins kept every step, the
   *   answers recovered and by which means, with Chromium's account of the worker at each stop.
   */
  it('twenty worker stops at random moments (0–120 ms after the person continues): no hop corrupted, losses counted', async () => {
    const demo = await demos.get('form');
    const session = keep(await ExtensionSession.launch());
    const { context, extensionId } = session.chromium!;
    const control = await context.newPage();
    const cdp = await context.newCDPSession(control);
    let stops = 0;
    // Chromium's account of the worker: running, or still starting, when the stop comes.
    let status = 'unknown';
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status = v.runningStatus;
    });
    await cdp.send('ServiceWorker.enable');
    const delays: number[] = [];
    const stoppedWhile: string[] = [];
    /** Click, then stop the worker 0–120 ms later while the navigation the click started is under way. */
    const clickThenStop = async (page: Page, selector: string, stop: boolean) => {
      await page.click(selector);
      if (!stop) return;
      const delay = Math.floor(Math.random() * 121);
      delays.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      stoppedWhile.push(status);
      await stopExtensionWorker(cdp, extensionId!);
      stops += 1;
    };
    /** One login in a tab of its own; returns that tab's id (read while the tab's URL is unique). */
    const login = async (stop: boolean) => {
      // A signed-in provider would skip its login form and consent: every login starts signed out.
      await context.clearCookies();
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/spa`);
      await page.locator('#log', { hasText: 'discovered' }).waitFor({ timeout: TIMEOUT });
      await page.click('#spa-login');
      await page.locator('#sign-in').waitFor({ timeout: TIMEOUT });
      const tabId = await session.tabIdOf(page);
      await page.fill('input[name="login"]', TEST_ACCOUNT.email);
      await page.fill('input[name="password"]', TEST_ACCOUNT.password);
      await clickThenStop(page, '#sign-in', stop);
      await page.locator('#allow').waitFor({ timeout: TIMEOUT });
      await clickThenStop(page, '#allow', stop);
      await page.locator('#result[data-outcome="success"]').waitFor({ timeout: TIMEOUT });
      return tabId;
    };
    /**
     * What a login is made of, without the values that change from one login to the next. A step
     * has its answer when webRequest reported it or when it was recovered (lib/flow/recovered.ts):
     * from the page, with its status; from the redirect chain, as a redirect of unknown code (so
     * redirects are compared as such).
     */
    const answerOf = (s: StepReport) =>
      !s.observed ? 'inferred' : s.recovered === 'redirect-chain' || (s.status !== null && s.status >= 300 && s.status < 400) ? 'redirect' : (s.status ?? 'no answer');
    const shape = async (tabId: number) => {
      const analysis = await session.settledAnalysis(tabId, (a) => satisfied(a, [spaSuccess]), 10_000);
      return analysis.flows.map((f) => ({
        client: f.clientId,
        steps: f.steps.map((s) => ({ kind: s.kind, method: s.method, answer: answerOf(s), path: s.observed ? new URL(s.url).pathname : s.url, pageOnly: s.seenByPageOnly === true })),
        recovered: f.steps
          .filter((s) => s.recovered)
          .map((s) => `${s.kind} ${s.method} from ${s.seenByPageOnly ? `${s.recovered} (seen by the page only)` : s.note?.startsWith(ANNOUNCED_NOTE) ? `${s.recovered} (the request known only from the hop before)` : s.recovered}`),
      }));
    };
    type Shape = Awaited<ReturnType<typeof shape>>[number]['steps'][number];
    /** A step as the report names it; ids in paths (interaction, resume) as `:id`, so steps of two logins read alike. */
    const label = (s: Shape) => `${s.kind} ${s.method} ${s.answer} (${s.path.replace(/[A-Za-z0-9_-]{20,}/g, ':id')}${s.pageOnly ? ', seen by the page only' : ''})`;
    /**
     * A step is kept when the flow shows it with its kind, method and answer. A step seen by the
     * page only (lib/flow/page-only.ts) counts when it has the kind, answer and URL path of the
     * login without a stop: it lacks the method (shown as '?'), every header and both bodies,
     * which the page never tells.
     */
    const kept = (got: Shape, want: Shape) => got.kind === want.kind && got.answer === want.answer && (got.pageOnly ? got.path === want.path : got.method === want.method);
    const sameSteps = (got: Shape[], want: Shape[]) => got.length === want.length && got.every((s, i) => kept(s, want[i]!));
    /** The answer each kind of hop of the demo's login gets: a hop holding another's answer breaks this. */
    const expectedStatus = (e: RequestEvent): number | undefined => {
      const path = new URL(e.url).pathname;
      if (e.type !== 'main_frame') return undefined;
      if (e.method === 'POST' || path.startsWith('/auth')) return 303;
      if (path === '/spa/cb' || path.startsWith('/interaction/')) return 200;
      return undefined;
    };

    const baselineTab = await login(false);
    expectOnlyFlow(await session.analysis(baselineTab), spaSuccess);
    const baseline = await shape(baselineTab);
    const stopped: number[] = [];
    for (let i = 0; i < 10; i++) stopped.push(await login(true));
    expect(stops).toBe(20);
    const incomplete: string[] = [];
    let lost = 0;
    const recovered: string[] = [];
    for (const [i, tabId] of stopped.entries()) {
      const got = await shape(tabId);
      recovered.push(...got.flatMap((f) => f.recovered));
      const trace = await session.rawTrace(tabId);
      const hops = trace.events.filter((e): e is RequestEvent => e.kind === 'request');
      const name = `login ${i + 1} (stops ${delays[2 * i]} ms and ${delays[2 * i + 1]} ms after the click, worker ${stoppedWhile[2 * i]} and ${stoppedWhile[2 * i + 1]})`;
      expect(got.map((f) => f.client), name).toEqual(['demo-spa']);
      expect(new Set(hops.map((h) => h.id)).size, `${name}: one event per hop`).toBe(hops.length);
      expect(new Set(hops.map((h) => `${h.requestId} ${h.url} ${h.startTime}`)).size, `${name}: no hop twice`).toBe(hops.length);
      for (const hop of hops) {
        const want = expectedStatus(hop);
        if (hop.status !== undefined && want !== undefined) expect(hop.status, `${name}: ${hop.method} ${hop.url}`).toBe(want);
        // A recovered answer is the hop's own too: never another hop's.
        if (hop.recovered && want !== undefined) expect(hop.recovered.status, `${name}: recovered ${hop.method} ${hop.url}`).toBe(want);
        if (hop.recovered && hop.status !== undefined) expect(hop.recovered.status, `${name}: recovered and reported ${hop.method} ${hop.url}`).toBe(hop.status);
      }
      if (got.length !== baseline.length || !got.every((f, n) => sameSteps(f.steps, baseline[n]!.steps))) {
        // Matched in order, one step for one step: a lost second login POST is not hidden by the first.
        const { missing, extra } = diffSteps(baseline[0]!.steps, got[0]!.steps, kept);
        lost += missing.length;
        const more = extra.length ? `; in their place ${extra.map(label).join(', ')}` : '';
        incomplete.push(`${name}: ${missing.length} step(s) lost (${missing.map(label).join(', ')})${more}`);
        await session.dump(`worker-stops-login-${i + 1}`, tabId);
      }
    }
    const starting = stoppedWhile.filter((s) => s !== 'running').length;
    const counts = new Map<string, number>();
    for (const r of recovered) counts.set(r.slice(r.indexOf(' from ') + 6), (counts.get(r.slice(r.indexOf(' from ') + 6)) ?? 0) + 1);
    const bySource = [...counts].map(([from, n]) => `${n} from ${from}`);
    console.log(
      `worker stops: ${10 - incomplete.length} of 10 logins kept every step after 20 stops, ${lost} step(s) lost in all (${starting} of them hit a worker still starting; answers recovered: ${bySource.join(', ') || 'none'})${incomplete.length ? `; ${incomplete.join('; ')}` : ''}`,
    );
  });
});
