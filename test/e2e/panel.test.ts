import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../demo/index';
import { waitFor, type DriverPage } from '../support/driver';
import { BROWSER, dropExtensionSnapshot, ExtensionSession, scenario } from './harness';

/**
 * The panel in the real browser against the real provider: each scenario runs in a tab, then the
 * panel page opens as `devtools-panel.html?tabId=N` and must show the flow, its outcome and the
 * findings that explain it. Screenshots go to test-results/panel-e2e[-firefox]/ (look at them).
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', BROWSER === 'firefox' ? 'panel-e2e-firefox' : 'panel-e2e');

interface Expectation {
  scenario: string;
  clientId: string;
  outcome: 'success' | 'failed';
  checks: string[];
}

const CASES: Expectation[] = [
  { scenario: 'confidential-success', clientId: 'demo-web', outcome: 'success', checks: ['token-exchange-not-observable'] },
  { scenario: 'forged-state', clientId: 'demo-web', outcome: 'failed', checks: ['state-mismatch'] },
  { scenario: 'wrong-redirect-uri', clientId: 'demo-web', outcome: 'failed', checks: ['callback-never-reached'] },
  // redirect-uri-not-registered-hint needs the error page's body, which only DevTools (getContent) can read.
  { scenario: 'pkce-mismatch', clientId: 'demo-spa', outcome: 'failed', checks: ['pkce-verifier-mismatch', 'token-request-failed'] },
];

let session: ExtensionSession;
let demo: Demo;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({ interaction: 'auto' });
  session = await ExtensionSession.launch();
  // Right after launch the capture sometimes misses the first navigation (reported to the
  // capture owner); one warm-up page keeps this test about the panel.
  const warm = await session.driver.newPage();
  await warm.goto(demo.rpUrl);
  await session.tabIdOf(warm);
  await warm.close();
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
  await dropExtensionSnapshot();
});

/** The row of the flow of `clientId`: its class and aria-selected, null while absent. */
const rowOf = (panel: DriverPage, clientId: string) =>
  panel.evaluate((id) => {
    const row = Array.from(document.querySelectorAll('.ol-flow-row')).find((r) => r.textContent?.includes(id));
    return row ? { className: row.className, selected: row.getAttribute('aria-selected'), steps: document.querySelectorAll('.ol-step-row').length } : null;
  }, clientId);
const findingIds = (panel: DriverPage) => panel.evaluate(() => Array.from(document.querySelectorAll('.ol-finding-meta .ol-mono')).map((e) => e.textContent ?? ''), null);

describe('devtools panel against the real provider', () => {
  for (const c of CASES) {
    it(`${c.scenario}: shows the ${c.outcome} flow and ${c.checks.join(', ')}`, async () => {
      const page = await scenario(c.scenario).run(session.driver, demo);
      const tabId = await session.tabIdOf(page);
      const panel = await session.driver.openExtensionPage(`devtools-panel.html?tabId=${tabId}`);
      await panel.setViewport(1280, 800);
      await expect.poll(async () => (await rowOf(panel, c.clientId))?.className ?? '', { timeout: 10_000 }).toContain(`ol-outcome-${c.outcome}`);
      // A failing flow is selected by itself; a successful one is picked like a user would.
      if (c.outcome === 'failed') expect((await rowOf(panel, c.clientId))?.selected).toBe('true');
      else await panel.click('.ol-flow-row');
      for (const check of c.checks) await expect.poll(() => findingIds(panel), { timeout: 10_000 }).toContain(check);
      // Steps render, and a failing flow names where it failed.
      expect((await rowOf(panel, c.clientId))?.steps).toBeGreaterThan(1);
      if (c.outcome === 'failed') await waitFor(panel, { selector: '.ol-summary', hasText: 'Failed at step ' });
      await panel.screenshot(join(SHOTS, `${c.scenario}.png`));
      await panel.close();
      await page.close();
    });
  }
});
