import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FETCH_METADATA_INITIATOR } from '../../entrypoints/background/fetch-metadata';
import { registerListeners } from '../../entrypoints/background/listeners';
import { BackgroundService } from '../../entrypoints/background/service';
import { BackgroundMessageSchema, PANEL_PORT_NAME } from '../../lib/model/messages';
import { base, header, redirect, response, sendHeaders, type Req } from '../capture/details';
import { makeFakeApi, makePort } from './fake-api';

// "Fetch issuer metadata" in the background: a local issuer on 127.0.0.1 serves a discovery
// document and a JWKS; the panel's message makes the background fetch them into the tab.

const RP = 'http://127.0.0.1:3000';
let server: Server;
let issuer = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'] }));
    } else if (req.url === '/jwks') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', kid: 'k1', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Fake = ReturnType<typeof makeFakeApi>;

function fire(fake: Fake, r: Req, status: number, location?: string): void {
  const wr = fake.webRequest;
  wr.onBeforeRequest.fire({ ...base(r) });
  wr.onBeforeSendHeaders.fire({ ...sendHeaders(r, []) });
  wr.onHeadersReceived.fire({ ...response(r, status, location ? [header('Location', location)] : []) });
  if (location) wr.onBeforeRedirect.fire({ ...redirect(r, status, location) });
  else wr.onCompleted.fire({ ...response(r, status) });
}

/** A login at the local issuer whose capture holds no discovery document. */
function login(fake: Fake, t = Date.now()): void {
  const auth = `${issuer}/auth?client_id=app&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${RP}/cb`)}&state=S1&nonce=n&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`;
  const cb = `${RP}/cb?code=K1&state=S1&iss=${encodeURIComponent(issuer)}`;
  fire(fake, { requestId: '100', url: `${RP}/login`, time: t }, 302, auth);
  fire(fake, { requestId: '100', url: auth, time: t + 10 }, 303, cb);
  fire(fake, { requestId: '100', url: cb, time: t + 20 }, 200);
}

const running: BackgroundService[] = [];
function start(fake: Fake) {
  const service = new BackgroundService(fake.api, { flushDelayMs: 5 });
  running.push(service);
  registerListeners(fake.browserApi, service, { firefox: false });
  return service;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeEach(() => {
  fakeBrowser.reset();
  hits.length = 0;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.flush()));
  fakeBrowser.reset();
});

describe('panel/fetch-metadata', () => {
  it('contacts nothing until asked, then adds the issuer discovery document and JWKS to the tab', async () => {
    const fake = makeFakeApi();
    const service = start(fake);
    login(fake);
    await service.flush();
    const before = await service.analysis(1);
    expect(before.flows).toHaveLength(1);
    expect(before.flows[0]!.issuer).toBe(issuer);
    expect(before.flows[0]!.steps.some((s) => s.kind === 'discovery')).toBe(false);
    expect(hits).toEqual([]);

    const panel = makePort(PANEL_PORT_NAME);
    fake.onConnect.fire(panel.port);
    panel.send({ type: 'panel/subscribe', tabId: 1 });
    panel.send({ type: 'panel/fetch-metadata', tabId: 1 });
    // A double click while the first fetch is in flight is ignored, not fetched twice.
    panel.send({ type: 'panel/fetch-metadata', tabId: 1 });
    await until(async () => (await service.events(1)).some((e) => e.kind === 'request' && e.url.endsWith('/jwks')));
    await service.flush();

    expect(hits).toEqual(['/.well-known/openid-configuration', '/jwks']);
    const fetched = (await service.events(1)).filter((e) => e.kind === 'request' && e.initiator === FETCH_METADATA_INITIATOR);
    expect(fetched.map((e) => [e.tabId, e.kind === 'request' && e.status, e.url])).toEqual([
      [1, 200, `${issuer}/.well-known/openid-configuration`],
      [1, 200, `${issuer}/jwks`],
    ]);
    const flow = (await service.analysis(1)).flows[0]!;
    expect(flow.steps.filter((s) => s.kind === 'discovery').map((s) => s.url)).toEqual([`${issuer}/.well-known/openid-configuration`]);
    expect(flow.steps.some((s) => s.kind === 'jwks')).toBe(true);
    // The panel got the new analysis through the normal flush.
    const update = BackgroundMessageSchema.parse(panel.received.at(-1));
    expect(update.analysis.flows[0]!.steps.some((s) => s.kind === 'discovery')).toBe(true);
  });

  it('fetches nothing for a tab whose flows already have their metadata, or that has no flows', async () => {
    const fake = makeFakeApi();
    const service = start(fake);
    const panel = makePort(PANEL_PORT_NAME);
    fake.onConnect.fire(panel.port);
    panel.send({ type: 'panel/fetch-metadata', tabId: 2 });
    login(fake);
    await service.flush();
    panel.send({ type: 'panel/fetch-metadata', tabId: 1 });
    await until(async () => hits.length === 2 && (await service.events(1)).length > 3);
    hits.length = 0;
    const count = (await service.events(1)).length;
    panel.send({ type: 'panel/fetch-metadata', tabId: 1 });
    await new Promise((r) => setTimeout(r, 100));
    await service.flush();
    expect(hits).toEqual([]);
    expect(await service.events(1)).toHaveLength(count);
    expect(await service.events(2)).toEqual([]);
  });
});
