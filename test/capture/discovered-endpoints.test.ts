import { describe, expect, it } from 'vitest';
import { DiscoveredEndpoints, MAX_KNOWN_ENDPOINTS, endpointsOfDiscovery } from '../../lib/capture/discovered-endpoints';
import { wantsBody } from '../../entrypoints/devtools/body-filter';

const discovery = JSON.stringify({
  issuer: 'http://127.0.0.1:4000',
  authorization_endpoint: 'http://127.0.0.1:4000/auth',
  token_endpoint: 'http://127.0.0.1:4000/token',
  userinfo_endpoint: 'http://127.0.0.1:4000/me',
  jwks_uri: 'http://127.0.0.1:4000/jwks',
  end_session_endpoint: 'http://127.0.0.1:4000/session/end',
});

describe('endpoints named by discovery', () => {
  it('reads the endpoint members whose responses matter, not the browser-facing pages', () => {
    expect(endpointsOfDiscovery(discovery)).toEqual(['http://127.0.0.1:4000/token', 'http://127.0.0.1:4000/me', 'http://127.0.0.1:4000/jwks']);
  });

  it('ignores what is not a discovery document or not an http(s) URL', () => {
    expect(endpointsOfDiscovery('<html>')).toEqual([]);
    expect(endpointsOfDiscovery('[1,2]')).toEqual([]);
    expect(endpointsOfDiscovery('null')).toEqual([]);
    expect(endpointsOfDiscovery(JSON.stringify({ userinfo_endpoint: 'javascript:alert(1)', token_endpoint: 42, jwks_uri: 'not a url' }))).toEqual([]);
  });

  it('makes wantsBody recognise the UserInfo endpoint at GET /me, query ignored', () => {
    const known = new DiscoveredEndpoints();
    const me = { request: { method: 'GET', url: 'http://127.0.0.1:4000/me?schema=openid' }, response: { status: 200 } } as unknown as Parameters<typeof wantsBody>[0];
    expect(wantsBody(me, known)).toBe(false);
    expect(known.learn(discovery)).toBe(3);
    expect(wantsBody(me, known)).toBe(true);
    const other = { request: { method: 'GET', url: 'http://127.0.0.1:4000/account' }, response: { status: 200 } } as unknown as Parameters<typeof wantsBody>[0];
    expect(wantsBody(other, known)).toBe(false);
  });

  it('remembers a bounded number of endpoints, forgetting the oldest', () => {
    const known = new DiscoveredEndpoints();
    for (let i = 0; i <= MAX_KNOWN_ENDPOINTS; i++) known.learn(JSON.stringify({ token_endpoint: `https://as${i}.example/token` }));
    expect(known.size).toBe(MAX_KNOWN_ENDPOINTS);
    expect(known.has('https://as0.example/token')).toBe(false);
    expect(known.has(`https://as${MAX_KNOWN_ENDPOINTS}.example/token`)).toBe(true);
  });
});
