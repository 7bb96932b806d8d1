import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../demo/index';
import { axeViolations, describeViolations } from '../support/axe';
import { dropExtensionSnapshot, ExtensionSession, scenario } from './harness';

/**
 * axe-core (WCAG 2.0/2.1 A and AA, plus one-main / heading-one / region) in real Chromium on every
 * page of the extension, light and dark: the panel page on a failing login against the real demo
 * provider, the viewer empty, with a recorded error trace and in Diff mode, the check catalog, the
 * toolbar popup (popup.html?tabId=N) on that tab, the welcome page, and the options page (all sites;
 * only these sites, with the tab's sites offered).
 * Screenshots of what was checked go to test-results/accessibility/.
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'accessibility');
const HAR_DIR = join(import.meta.dirname, '..', 'fixtures', 'har');
const IMPORT = 'input[aria-label="Import a trace or HAR file"]';

let session: ExtensionSession;
let demo: Demo;
let failingTab: number;
const counts: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({ interaction: 'auto' });
  session = await ExtensionSession.launch();
  const page = await scenario('forged-state').run(session.driver, demo);
  failingTab = await session.tabIdOf(page);
  await session.settledAnalysis(failingTab, (a) => a.flows.some((f) => f.outcome === 'failed'));
});

afterAll(async () => {
  if (counts.length) console.log(`axe violations per page and theme:\n  ${counts.join('\n  ')}`);
  await session?.close();
  await demo?.close();
  await dropExtensionSnapshot();
});

type Theme = 'light' | 'dark';

interface PageCase {
  name: string;
  /** Opens the page (already in the colour scheme) and waits until it shows what is checked. */
  open(page: Page, url: (path: string) => string): Promise<void>;
}

const PAGES: PageCase[] = [
  {
    name: 'panel, failing flow',
    async open(page, url) {
      await page.goto(url(`devtools-panel.html?tabId=${failingTab}`));
      await page.locator('.ol-flow-row.ol-outcome-failed').first().waitFor();
      await page.locator('.ol-finding-meta', { hasText: 'state-mismatch' }).first().waitFor();
    },
  },
  {
    name: 'viewer, empty',
    async open(page, url) {
      await page.goto(url('viewer.html'));
      await page.getByText('Open an OAuth Lens trace').waitFor();
    },
  },
  {
    name: 'viewer, error trace',
    async open(page, url) {
      await page.goto(url('viewer.html'));
      await page.setInputFiles(IMPORT, join(HAR_DIR, 'forged-state.har'));
      await page.locator('.ol-finding-meta', { hasText: 'state-mismatch' }).first().waitFor();
    },
  },
  {
    name: 'viewer, diff',
    async open(page, url) {
      await page.goto(url('viewer.html'));
      await page.getByRole('tab', { name: 'Diff' }).click();
      await page.setInputFiles('input[aria-label="Working trace file"]', join(HAR_DIR, 'confidential-success.har'));
      await page.setInputFiles('input[aria-label="Failing trace file"]', join(HAR_DIR, 'forged-state.har'));
      await page.locator('.ol-diff-result').first().waitFor();
    },
  },
  {
    name: 'options, all sites',
    async open(page, url) {
      await page.goto(url(`options.html?tabId=${failingTab}`));
      await page.locator('main[data-access="all"]').waitFor();
    },
  },
  {
    // Last of the extension pages that need capture: it takes the all-sites grant away.
    name: 'options, only these sites',
    async open(page, url) {
      await page.goto(url(`options.html?tabId=${failingTab}`));
      await page.locator('main[data-access]').waitFor();
      await page.click('#access-only');
      await page.locator('#allow-tab-sites').waitFor();
    },
  },
  {
    name: 'catalog',
    async open(page, url) {
      await page.goto(url('catalog.html'));
      await page.locator('#state-mismatch').waitFor();
    },
  },
  {
    name: 'popup, failing flow',
    async open(page, url) {
      await page.goto(url(`popup.html?tabId=${failingTab}`));
      await page.locator('.ol-popup-row.ol-outcome-failed').first().waitFor();
    },
  },
  {
    name: 'welcome',
    async open(page, url) {
      await page.goto(url('welcome.html'));
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
];

describe('axe-core on every extension page, light and dark', () => {
  for (const c of PAGES) {
    for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
      it(`${c.name} (${theme}): 0 violations`, async () => {
        const page = await session.context.newPage();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.emulateMedia({ colorScheme: theme });
        await c.open(page, (path) => session.driver.extensionUrl(path));
        const violations = await axeViolations(page);
        counts.push(`${c.name} (${theme}): ${violations.reduce((n, v) => n + v.nodes.length, 0)} nodes in ${violations.length} rules`);
        await page.screenshot({ path: join(SHOTS, `${c.name.replace(/\W+/g, '-')}-${theme}.png`) });
        await page.close();
        expect(describeViolations(violations)).toEqual([]);
      });
    }
  }
});
