import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '../../lib/model/event';
import { redactEvents, redactTrace } from '../../lib/trace/outside-flows';
import { makeTrace } from '../../lib/trace/trace-v1';
import { APP, AS, codeFlow, hop } from '../support/events';

// Issue 12: "Personal data in bodies of requests that are not part of any flow (ssn, pin under
// neutral parent names) survives" — redacted exports drop those bodies, keep URL and status.
describe('redacted exports drop the bodies of requests outside every flow', () => {
  const profile = () =>
    hop({
      url: `${APP}/api/profile`,
      type: 'xmlhttprequest',
      method: 'POST',
      text: '{"person":{"national":{"number":"078-05-1120"}}}',
      responseJson: { person: { details: { number: '078-05-1120', code4: '4921' } } },
      time: 1_700_000_009_000,
    });

  it('keeps URL, status and headers of unrelated traffic, and no body', async () => {
    const { events, manifest } = await redactEvents([...codeFlow({ exchange: 'browser' }), profile()]);
    const out = events.find((e) => e.url === `${APP}/api/profile`) as RequestEvent;
    expect(out).toMatchObject({ url: `${APP}/api/profile`, status: 200, method: 'POST' });
    expect(out.requestBody).toBeUndefined();
    expect(out.responseBody).toBeUndefined();
    expect(JSON.stringify(events)).not.toContain('078-05-1120');
    expect(manifest.fields).toContain('body:outside-flows');
  });

  it('keeps the bodies of flow steps, discovery documents and JWKS', async () => {
    const discovery = hop({ url: `${AS}/.well-known/openid-configuration`, type: 'xmlhttprequest', responseJson: { issuer: AS, authorization_endpoint: `${AS}/authorize`, jwks_uri: `${AS}/jwks` } });
    const jwks = hop({ url: `${AS}/jwks`, type: 'xmlhttprequest', responseJson: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1' }] } });
    const raw = [discovery, jwks, ...codeFlow({ exchange: 'browser' })];
    const { events, manifest } = await redactEvents(raw);
    const bodies = (list: typeof raw) => list.filter((e) => e.kind === 'request' && e.responseBody).length;
    expect(bodies(events)).toBe(bodies(raw));
    expect(manifest.fields).not.toContain('body:outside-flows');
  });

  it('a redacted trace redacted again keeps the same events and bodies', async () => {
    const once = await redactTrace(makeTrace([...codeFlow({ exchange: 'browser' }), profile()]));
    const twice = await redactTrace(once);
    expect(twice.events).toEqual(once.events);
  });
});
