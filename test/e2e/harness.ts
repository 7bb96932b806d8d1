import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { startDemo, type Demo, type InteractionMode } from '../../demo/index';
import type { AnalysisReport, FlowReport } from '../../lib/model/analysis';
import { CapturedEventSchema, type CapturedEvent, type RequestEvent } from '../../lib/model/event';
import type { TraceV1 } from '../../lib/model/trace';
import { AnalysisResponseSchema, ErrorResponseSchema, ExportTraceResponseSchema, PANEL_PORT_NAME, TabStateResponseSchema } from '../../lib/model/messages';
import { chromiumDriver, EXTENSION_DIR, launchBrowser, type LaunchedBrowser } from '../support/chromium';
import type { BrowserName, Driver, DriverPage } from '../support/driver';
import { FIREFOX_EXTENSION_DIR, launchFirefox } from '../support/firefox';
import { SCENARIOS, type Scenario } from '../support/scenarios';

/**
 * What every e2e test needs: the real demo (provider + sample app), the browser under test with
 * the built extension in a fresh profile, an extension page to talk to the background like the
 * panel does, and assertions on what the extension (not a HAR) reports.
 *
 * The browser under test is Debian's Chromium (project `e2e`) or Firefox ESR (project
 * `e2e-firefox`, which sets OAUTH_LENS_E2E_BROWSER=firefox); the scenarios are the same.
 */
export const BROWSER: BrowserName = process.env.OAUTH_LENS_E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
/** Firefox reads response bodies in the background (filterResponseData); Chromium needs DevTools open. */
export const BODIES_WITHOUT_DEVTOOLS = BROWSER === 'firefox';
export const BODY_SOURCE = BROWSER === 'firefox' ? 'filter-response-data' : 'devtools';
const BUILT_EXTENSION = BROWSER === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;

export const RESULTS_DIR = resolve(import.meta.dirname, BROWSER === 'firefox' ? '../../test-results/e2e-firefox' : '../../test-results/e2e');

