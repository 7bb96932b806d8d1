import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../demo/index';
import { TraceV1Schema } from '../../lib/model/trace';
import { dropExtensionSnapshot, ExtensionSession } from './harness';
import type { RequestEvent } from '../../lib/model/event';

/**
 * Accessibility paths of the panel page. The keyboard alone, in real Chromium, on two logins captured from the real
 * demo provider in one tab (one that works, then one whose callback state was rewritten). Only
 * Playwright's keyboard drives it — no mouse, no element.click(): reach the flow list with Tab,
 * pick a flow, walk its steps, open a finding, jump to its step, follow its spec link (answered
 * by a route here: no request leaves the machine), export a redacted trace. Each focus stop must
 * show a focus indicator; screenshots of them go to test-results/keyboard/ (look at them).
 * Then the polite live region: a failing login made while the panel is open is announced once.
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'keyboard');
const SPEC_HREF = 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12';

let session: ExtensionSession;
let demo: Demo;
let tabId: number;
/** The tab where the logins ran. */
let app: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({ interaction: 'auto' });
  session = await ExtensionSession.launch();
  app = await session.context.newPage();
  await login(app, 'web');
  await login(app, 'forged-state');
  tabId = await session.tabIdOf(app);
  const analysis = await session.settledAnalysis(tabId, (a) => a.flows.length === 2 && a.flows.some((f) => f.findings.some((x) => x.check === 'state-mismatch')));
  expect(analysis.flows.map((f) => f.outcome).sort()).toEqual(['failed', 'success']);
}, 120_000);

async function login(page: Page, which: 'web' | 'forged-state'): Promise<void> {
  await page.goto(`${demo.rpUrl}/login/${which}`);
  await page.getByText(which === 'web' ? 'Hello Alice Example' : 'state mismatch').first().waitFor();
}

afterAll(async () => {
  await session?.close();
  await demo?.close();
  await dropExtensionSnapshot();
});

/** What has keyboard focus: its role, name and, for a list, the option it points at; plus whether a focus indicator shows. */
interface Focused {
  tag: string;
  role: string | null;
  name: string;
  /** The option a listbox's aria-activedescendant names (its text), else null. */
  option: string | null;
  href: string | null;
  /** An outline or box-shadow on the element or its active option (a text field: or its box). */
  indicator: boolean;
}

