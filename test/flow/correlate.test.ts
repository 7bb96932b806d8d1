import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { AS, CHALLENGE, codeFlow, hop, REDIRECT_URI, VERIFIER } from '../support/events';

describe('flow reconstruction', () => {
  it('builds one authorization-code flow with a not-observable server-side exchange', async () => {
    const { flows } = await analyzeEvents(codeFlow());
    expect(flows).toHaveLength(1);
    const flow = flows[0]!;
    expect(flow.grant).toBe('authorization_code');
    expect(flow.steps.map((s) => s.kind)).toEqual(['app', 'authorize', 'login', 'login', 'login', 'callback', 'token']);
    expect(flow.tokenExchange).toBe('not-observable');
    expect(flow.steps.find((s) => s.kind === 'token')?.observed).toBe(false);
    expect(flow.outcome).toBe('success');
    expect(flow.callback?.matchedBy).toBe('state');
  });

  it('joins a browser token request to its flow by code', async () => {
    const { flows } = await analyzeEvents(codeFlow({ exchange: 'browser' }));
    expect(flows).toHaveLength(1);
    expect(flows[0]!.tokens).toHaveLength(1);
    expect(flows[0]!.tokens[0]!.matchedBy).toBe('code');
    expect(flows[0]!.tokenExchange).toBe('browser');
  });

  it('joins a token request by PKCE when the code does not match any callback', async () => {
    const events = codeFlow({ exchange: 'browser', tokenForm: { code: 'some-other-code' } });
    const { flows } = await analyzeEvents(events);
    const flow = flows.find((f) => f.authorize)!;
    expect(flow.authorize?.codeChallenge).toBe(CHALLENGE);
    expect(flow.tokens[0]?.codeVerifier).toBe(VERIFIER);
    expect(flow.tokens[0]?.matchedBy).toBe('pkce');
  });

  it('keeps two concurrent flows in two tabs apart', async () => {
    const a = codeFlow({ tabId: 1, authorizeParams: { state: 'aaaaaaaaaaaaaaaaaaaa' }, startTime: 1_700_000_000_000 });
    const b = codeFlow({ tabId: 2, authorizeParams: { state: 'bbbbbbbbbbbbbbbbbbbb' }, startTime: 1_700_000_000_500 });
    const { flows } = await analyzeEvents([...a, ...b]);
    expect(flows).toHaveLength(2);
    expect(flows.map((f) => f.callback?.state).sort()).toEqual(['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb']);
    expect(flows.every((f) => f.tabIds.length === 1)).toBe(true);
  });

  it('reads implicit-flow tokens from the fragment of the Location header', async () => {
    const events = codeFlow({ authorizeParams: { response_type: 'id_token token', code_challenge: null, code_challenge_method: null } });
    // Replace the callback hop with a fragment response.
    const cb = events.find((e) => e.kind === 'request' && e.url.startsWith(REDIRECT_URI))!;
    const prev = events.find((e) => e.kind === 'request' && e.redirectUrl?.startsWith(REDIRECT_URI))!;
    if (cb.kind !== 'request' || prev.kind !== 'request') throw new Error('fixture');
    prev.redirectUrl = `${REDIRECT_URI}#access_token=at&token_type=Bearer&id_token=x.y.z&state=Zm9vYmFyYmF6cXV4cXV1eA-state-7f3a`;
    cb.url = REDIRECT_URI;
    const { flows } = await analyzeEvents(events);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.grant).toBe('implicit');
    expect(flows[0]!.callback?.location).toBe('fragment');
    expect(flows[0]!.callback?.accessToken).toBe('at');
  });

  it('marks an authorization-server error page when no redirect comes back', async () => {
    const events = [
      hop({ url: `${AS}/authorize?client_id=web-app&response_type=code&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&state=s1234567890123456`, status: 400, responseText: 'redirect_uri did not match any of the client\'s registered redirect_uris' }),
    ];
    const { flows } = await analyzeEvents(events);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.errorPage).toBe(0);
    expect(flows[0]!.outcome).toBe('failed');
  });

  it('makes an orphan flow for a callback with no recorded authorization request', async () => {
    const events = [hop({ url: `${REDIRECT_URI}?code=abc&state=unknownstate123456` })];
    const { flows } = await analyzeEvents(events);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.authorize).toBeNull();
    expect(flows[0]!.callback?.matchedBy).toBe('orphan');
  });
});

describe('metadata attachment', () => {
  it('gives a discovery fetch made just before a login to that login, not to an earlier flow of the same server', async () => {
    const first = codeFlow({ startTime: 1_700_000_000_000, authorizeParams: { state: 'first-state-aaaaaaaaaaaa' } });
    const discovery = hop({ url: `${AS}/.well-known/openid-configuration`, type: 'xmlhttprequest', time: 1_700_000_009_000, responseJson: { issuer: AS, authorization_endpoint: `${AS}/authorize` } });
    const second = codeFlow({ startTime: 1_700_000_010_000, authorizeParams: { state: 'second-state-bbbbbbbbbbb' } });
    const { flows } = await analyzeEvents([...first, discovery, ...second]);
    expect(flows).toHaveLength(2);
    expect(flows[0]!.steps.some((s) => s.kind === 'discovery')).toBe(false);
    expect(flows[1]!.steps[0]?.kind).toBe('discovery');
  });
});

describe('device flow polling', () => {
  it('keeps polls with one device_code in one flow even when the device-authorization response was not captured', async () => {
    const poll = (time: number, error: string) =>
      hop({
        url: `${AS}/token`,
        method: 'POST',
        type: 'xmlhttprequest',
        time,
        form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'dev-code-1', client_id: 'tv' },
        status: 400,
        responseJson: { error },
      });
    const { flows } = await analyzeEvents([poll(1_700_000_000_000, 'authorization_pending'), poll(1_700_000_005_000, 'authorization_pending'), poll(1_700_000_010_000, 'slow_down')]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.grant).toBe('device_code');
    expect(flows[0]!.tokens).toHaveLength(3);
  });
});