export function scenario(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario driver named ${name}`);
  return found;
}

/** One demo per interaction mode per file; stopped by `closeAll` (afterAll). */
export class DemoPool {
  private readonly demos = new Map<InteractionMode, Promise<Demo>>();
  get(mode: InteractionMode): Promise<Demo> {
    let demo = this.demos.get(mode);
    if (!demo) {
      demo = startDemo({ interaction: mode });
      this.demos.set(mode, demo);
    }
    return demo;
  }
  async closeAll(): Promise<void> {
    const all = [...this.demos.values()];
    this.demos.clear();
    await Promise.all(all.map(async (d) => (await d).close()));
  }
}

const BUILD_FILES = ['manifest.json', 'background.js', 'devtools.html', 'devtools-panel.html'];
const BUILD_COMMAND = BROWSER === 'firefox' ? 'npx wxt build -b firefox' : 'npx wxt build';
let snapshot: Promise<string> | null = null;

/**
 * A copy of the built extension, taken once per test file: a `wxt build` running meanwhile in the
 * same tree (it empties .output first) cannot pull the extension from under a running browser.
 */
function extensionSnapshot(): Promise<string> {
  snapshot ??= (async () => {
    const complete = () => BUILD_FILES.every((f) => existsSync(join(BUILT_EXTENSION, f)));
    for (let waited = 0; !complete(); waited += 200) {
      if (waited > 20_000) throw new Error(`extension not built: ${BUILT_EXTENSION} lacks one of ${BUILD_FILES.join(', ')} (run ${BUILD_COMMAND})`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const dir = await mkdtemp(join(tmpdir(), 'oauth-lens-extension-'));
    await cp(BUILT_EXTENSION, dir, { recursive: true });
    if (!BUILD_FILES.every((f) => existsSync(join(dir, f)))) throw new Error(`${BUILT_EXTENSION} changed while it was copied; run again`);
    return dir;
  })();
  return snapshot;
}

/** Deletes this file's extension snapshot (afterAll). */
export async function dropExtensionSnapshot(): Promise<void> {
  const dir = await snapshot?.catch(() => null);
  snapshot = null;
  if (dir) await rm(dir, { recursive: true, force: true });
}

/**
 * The hooks every scenario file needs, registered once at its top: the browser of the running
 * test (handed to `keep`) is closed after it, pass or fail; the demos and the extension snapshot
 * after the file.
 */
export function e2eLifecycle(): { demos: DemoPool; keep: (s: ExtensionSession) => ExtensionSession } {
  const demos = new DemoPool();
  let session: ExtensionSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(() => Promise.all([demos.closeAll(), dropExtensionSnapshot()]));
  return { demos, keep: (s) => (session = s) };
}

/** The minimal extension API surface an extension page uses here (evaluated in the browser). */
interface ExtensionApiInPage {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): { postMessage(message: unknown): void; disconnect(): void };
  };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; openerTabId?: number }>> };
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
}
/** In the page: Firefox's promise-based `browser`, else Chrome's `chrome` (promises in MV3). */
type ApiGlobals = { browser?: ExtensionApiInPage; chrome?: ExtensionApiInPage };

export class ExtensionSession {
  private extPage: DriverPage | null = null;
  private constructor(
    readonly driver: Driver,
    /** The Playwright side, for Chromium-only tests (CDP, service worker); null in Firefox. */
    readonly chromium: LaunchedBrowser | null,
    readonly devtools: boolean,
  ) {}

  /**
   * `bodies`: the test needs response bodies. Chromium reads them only with DevTools open on
   * every tab (the devtools page forwards them); Firefox reads them in the background anyway.
   * `extensionDir`: load this unpacked extension (e.g. an unzipped store package) instead of a
   * snapshot of the build.
   */
  static async launch(options: { bodies?: boolean; extensionDir?: string } = {}): Promise<ExtensionSession> {
    const extensionDir = options.extensionDir ?? (await extensionSnapshot());
    let session: ExtensionSession;
    if (BROWSER === 'firefox') {
      session = new ExtensionSession((await launchFirefox({ extensionDir })).driver, null, false);
    } else {
      const devtools = options.bodies === true;
      const browser = await launchBrowser({ extension: true, extensionDir, args: devtools ? ['--auto-open-devtools-for-tabs'] : [] });
      session = new ExtensionSession(chromiumDriver(browser), browser, devtools);
    }
    try {
      await session.ready();
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  /**
   * A browser can report the extension before its background script ran and registered its
   * listeners: a login started right then loses its first hops (seen on fresh profiles). An
   * answer to a runtime message proves the script ran — onMessage is registered in the same
   * synchronous block, after webRequest and webNavigation.
   */
  private async ready(): Promise<void> {
    await this.analysisOfAll();
  }

  async analysisOfAll(): Promise<AnalysisReport> {
    return AnalysisResponseSchema.parse(await this.send({ type: 'analysis' })).analysis;
  }

  /** The Playwright context (Chromium-only tests). */
  get context() {
    if (!this.chromium) throw new Error('this test needs Chromium (Playwright context)');
    return this.chromium.context;
  }

  /** Any extension page can ask the background; the panel page opened as a tab is the natural one. */
  async page(): Promise<DriverPage> {
    this.extPage ??= await this.driver.openExtensionPage('devtools-panel.html');
    return this.extPage;
  }

  /** The tab id of a scenario page (by its current URL, fragment ignored). */
  async tabIdOf(target: { url(): string }): Promise<number> {
    const wanted = target.url().split('#')[0];
    const tabs = await (await this.page()).evaluate(async () => {
      // Runs in the page: no closures from this module.
      const g = globalThis as unknown as ApiGlobals;
      const all = await (g.browser ?? g.chrome)!.tabs.query({});
      return all.map((t) => ({ id: t.id ?? -1, url: t.url ?? '' }));
    }, null);
    const matches = tabs.filter((t) => t.url.split('#')[0] === wanted);
    if (matches.length !== 1) throw new Error(`expected one tab at ${wanted}, found ${JSON.stringify(tabs)}`);
    return matches[0]!.id;
  }

  private async send(message: object): Promise<unknown> {
    return (await this.page()).evaluate((m) => {
      const g = globalThis as unknown as ApiGlobals;
      return (g.browser ?? g.chrome)!.runtime.sendMessage(m);
    }, message);
  }

  async analysis(tabId: number): Promise<AnalysisReport> {
    const raw = await this.send({ type: 'analysis', tabId });
    const failed = ErrorResponseSchema.safeParse(raw);
    if (failed.success) throw new Error(`background refused analysis: ${failed.data.error}`);
    return AnalysisResponseSchema.parse(raw).analysis;
  }

  /** Every event of `tabId` and its popups (all tabs when omitted), unredacted. */
  async rawTrace(tabId?: number): Promise<TraceV1> {
    return ExportTraceResponseSchema.parse(await this.send({ type: 'export-trace', tabId, redact: false })).trace;
  }

  /** What an export of the tab gives by default: the trace redacted by the background. */
  async redactedTrace(tabId?: number): Promise<TraceV1> {
    return ExportTraceResponseSchema.parse(await this.send({ type: 'export-trace', tabId })).trace;
  }

  /**
   * Asks until `ready` holds: webRequest and webNavigation events reach the background
   * asynchronously, so the last hop of a page that already shows its result may still be on its
   * way. Returns the last answer either way; the test's assertions then say what is missing.
   */
  async settledAnalysis(tabId: number | undefined, ready: (a: AnalysisReport) => boolean, timeoutMs = 5_000): Promise<AnalysisReport> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const analysis = tabId === undefined ? await this.analysisOfAll() : await this.analysis(tabId);
      if (ready(analysis) || Date.now() > deadline) return analysis;
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /**
   * Asks until every request hop of `tabId` has its answer (a status, an end or an error). Firefox
   * can hand the background a response body before the status of the same hop (separate
   * channels), so a check that needs only the body can be visible while the status is still on
   * its way. Returns whether all were answered; the test's assertions say what is missing.
   */
  async hopsAnswered(tabId: number, timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = (await this.rawTrace(tabId)).events;
      if (events.every((e) => e.kind !== 'request' || e.status !== undefined || e.endTime !== undefined || e.error !== undefined)) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /**
   * Asks until the events behind the steps `want.bodies` names (of the flow at the same index)
   * carry a response body. Returns whether they all do; the test's assertions say which is missing.
   */
  async bodiesForwarded(tabId: number, analysis: AnalysisReport, wanted: readonly FlowExpectation[], timeoutMs = 10_000): Promise<boolean> {
    const ids = wanted.flatMap((w, i) => (analysis.flows[i]?.steps ?? []).filter((s) => w.bodies?.includes(s.kind) && s.eventId).map((s) => s.eventId!));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const withBody = new Set((await this.rawTrace(tabId)).events.filter((e) => e.kind === 'request' && e.responseBody).map((e) => e.id));
      if (ids.every((id) => withBody.has(id))) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Writes the raw (unredacted) trace and the analysis of a tab (all tabs when omitted) under test-results/e2e[-firefox]/. */
  async dump(name: string, tabId?: number): Promise<string> {
    await mkdir(RESULTS_DIR, { recursive: true });
    const path = join(RESULTS_DIR, `${name}.trace.json`);
    const [trace, analysis] = await Promise.all([this.rawTrace(tabId), tabId === undefined ? this.analysisOfAll() : this.analysis(tabId)]);
    await writeFile(path, `${JSON.stringify(trace, null, 1)}\n`);
    await writeFile(join(RESULTS_DIR, `${name}.analysis.json`), `${JSON.stringify(analysis, null, 1)}\n`);
    return path;
  }

  /**
   * The events the background has saved to `storage.session` for a tab (what a restarted worker
   * restores), read from the extension page (trusted context).
   */
  async persistedEvents(tabId: number): Promise<CapturedEvent[]> {
    const key = `tab:${tabId}`;
    const stored = await (await this.page()).evaluate((k) => {
      const g = globalThis as unknown as ApiGlobals;
      return (g.browser ?? g.chrome)!.storage.session.get(k);
    }, key);
    const record = stored[key] as { events?: unknown[] } | undefined;
    return (record?.events ?? []).map((e) => CapturedEventSchema.parse(e));
  }

  /** What the panel's Clear button does: `panel/clear` on a panel port (lib/model/messages.ts). */
  async clearTab(tabId: number): Promise<void> {
    await (await this.page()).evaluate(
      ({ tabId, name }) => {
        const g = globalThis as unknown as ApiGlobals;
        const port = (g.browser ?? g.chrome)!.runtime.connect({ name });
        port.postMessage({ type: 'panel/clear', tabId });
        port.disconnect();
      },
      { tabId, name: PANEL_PORT_NAME },
    );
    const deadline = Date.now() + 5_000;
    while ((await this.rawTrace(tabId)).events.length > 0) {
      if (Date.now() > deadline) throw new Error(`tab ${tabId} was not cleared`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * What the popup's Pause / Resume buttons do: `panel/pause` or `panel/resume` on a panel port;
   * returns once the background reports the tab in that state (`tab-state`).
   */
  async setPaused(tabId: number, paused: boolean): Promise<void> {
    await (await this.page()).evaluate(
      ({ tabId, name, type }) => {
        const g = globalThis as unknown as ApiGlobals;
        const port = (g.browser ?? g.chrome)!.runtime.connect({ name });
        port.postMessage({ type, tabId });
        port.disconnect();
      },
      { tabId, name: PANEL_PORT_NAME, type: paused ? 'panel/pause' : 'panel/resume' },
    );
    const deadline = Date.now() + 5_000;
    while (TabStateResponseSchema.parse(await this.send({ type: 'tab-state', tabId })).paused !== paused) {
      if (Date.now() > deadline) throw new Error(`tab ${tabId} was not ${paused ? 'paused' : 'resumed'}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * The driver to hand to a scenario. With Chromium DevTools open, every page it opens waits
   * until DevTools (opened by --auto-open-devtools-for-tabs) runs our devtools page and forwards
   * response bodies for that tab: a person opens DevTools first, then logs in; requests made
   * before DevTools has loaded would show no body (docs/architecture.md "Browser behaviour we rely on").
   */
  scenarioDriver(issuer: string): Driver {
    if (!this.devtools) return this.driver;
    return {
      ...this.driver,
      newPage: async () => {
        const page = await this.driver.newPage();
        await this.waitForBodyForwarding(page, issuer);
        return page;
      },
    };
  }

  /**
   * Loads the provider's discovery document in the tab until its body reaches the background
   * (forwarded by the devtools page). The scenario's first typed navigation clears this probe
   * from the tab (capture.ts auto-clear: no flow was active).
   */
  private async waitForBodyForwarding(page: DriverPage, issuer: string): Promise<void> {
    const url = `${issuer}/.well-known/openid-configuration`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await page.goto(url);
      const tabId = await this.tabIdOf(page);
      const until = Date.now() + 1_500;
      while (Date.now() < until) {
        const trace = await this.rawTrace(tabId);
        if (trace.events.some((e) => e.kind === 'request' && e.url === url && e.responseBody)) {
          await this.clearTab(tabId);
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('DevTools did not forward any response body within 60 s');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

// ── assertions ──

export const checkIds = (flow: FlowReport): string[] => flow.findings.map((f) => f.check);
export const stepKinds = (flow: FlowReport): string[] => flow.steps.map((s) => s.kind);

/** `expected` appear in `actual` in this order, other items may be interleaved. */
export function expectSubsequence(actual: readonly string[], expected: readonly string[]): void {
  let i = 0;
  for (const item of actual) if (item === expected[i]) i++;
  expect(i === expected.length ? expected : actual, `steps ${JSON.stringify(actual)} should contain, in order, ${JSON.stringify(expected)}`).toEqual(expected);
}

export interface FlowExpectation {
  clientId: string;
  grant: FlowReport['grant'];
  outcome: FlowReport['outcome'];
  /** Step kinds in this order (others may sit between them). */
  steps: readonly string[];
  checks: readonly string[];
  absent?: readonly string[];
  /** No finding of severity error at all (success scenarios). */
  noErrors?: boolean;
  /**
   * Step kinds whose response body the devtools page forwards (DevTools open). The devtools page
   * gets a request only when DevTools has finished it, and reads its body with one more
   * round trip: the body can reach the background a second or more after the step itself.
   */
  bodies?: readonly string[];
}

export function expectFlow(flow: FlowReport | undefined, want: FlowExpectation): FlowReport {
  expect(flow, 'flow').toBeDefined();
  const f = flow!;
  const ids = checkIds(f);
  expect({ clientId: f.clientId, grant: f.grant, outcome: f.outcome }).toEqual({ clientId: want.clientId, grant: want.grant, outcome: want.outcome });
  expectSubsequence(stepKinds(f), want.steps);
  for (const id of want.checks) expect(ids, `findings should include ${id}`).toContain(id);
  for (const id of want.absent ?? []) expect(ids, `findings should not include ${id}`).not.toContain(id);
  if (want.noErrors) expect(f.findings.filter((x) => x.severity === 'error').map((x) => `${x.check}: ${x.message}`)).toEqual([]);
  return f;
}

/** The analysis holds exactly one flow, and it meets `want`. */
export function expectOnlyFlow(analysis: AnalysisReport, want: FlowExpectation): FlowReport {
  expect(analysis.flows).toHaveLength(1);
  return expectFlow(analysis.flows[0], want);
}

export function finding(flow: FlowReport, check: string) {
  const found = flow.findings.find((f) => f.check === check);
  expect(found, `finding ${check}`).toBeDefined();
  return found!;
}

/** Checks that must never fail on the demo's traffic (the provider and app are correct in these respects). */
export const NEVER_ON_DEMO = [
  'authz-request-malformed',
  'state-missing',
  'state-weak',
  'pkce-plain',
  'pkce-challenge-malformed',
  'nonce-missing',
  'openid-scope-missing',
  'redirect-uri-has-fragment',
  'redirect-uri-mismatch',
  'redirect-307-credentials',
  'response-type-mismatch',
  'iss-param-mismatch',
  'token-in-url-query',
  'ropc-grant-used',
  'client-secret-in-url',
  'id-token-alg-none',
  'id-token-signature-invalid',
  'cookie-samesite-none-insecure',
] as const;

export function expectNoneEverywhere(analysis: AnalysisReport, ids: readonly string[] = NEVER_ON_DEMO): void {
  const seen = [...analysis.findings, ...analysis.flows.flatMap((f) => f.findings)].map((f) => f.check);
  expect(seen.filter((id) => ids.includes(id))).toEqual([]);
}

// ── captured values ──

/** A field of a form-encoded request body, as webRequest saw it. */
export const formField = (event: RequestEvent | undefined, name: string): string | undefined =>
  event?.requestBody?.kind === 'form' ? event.requestBody.fields.find((f) => f.name === name)?.value : undefined;

/** PKCE S256 of a verifier (RFC 7636 §4.2), computed independently of lib/. */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');
