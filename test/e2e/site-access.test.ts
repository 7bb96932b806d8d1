import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../lib/model/analysis';
import { e2eLifecycle, ExtensionSession, scenario } from './harness';

/**
 * Issue 16: site access limited to the demo's sites. The demo's provider and app both run on
 * 127.0.0.1 (site patterns cover every port of a host), so "the demo's sites" is one grant,
 * http://127.0.0.1 — made on the options page with real clicks, as a user would. The third site
 * is another local server reached as http://localhost:PORT: a login-shaped redirect there is
 * captured while OAuth Lens may watch all sites, and not at all once access is limited.
 */
const { demos, keep } = e2eLifecycle();

let third: { server: Server; origin: string } | null = null;
afterAll(async () => {
  await new Promise<void>((resolve) => (third ? third.server.close(() => resolve()) : resolve()));
});

/** A site outside the demo: /authorize answers with a redirect to its own /cb, like a login. */
async function startThirdSite(): Promise<string> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '/cb', `http://${req.headers.host}`);
      back.searchParams.set('code', 'third-site-code');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>third site</title><p id="done">signed in</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('third site has no port');
  const origin = `http://localhost:${address.port}`;
  third = { server, origin };
  return origin;
}

/** Opens the third site's login in a new tab; returns the tab id. */
async function thirdSiteLogin(session: ExtensionSession, origin: string, state: string): Promise<number> {
  const page = await session.driver.newPage();
  const cb = `${origin}/cb`;
  await page.goto(`${origin}/authorize?response_type=code&client_id=third&redirect_uri=${encodeURIComponent(cb)}&state=${state}`);
  await page.waitForAny([{ selector: '#done' }]);
  return session.tabIdOf(page);
}

/** The demo login's steps as kind, method, status and address without query: what a complete capture must show. */
const hops = (a: AnalysisReport) =>
  a.flows.find((f) => f.clientId === 'demo-web')?.steps.map((s) => `${s.kind} ${s.method} ${String(s.status)} ${s.url.split(/[?#]/)[0]}`);

const hasFlow = (clientId: string) => (a: AnalysisReport) => a.flows.some((f) => f.clientId === clientId && f.steps.some((s) => s.kind === 'callback'));

describe('site access', () => {
  it('limited to the demo sites: the demo logins are still captured, nothing on a third site', async () => {
    const demo = await demos.get('auto');
    const origin = await startThirdSite();
    const session = keep(await ExtensionSession.launch());

    // All sites (what the launcher chose on the options page): both logins are captured.
    const demoPage = await scenario('confidential-success').run(session.driver, demo);
    const allSitesTab = await session.tabIdOf(demoPage);
    expect(await session.hopsAnswered(allSitesTab)).toBe(true);
    const allSites = await session.settledAnalysis(allSitesTab, hasFlow('demo-web'));
    // The second demo login ends on the same address: one tab per address for tabIdOf.
    await demoPage.close();
    const thirdTab = await thirdSiteLogin(session, origin, 'first');
    await session.settledAnalysis(thirdTab, hasFlow('third'));

    // "Only on these sites", then allow the identity provider of the captured demo login.
    const options = await session.driver.openExtensionPage('options.html');
    await options.click('#access-only');
    await options.waitForAny([{ selector: 'main[data-access="only"]' }]);
    const issuer = new URL(demo.issuer).origin;
    await options.click(`button[aria-label="Allow ${issuer}"]`);
    await options.waitForAny([{ selector: 'li[data-pattern="http://127.0.0.1/*"]' }]);
    const granted = await options.evaluate(async () => {
      type Api = { permissions: { getAll(): Promise<{ origins?: string[] }> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (await (g.browser ?? g.chrome)!.permissions.getAll()).origins;
    }, null);
    expect(granted).toEqual(['http://127.0.0.1/*']);
    // The third site is offered too, but not allowed.
    expect(await options.textOf('main')).toContain(origin);
    await options.close();

    // The third site first, then a demo login: once the later login is captured, anything the
    // third site could have caused has been handled too (events are applied in order).
    // The demo login starts in a fresh tab of the app, right after the switch: every hop the
    // all-sites capture had is there again, with its answer — but the sign-in pages, which the
    // provider skips now that it remembers the session.
    const thirdAgain = await thirdSiteLogin(session, origin, 'second');
    const demoAgain = await session.tabIdOf(await scenario('confidential-success').run(session.driver, demo));
    expect(await session.hopsAnswered(demoAgain)).toBe(true);
    const analysis = await session.settledAnalysis(demoAgain, hasFlow('demo-web'));
    expect(analysis.flows.find((f) => f.clientId === 'demo-web')?.outcome).toBe('success');
    const signIn = (hop: string) => hop.startsWith('login ');
    expect(hops(allSites)?.filter(signIn).length).toBeGreaterThan(0);
    expect(hops(analysis)).toEqual(hops(allSites)?.filter((hop) => !signIn(hop)));
    expect((await session.rawTrace(thirdAgain)).events).toEqual([]);
    expect((await session.analysis(thirdAgain)).flows).toEqual([]);
    // The first capture of the third site is still there: limiting access drops nothing already seen.
    expect((await session.analysis(thirdTab)).flows.length).toBeGreaterThan(0);
  });
});
