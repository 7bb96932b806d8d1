import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT } from '../../demo/index';
import { NAVIGATION_ONLY_NOTE } from '../../lib/flow/builder';
import { waitFor } from '../support/driver';
import { e2eLifecycle, ExtensionSession } from './harness';

/**
 * Issue 17 point 5: capture that starts in the middle of a login (DevTools closed). The tab's
 * capture is paused, as the toolbar popup's Pause does, while the app sends the browser to the
 * provider; it is resumed on the provider's sign-in page, and the person signs in from there.
 * The authorization request was never seen: the callback alone must still make a flow.
 *
 * In Chromium 156 the callback is still seen as a request here: it ends the redirect chain that
 * the sign-in form's POST starts after the resume (recorder.ts keeps a chain that reaches a
 * callback). A callback seen only as a navigation (no request at all: a back/forward-cache
 * restore, or a capture resumed while the callback's own request was in flight) has no honest
 * trigger in the demo; test/flow/navigation-only-callback.test.ts covers that path.
 */
const { demos, keep } = e2eLifecycle();

describe('capture started mid-login', () => {
  it('resumed on the sign-in page: one flow, with the callback the app received', async () => {
    const demo = await demos.get('form');
    const session = keep(await ExtensionSession.launch());
    const page = await session.driver.newPage();
    await page.goto(`${demo.rpUrl}/`);
    const tabId = await session.tabIdOf(page);
    await session.setPaused(tabId, true);
    await page.goto(`${demo.rpUrl}/login/web`);
    await waitFor(page, { selector: '#sign-in' });
    await session.setPaused(tabId, false);

    await page.fill('input[name="login"]', TEST_ACCOUNT.email);
    await page.fill('input[name="password"]', TEST_ACCOUNT.password);
    await page.click('#sign-in');
    if ((await page.waitForAny([{ selector: '#allow' }, { selector: 'body', hasText: 'Hello Alice Example' }])) === 0) await page.click('#allow');
    await waitFor(page, { selector: 'body', hasText: 'Hello Alice Example' });

    const hasCallback = (a: Awaited<ReturnType<typeof session.analysis>>) => a.flows.some((f) => f.steps.some((s) => s.kind === 'callback'));
    const analysis = await session.settledAnalysis(tabId, hasCallback);
    await session.dump('mid-login', tabId);
    expect(analysis.flows).toHaveLength(1);
    const flow = analysis.flows[0]!;
    // Nothing of the authorization request was captured: paused until the sign-in page.
    expect(flow.steps.some((s) => s.kind === 'authorize')).toBe(false);
    const callbacks = flow.steps.filter((s) => s.kind === 'callback');
    expect(callbacks).toHaveLength(1);
    const callback = new URL(callbacks[0]!.url);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${demo.rpUrl}/cb/web`);
    expect(callback.searchParams.get('code')).toBeTruthy();
    console.log(`mid-login callback seen ${callbacks[0]!.note === NAVIGATION_ONLY_NOTE ? 'only as a navigation' : 'as a request'}; steps: ${flow.steps.map((s) => s.kind).join(', ')}`);
  });
});
