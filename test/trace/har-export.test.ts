import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { CapturedEvent } from '../../lib/model/event';
import { toHar } from '../../lib/trace/har-export';
import { harToEvents, parseHar } from '../../lib/trace/har-import';
import { eventsFromOAuthLensHar } from '../../lib/trace/har-restore';
import { codeFlow, hop, AS } from '../support/events';

function flowWithEverything(): CapturedEvent[] {
  const events = codeFlow({ exchange: 'browser' });
  events.push(
    { kind: 'navigation', id: 'n1', event: 'committed', tabId: 1, frameId: 0, parentFrameId: -1, url: 'https://app.example.com/', time: 1_700_000_003_000 },
    hop({ url: `${AS}/userinfo`, type: 'xmlhttprequest', text: '{"x":1}', requestHeaders: [{ name: 'Content-Type', value: 'application/json' }], error: 'net::ERR_FAILED', status: 0 }),
  );
  return events;
}

describe('toHar (HAR 1.2)', () => {
  it('writes one entry per hop with status, Location and redirectURL, bodies as postData / content.text', () => {
    const events = flowWithEverything();
    const har = toHar(events, { redacted: true });
    expect(har.log.version).toBe('1.2');
    expect(har.log._redacted).toBe(true);
    const requests = events.filter((e) => e.kind === 'request');
    expect(har.log.entries).toHaveLength(requests.length);
    const authorize = har.log.entries.find((e) => e.request.url.includes('/authorize?'))!;
    expect(authorize.response.status).toBe(303);
    expect(authorize.response.redirectURL).toBe(`${AS}/interaction/abc`);
    expect(authorize.response.headers).toContainEqual({ name: 'Location', value: `${AS}/interaction/abc` });
    expect(authorize.request.queryString).toContainEqual({ name: 'response_type', value: 'code' });
    const token = har.log.entries.find((e) => e.request.url === `${AS}/token`)!;
    expect(token.request.postData?.mimeType).toBe('application/x-www-form-urlencoded');
    expect(token.request.postData?.params).toContainEqual({ name: 'grant_type', value: 'authorization_code' });
    expect(token.response.content.text).toContain('access_token');
    expect(token._resourceType).toBe('fetch');
    // Every entry satisfies what DevTools' importer and our own HAR importer require.
    expect(() => parseHar(JSON.parse(JSON.stringify(har)))).not.toThrow();
    for (const e of har.log.entries) {
      expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
      expect(e.timings.wait).toBeGreaterThanOrEqual(0);
      expect(e.pageref).toBe(`tab-${e._oauthLens.tabId}`);
    }
    expect(toHar(events).log._redacted).toBe(false);
  });

  it('trace → HAR → trace restores the events exactly, and the analysis with them', async () => {
    const events = flowWithEverything();
    const restored = eventsFromOAuthLensHar(JSON.parse(JSON.stringify(toHar(events))));
    expect(restored).not.toBeNull();
    const sortById = (list: CapturedEvent[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(restored!)).toEqual(sortById(events));
    const a = (await analyzeEvents(events)).report;
    const b = (await analyzeEvents(restored!)).report;
    expect(b).toEqual(a);
  });

  it("keeps the mark of a recorder that folds redirect chains (Safari's HAR) through export and restore", () => {
    const events: CapturedEvent[] = [{ ...hop({ url: `${AS}/authorize?client_id=a` }), redirectsFoldedBy: 'safari' }, hop({ url: `${AS}/other` })];
    const restored = eventsFromOAuthLensHar(JSON.parse(JSON.stringify(toHar(events))));
    expect(restored?.map((e) => (e.kind === 'request' ? e.redirectsFoldedBy : null))).toEqual(['safari', undefined]);
  });

  it('through the generic HAR importer (DevTools-style), every step and finding is kept', async () => {
    const events = codeFlow({ exchange: 'browser', callbackParams: { state: 'forged-state-xyz-123' } });
    const imported = harToEvents(parseHar(JSON.parse(JSON.stringify(toHar(events)))));
    const summary = async (list: CapturedEvent[]) =>
      (await analyzeEvents(list)).report.flows.map((f) => ({ steps: f.steps.map((s) => [s.kind, s.url, s.status]), findings: f.findings.map((x) => x.check).sort() }));
    expect(await summary(imported)).toEqual(await summary(events));
  });

  it('refuses to treat a foreign HAR as ours', () => {
    expect(eventsFromOAuthLensHar({ log: { entries: [] } })).toBeNull();
    expect(eventsFromOAuthLensHar({ log: { _oauthLensVersion: 1, entries: [{ request: {} }] } })).toBeNull();
    expect(eventsFromOAuthLensHar(null)).toBeNull();
  });
});