function focusedInPage(): Focused {
  const el = document.activeElement as HTMLElement | null;
  const shows = (e: Element | null) => {
    if (!e) return false;
    const s = getComputedStyle(e);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
  };
  if (!el || el === document.body) return { tag: 'body', role: null, name: '', option: null, href: null, indicator: false };
  const active = el.getAttribute('aria-activedescendant');
  const option = active ? document.getElementById(active) : null;
  return {
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    name: (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
    option: option ? (option.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
    href: el instanceof HTMLAnchorElement ? el.href : null,
    // The filter box draws the ring around its input; nothing else may borrow its parent's.
    indicator: shows(el) || shows(option) || (el.tagName === 'INPUT' && el.parentElement?.matches(':focus-within') === true && shows(el.parentElement)),
  };
}

const focused = (page: Page) => page.evaluate(focusedInPage);

/** Focus moved by the app (after a render) rather than by the browser: asks until it matches. */
async function focusOn(page: Page, matches: (f: Focused) => boolean, what: string): Promise<Focused> {
  let last = await focused(page);
  await expect.poll(async () => matches((last = await focused(page))), { message: `focus should be on ${what}`, timeout: 3_000 }).toBe(true);
  return last;
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focused element matches, at most `limit` times; returns the
 * stops on the way (the last one included). Each stop must show a focus indicator.
 */
async function tabTo(page: Page, matches: (f: Focused) => boolean, key = 'Tab', limit = 30): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    stops.push(f);
    expect(f.indicator, `focus indicator on ${f.tag} "${f.name}"`).toBe(true);
    if (matches(f)) return stops;
  }
  throw new Error(`${key} ×${limit} did not reach the element; stops: ${stops.map((s) => `${s.role ?? s.tag} "${s.name}"`).join(' → ')}`);
}

const isList = (label: string) => (f: Focused) => f.role === 'listbox' && f.name.startsWith(label);
const selectedStep = (page: Page) => page.locator('.ol-step-row[aria-selected="true"]').innerText();

describe('the panel with the keyboard alone', () => {
  it('pick a flow, walk its steps, open a finding, jump to its step, follow the spec link, export', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(session.driver.extensionUrl(`devtools-panel.html?tabId=${tabId}`));
    await page.locator('.ol-finding-meta', { hasText: 'state-mismatch' }).first().waitFor();

    // Tab order: the toolbar, then the flow list, then the timeline, then the details.
    const toFlows = await tabTo(page, isList('Flows'));
    const names = toFlows.map((f) => f.name);
    expect(names.indexOf('Export')).toBeGreaterThan(names.indexOf('Filter flows (press / to focus)'));
    expect(names.indexOf('Export')).toBeLessThan(names.length - 1);
    // The failing flow (newest) is selected by itself.
    expect(toFlows.at(-1)!.option).toContain('demo-web');
    expect(await page.locator('.ol-flow-row[aria-selected="true"]').getAttribute('class')).toContain('ol-outcome-failed');
    await page.screenshot({ path: join(SHOTS, '1-flow-list.png') });

    // Pick a flow: the working login below, then back to the failing one; Enter moves into its steps.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.ol-flow-row[aria-selected="true"]').getAttribute('class')).toContain('ol-outcome-success');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('.ol-flow-row[aria-selected="true"]').getAttribute('class')).toContain('ol-outcome-failed');
    await page.keyboard.press('Enter');
    await focusOn(page, (f) => f.name.startsWith('Steps of the selected flow'), 'the timeline');
    // The failing step (the callback) is selected when a failing flow opens.
    expect(await selectedStep(page)).toContain('callback');

    // Walk the steps: Home, then down; Enter opens the step's details, Escape comes back.
    await page.keyboard.press('Home');
    expect(await page.locator('#ol-step-0').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#ol-step-1').getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: join(SHOTS, '2-steps.png') });
    await page.keyboard.press('Enter');
    const details = await focusOn(page, (f) => f.role === 'tabpanel', 'the details');
    expect(details.indicator).toBe(true);
    // Findings stay on screen when the step has some, else its request.
    const shownTab = (await page.locator('[role="tab"][aria-selected="true"]').innerText()).replace(/\s+/g, '');
    expect(shownTab).toMatch(/^(Findings\d+|Request)$/);
    await page.keyboard.press('Escape');
    await focusOn(page, (f) => f.name.startsWith('Steps of the selected flow'), 'the timeline');

    // Open a finding: Tab reaches the details' tabs (one stop, the selected tab); arrows pick Findings.
    const toTabs = await tabTo(page, (f) => f.role === 'tab');
    expect(toTabs).toHaveLength(1);
    expect(toTabs[0]!.name.replace(/\s+/g, '')).toBe(shownTab);
    await page.keyboard.press('Home');
    await focusOn(page, (f) => f.name.startsWith('Findings'), 'the Findings tab');
    expect(await page.locator('[role="tab"][aria-selected="true"]').innerText()).toMatch(/^Findings/);
    const finding = page.locator('article.ol-finding', { hasText: 'state-mismatch' });
    const stepButton = (await finding.locator('.ol-link-button').innerText()).trim();
    expect(stepButton).toMatch(/^step \d+ · callback$/);
    await tabTo(page, (f) => f.tag === 'button' && f.name === stepButton);
    await page.screenshot({ path: join(SHOTS, '3-finding.png') });

    // Jump to its step: the timeline selects it and takes focus; the details show its request.
    await page.keyboard.press('Enter');
    const jumped = await focusOn(page, (f) => f.name.startsWith('Steps of the selected flow'), 'the timeline');
    expect(jumped.option).toContain('callback');
    expect(await selectedStep(page)).toMatch(/^callback/);
    expect(await page.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('Request');
    await page.screenshot({ path: join(SHOTS, '4-jumped-to-step.png') });

    // Follow the spec link: back on Findings, Tab to RFC 6749 §10.12; Enter opens it in a new tab.
    await tabTo(page, (f) => f.role === 'tab');
    await page.keyboard.press('Home');
    const link = await tabTo(page, (f) => f.tag === 'a' && f.href === SPEC_HREF);
    expect(link.at(-1)!.name).toBe('RFC 6749 §10.12');
    await page.screenshot({ path: join(SHOTS, '5-spec-link.png') });
    // The spec page is answered here: nothing leaves the machine.
    await session.context.route('https://www.rfc-editor.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>RFC 6749 (stand-in)</title>' }));
    const [spec] = await Promise.all([session.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await spec.waitForLoadState();
    expect(spec.url()).toBe(SPEC_HREF);
    await spec.close();
    await page.bringToFront();

    // Export: Escape leaves the details for the timeline; Shift+Tab goes back through the flow list to Export.
    await page.keyboard.press('Escape');
    await focusOn(page, (f) => f.name.startsWith('Steps of the selected flow'), 'the timeline');
    await tabTo(page, (f) => f.name === 'Export', 'Shift+Tab', 3);
    await page.keyboard.press('Enter');
    expect(await focusOn(page, (f) => f.name.startsWith('Trace (redacted)'), 'the first export item')).toMatchObject({ role: 'menuitem', indicator: true });
    await page.screenshot({ path: join(SHOTS, '6-export-menu.png') });
    // Escape closes the menu and gives focus back to Export; Space opens it again.
    await page.keyboard.press('Escape');
    expect(await page.locator('[role="menu"]').count()).toBe(0);
    await focusOn(page, (f) => f.name === 'Export', 'the Export button');
    await page.keyboard.press('Space');
    await focusOn(page, (f) => f.name.startsWith('Trace (redacted)'), 'the first export item');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = readFileSync(await download.path(), 'utf8');
    const trace = TraceV1Schema.parse(JSON.parse(file));
    expect(trace.redaction.redacted).toBe(true);
    // The flow on screen was exported, without the captured state values.
    const raw = await session.rawTrace(tabId);
    const states = raw.events
      .filter((e): e is RequestEvent => e.kind === 'request')
      .map((e) => new URL(e.url).searchParams.get('state'))
      .filter((v): v is string => v !== null && v.length > 10);
    expect(states.length).toBeGreaterThan(1);
    for (const state of states) expect(file.includes(state), 'a captured state value in the export').toBe(false);
    expect(trace.events.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ol-bar', { hasText: 'redacted.' }).count()).toBeGreaterThan(0);
    // Focus is not lost after the export: it is back on Export.
    await focusOn(page, (f) => f.name === 'Export', 'the Export button');
    await page.screenshot({ path: join(SHOTS, '7-exported.png') });
    await page.close();
  });
});

describe('screen reader announcements', () => {
  it('a new failing login is announced once, politely; the ones there before and working ones are not', async () => {
    const page = await session.context.newPage();
    await page.goto(session.driver.extensionUrl(`devtools-panel.html?tabId=${tabId}`));
    await page.locator('.ol-flow-row.ol-outcome-failed').first().waitFor();
    const region = page.locator('.ol-announcer');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await region.innerText()).toBe('');

    await login(app, 'forged-state');
    await expect.poll(() => page.locator('.ol-flow-row').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => region.textContent(), { timeout: 10_000 }).toMatch(/^New failed login: demo-web at step \d+ \(callback\)$/);
    const said = await region.textContent();
    const failedAt = (await session.analysis(tabId)).flows.filter((f) => f.outcome === 'failed').sort((a, b) => b.startTime - a.startTime)[0]!.failedAt!;
    expect(said).toBe(`New failed login: demo-web at step ${failedAt + 1} (callback)`);

    // A working login brings a fourth flow and no new sentence.
    await login(app, 'web');
    await expect.poll(() => page.locator('.ol-flow-row').count(), { timeout: 10_000 }).toBe(4);
    expect(await region.locator('span').count()).toBe(1);
    expect(await region.textContent()).toBe(said);
    await page.close();
  });
});
