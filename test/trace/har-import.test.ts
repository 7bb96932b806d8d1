import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { harToEvents, parseHar } from '../../lib/trace/har-import';
import { loadInputText } from '../../lib/trace/load';
import { entry, har } from '../support/har';

const AS = 'http://127.0.0.1:4000';
const APP = 'http://127.0.0.1:5000';
const authorize = `${AS}/auth?client_id=spa&response_type=id_token%20token&redirect_uri=${encodeURIComponent(APP + '/cb')}&scope=openid&state=abcdefghijklmnopqrstuvwxyz&nonce=n1234567890`;

describe('HAR import', () => {
  it('chains redirect hops and recovers the fragment from the Location header', () => {
    const events = harToEvents(
      parseHar(
        har([
          entry({ url: authorize, status: 303, location: `${AS}/interaction/xyz`, time: '2026-11-23T10:00:00.000Z' }),
          entry({ url: `${AS}/interaction/xyz`, status: 303, location: `/auth/xyz`, time: '2026-11-23T10:00:00.100Z' }),
          entry({
            url: `${AS}/auth/xyz`,
            status: 303,
            location: `${APP}/cb#access_token=at1&token_type=Bearer&id_token=a.b.c&state=abcdefghijklmnopqrstuvwxyz`,
            redirectURL: `${APP}/cb`,
            time: '2026-11-23T10:00:00.200Z',
          }),
          entry({ url: `${APP}/cb`, time: '2026-11-23T10:00:00.300Z' }),
        ]),
      ),
    );
    expect(new Set(events.map((e) => e.requestId)).size).toBe(1);
    expect(events[1]!.redirectUrl).toBe(`${AS}/auth/xyz`);
    expect(events[2]!.redirectUrl).toContain('#access_token=at1');
  });

  it('reads an implicit flow from a HAR into one flow with its fragment tokens', async () => {
    const { loadInputText: load } = { loadInputText };
    const input = load(
      JSON.stringify(
        har([
          entry({ url: authorize, status: 303, location: `${APP}/cb#access_token=at1&token_type=Bearer&state=abcdefghijklmnopqrstuvwxyz`, redirectURL: `${APP}/cb` }),
          entry({ url: `${APP}/cb`, time: '2026-11-23T10:00:00.300Z' }),
        ]),
      ),
    );
    expect(input.kind).toBe('har');
    const { flows } = await analyzeEvents(input.events);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.callback?.accessToken).toBe('at1');
    expect(flows[0]!.callback?.location).toBe('fragment');
  });

  it('keeps form bodies and JSON responses of token requests', () => {
    const [token] = harToEvents(
      parseHar(
        har([
          entry({
            url: `${AS}/token`,
            method: 'POST',
            postText: 'grant_type=authorization_code&code=c1&code_verifier=v%2Bx',
            responseJson: { access_token: 'at', token_type: 'Bearer' },
            requestHeaders: [{ name: 'Sec-Fetch-Mode', value: 'cors' }],
          }),
        ]),
      ),
    );
    expect(token!.type).toBe('xmlhttprequest');
    expect(token!.requestBody).toEqual({
      kind: 'form',
      fields: [
        { name: 'grant_type', value: 'authorization_code' },
        { name: 'code', value: 'c1' },
        { name: 'code_verifier', value: 'v+x' },
      ],
    });
    expect(JSON.parse(token!.responseBody!.text)).toEqual({ access_token: 'at', token_type: 'Bearer' });
  });

  it('refuses malformed input with one line saying where', () => {
    expect(() => loadInputText('{"log":{"entries":[{"request":{}}]}}', 'x.har')).toThrow(/x\.har: invalid HAR: har\.log\.entries\[0\]\.startedDateTime/);
    expect(() => loadInputText('{"log": {"entr', 'x.har')).toThrow(/not valid JSON \(the file is truncated\)/);
    expect(() => loadInputText('', 'x.har')).toThrow(/the file is empty/);
    expect(() => loadInputText('[1,2]', 'x.json')).toThrow(/neither an OAuth Lens trace/);
    expect(() => loadInputText(JSON.stringify({ format: 'oauth-lens-trace', version: 7, events: [] }), 't.json')).toThrow(/trace version 7 is not supported/);
  });
});
