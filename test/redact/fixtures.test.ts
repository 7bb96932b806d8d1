import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { bodyParams, fragmentParams, headerValues, queryParams, responseObject } from '../../lib/flow/params';
import type { CapturedEvent } from '../../lib/model/event';
import { classifyName } from '../../lib/redact/policy';
import { redactTrace } from '../../lib/trace/outside-flows';
import { toHar } from '../../lib/trace/har-export';
import { loadInputText } from '../../lib/trace/load';
import { toMarkdown } from '../../lib/trace/markdown';
import { makeTrace } from '../../lib/trace/trace-v1';

const dir = join(__dirname, '..', 'fixtures', 'har');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.har'));

/** Every secret, correlation or tagged-PII value the real recording holds, found by name. */
function knownSecrets(events: readonly CapturedEvent[]): Set<string> {
  const out = new Set<string>();
  const add = (name: string, value: unknown) => {
    if (typeof value === 'string' && value.length >= 8 && classifyName(name) !== 'keep') out.add(value);
  };
  for (const e of events) {
    const urls = e.kind === 'request' ? [e.url, e.redirectUrl ?? ''] : [e.url];
    for (const url of urls) for (const p of [...queryParams(url), ...fragmentParams(url)]) add(p.name, p.value);
    if (e.kind !== 'request') continue;
    for (const p of bodyParams(e)) add(p.name, p.value);
    for (const [name, value] of Object.entries(responseObject(e) ?? {})) add(name, value);
    for (const cookie of [...headerValues(e.requestHeaders, 'cookie'), ...headerValues(e.responseHeaders, 'set-cookie')]) {
      for (const pair of cookie.split(/[;\n]/)) {
        const v = pair.split('=').slice(1).join('=').trim();
        if (v.length >= 8 && !/^(?:\/|lax|strict|none)/i.test(v) && !/GMT$/.test(v)) out.add(v);
      }
    }
    for (const auth of headerValues(e.requestHeaders, 'authorization')) out.add(auth.replace(/^\S+\s+/, ''));
  }
  return out;
}

const checks = async (events: CapturedEvent[]) => (await analyzeEvents(events)).report.flows.flatMap((f) => f.findings.map((x) => x.check));

describe('redaction of real recordings (test/fixtures/har, recorded from oidc-provider)', () => {
  for (const name of fixtures) {
    it(`${name}: no known secret survives the trace, HAR or Markdown export`, async () => {
      const events = loadInputText(readFileSync(join(dir, name), 'utf8'), name).events;
      const secrets = knownSecrets(events);
      expect(secrets.size).toBeGreaterThan(2);
      const redacted = await redactTrace(makeTrace(events));
      const outputs = [
        JSON.stringify(redacted),
        JSON.stringify(toHar(redacted.events, { redacted: true })),
        toMarkdown((await analyzeEvents(redacted.events)).report),
      ];
      for (const text of outputs) for (const s of secrets) expect(text.includes(s), `${s.slice(0, 12)}… survived`).toBe(false);
    });
  }

  it('forged-state.har and code-reused.har keep their equality findings after redaction', async () => {
    for (const [name, check] of [['forged-state.har', 'state-mismatch'], ['code-reused.har', 'code-reused']] as const) {
      const events = loadInputText(readFileSync(join(dir, name), 'utf8'), name).events;
      expect(await checks(events)).toContain(check);
      const redacted = await redactTrace(makeTrace(events));
      expect(await checks(redacted.events)).toContain(check);
    }
  });
});
