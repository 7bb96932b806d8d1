import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { RequestEvent } from '../../lib/model/event';
import { TraceV1Schema } from '../../lib/model/trace';
import { waitFor } from '../support/driver';
import { BODIES_WITHOUT_DEVTOOLS, BROWSER, e2eLifecycle, formField, RESULTS_DIR, type FlowExpectation } from './harness';
import { runScenario } from './run';

/**
 * Export from the panel in the real browser: a failed login (code redeemed twice), the panel
 * opened for its tab, Export → "Trace (redacted)". The file must hold none of the captured
 * secrets, yet re-analysed it must still show the failure ("code used twice" survives because
 * equal values get equal tags within one export).
 */
const { demos, keep } = e2eLifecycle();

// Capture alone (no DevTools in Chromium): the reuse shows from the two token requests' bodies.
const codeReused: FlowExpectation = {
  clientId: 'demo-spa',
  grant: 'authorization_code',
  outcome: 'failed',
  steps: ['authorize', 'callback', 'token', 'token'],
  checks: ['code-reused'],
};

/** In the panel page: keep what `<a download>` would save (components/file-io.ts) instead of leaving it to the browser's download manager. */
function recordDownloads(): void {
  const saved: Array<{ filename: string; text: Promise<string> }> = [];
  (window as unknown as { __saved: typeof saved }).__saved = saved;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    saved.push({ filename: this.download, text: fetch(this.href).then((r) => r.text()) });
  };
}

async function savedFile(): Promise<{ filename: string; text: string } | null> {
  const w = window as unknown as { __saved: Array<{ filename: string; text: Promise<string> }> };
  const first = w.__saved[0];
  return first ? { filename: first.filename, text: await first.text } : null;
}

describe('export of a redacted trace from the panel', () => {
  it('code reused: the exported file holds no secret and still shows the reuse', async () => {
    const run = await runScenario('code-reused', await demos.get('auto'), [codeReused], { onSession: keep });
    const raw = await run.session.rawTrace(run.tabId);
    const token = raw.events.find((e): e is RequestEvent => e.kind === 'request' && e.method === 'POST' && e.url.endsWith('/token') && e.status === 200)!;
    const secrets: Record<string, string> = { code: formField(token, 'code')!, verifier: formField(token, 'code_verifier')! };
    // Firefox's background reads the token response without DevTools: its access token must not leak either.
    if (BODIES_WITHOUT_DEVTOOLS) secrets.accessToken = (JSON.parse(token.responseBody?.text ?? '{}') as { access_token?: string }).access_token ?? '';
    for (const [name, value] of Object.entries(secrets)) expect(value.length, name).toBeGreaterThan(10);

    const panel = await run.session.driver.openExtensionPage(`devtools-panel.html?tabId=${run.tabId}`);
    await panel.setViewport(1280, 800);
    await panel.evaluate(recordDownloads, null);
    await waitFor(panel, { selector: '.ol-flow-row', hasText: 'demo-spa' });
    await panel.click('button[aria-haspopup="menu"]');
    await panel.click({ selector: '[role="menuitem"]', hasText: 'Trace (redacted)' });
    await expect.poll(() => panel.evaluate(savedFile, null), { timeout: 15_000 }).not.toBeNull();
    const file = (await panel.evaluate(savedFile, null))!;
    await waitFor(panel, { selector: 'body', hasText: 'redacted.' });
    mkdirSync(RESULTS_DIR, { recursive: true });
    await panel.screenshot(join(RESULTS_DIR, `export-redacted-${BROWSER}.png`));
    writeFileSync(join(RESULTS_DIR, file.filename), file.text);

    const trace = TraceV1Schema.parse(JSON.parse(file.text));
    expect(trace.redaction.redacted).toBe(true);
    for (const [name, value] of Object.entries(secrets)) expect(file.text.includes(value), `${name} in the export`).toBe(false);
    const checks = (await analyzeEvents(trace.events)).report.flows.flatMap((f) => f.findings.map((x) => x.check));
    expect(checks).toContain('code-reused');
  });
});
