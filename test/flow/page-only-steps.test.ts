import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { PAGE_ONLY_NOTE, UNKNOWN_METHOD, kindByEndpointName } from '../../lib/flow/page-only';
import type { CapturedEvent } from '../../lib/model/event';
import { eventsFromOAuthLensHar } from '../../lib/trace/har-restore';
import { toHar } from '../../lib/trace/har-export';
import { toMarkdown } from '../../lib/trace/markdown';
import { AS, REDIRECT_URI, codeFlow, seenByPageOnly } from '../support/events';

// Issue 17 point 6: steps the browser reported nothing of (a worker stopped at the wrong moment),
// seen by the page only (lib/capture/page-only.ts). They must be classified, joined to their
// flow, shown as seen by the page only everywhere, and never make a check fire on what they lack.

const T = 1_700_000_000_000;

/** The SPA login: the browser-side exchange, then a UserInfo call with the access token. */
function login(): CapturedEvent[] {
  const events = codeFlow({ exchange: 'browser', startTime: T }).map((e) => structuredClone(e));
  events.push({
    kind: 'request',
    id: 'u.0',
    requestId: 'u',
    tabId: 1,
    frameId: 0,
    parentFrameId: -1,
    type: 'xmlhttprequest',
    method: 'GET',
    url: `${AS}/userinfo`,
    requestHeaders: [{ name: 'Authorization', value: 'Bearer at-123' }],
    startTime: T + 2_400,
    status: 200,
    endTime: T + 2_420,
  });
  return events;
}

/** The same login with the callback document, the token call and the UserInfo call lost to the browser. */
function lostToTheBrowser(): CapturedEvent[] {
  return login().map((e) => {
    if (e.kind !== 'request') return e;
    if (e.url.startsWith(`${REDIRECT_URI}?`)) return seenByPageOnly(e, 'navigation-timing');
    if (e.url === `${AS}/token` || e.url === `${AS}/userinfo`) return seenByPageOnly(e, 'resource-timing');
    return e;
  });
}

describe('steps seen by the page only', () => {
  it('make the same flow as the reported login: same kinds, same statuses, marked, method unknown', async () => {
    const reported = (await analyzeEvents(login())).report;
    const pageOnly = (await analyzeEvents(lostToTheBrowser())).report;
    expect(pageOnly.flows).toHaveLength(1);
    const [flow] = pageOnly.flows as [(typeof pageOnly.flows)[number]];
    expect(flow.clientId).toBe(reported.flows[0]!.clientId);
    expect(flow.steps.map((s) => `${s.kind} ${s.status}`)).toEqual(reported.flows[0]!.steps.map((s) => `${s.kind} ${s.status}`));
    expect(flow.outcome).toBe(reported.flows[0]!.outcome);
    const marked = flow.steps.filter((s) => s.seenByPageOnly);
    expect(marked.map((s) => `${s.kind} ${s.method} ${s.status} ${s.recovered}`)).toEqual([
      `callback ${UNKNOWN_METHOD} 200 navigation-timing`,
      `token ${UNKNOWN_METHOD} 200 resource-timing`,
      `userinfo ${UNKNOWN_METHOD} 200 resource-timing`,
    ]);
    for (const s of marked) expect(s.note).toBe(PAGE_ONLY_NOTE);
  });

  it('no finding fires on what such a step lacks (headers, bodies): the findings are those of the reported login, or fewer', async () => {
    const reported = (await analyzeEvents(login())).report.flows[0]!.findings.map((f) => f.check);
    const pageOnly = (await analyzeEvents(lostToTheBrowser())).report.flows[0]!.findings.map((f) => f.check);
    const added = pageOnly.filter((id) => !reported.includes(id));
    expect(added).toEqual([]);
  });

  it('a step the browser reports after all replaces the one seen by the page only', async () => {
    const both = [...lostToTheBrowser(), ...login().filter((e) => e.kind === 'request' && e.url === `${AS}/token`)];
    const flow = (await analyzeEvents(both)).report.flows[0]!;
    expect(flow.steps.filter((s) => s.kind === 'token').map((s) => `${s.method} ${s.seenByPageOnly ?? false}`)).toEqual(['POST false']);
  });

  it('the Markdown and the HAR say so, and the HAR brings the mark back', async () => {
    const events = lostToTheBrowser();
    const analysis = await analyzeEvents(events);
    const md = toMarkdown(analysis.report);
    expect(md).toContain('200 \\(seen by the page only, from resource-timing: method, headers and body unknown\\)');
    const har = toHar(events);
    const token = har.log.entries.find((e) => e.request.url === `${AS}/token`)!;
    expect(token.request.method).toBe('');
    expect(token.request.headers).toEqual([]);
    expect(token.response.status).toBe(200);
    expect(token.comment).toBe(PAGE_ONLY_NOTE);
    const back = eventsFromOAuthLensHar(har);
    expect(back?.filter((e) => e.kind === 'request' && e.seenByPageOnly)).toHaveLength(3);
  });

  it('a token call whose start was lost (rebuilt from its later events, no body) is still the token step of its flow, and no check judges its missing body', async () => {
    const reported = await analyzeEvents(login());
    const events = login().map((e) => {
      if (e.kind !== 'request' || e.url !== `${AS}/token`) return e;
      const { requestBody: _lost, ...rest } = e;
      return { ...rest, startLost: true as const };
    });
    const { report } = await analyzeEvents(events);
    expect(report.flows).toHaveLength(1);
    expect(report.flows[0]!.steps.map((s) => `${s.kind} ${s.method} ${s.status}`)).toEqual(reported.report.flows[0]!.steps.map((s) => `${s.kind} ${s.method} ${s.status}`));
    const before = reported.report.flows[0]!.findings.map((f) => f.check);
    expect(report.flows[0]!.findings.map((f) => f.check).filter((id) => !before.includes(id))).toEqual([]);
  });

  it.each<[string, string | null]>([
    ['/token', 'token'],
    ['/oauth2/v1/token/', 'token'],
    ['/userinfo', 'userinfo'],
    ['/me', 'userinfo'],
    ['/api/tokens', null],
    ['/token/refresh', null],
    ['/session', null],
  ])('a fetch whose body is unknown at %s is %s (its endpoint\'s name tells)', (path, kind) => {
    expect(kindByEndpointName(path)).toBe(kind);
  });
});
