import { expect, it } from 'vitest';
import { registeredCheck } from '../../lib/checks/index';
import check from '../../lib/checks/redirect-uri-mismatch';
import { describeCheck, findingsOf } from '../support/check-cases';
import { codeFlow, hop, REDIRECT_URI } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'token request adds a trailing slash',
      events: codeFlow({ exchange: 'browser', tokenForm: { redirect_uri: `${REDIRECT_URI}/` } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('trailing slash');
        expect(f[0]?.evidence[0]).toMatchObject({ value: `${REDIRECT_URI}/`, expected: REDIRECT_URI });
        expect(f[0]?.evidence[1]?.value).toContain('trailing slash');
      },
    },
    {
      name: 'token request uses http (backend env var differs)',
      events: codeFlow({ exchange: 'browser', tokenForm: { redirect_uri: 'http://app.example.com/callback' } }),
      expect: (f) => expect(f[0]?.message).toContain(': http vs https'),
    },
    {
      name: 'token request double-encodes the value',
      events: codeFlow({ exchange: 'browser', tokenForm: { redirect_uri: encodeURIComponent(REDIRECT_URI) } }),
      expect: (f) => expect(f[0]?.message).toContain('percent-encoded once more'),
    },
    {
      name: 'dev server port differs between front end and token call',
      events: codeFlow({ authorizeParams: { redirect_uri: 'http://localhost:3000/cb' }, exchange: 'browser', tokenForm: { redirect_uri: 'http://localhost:3001/cb' } }),
      expect: (f) => expect(f[0]?.message).toContain('port 3001 vs 3000'),
    },
    {
      name: 'token request omits redirect_uri',
      events: codeFlow({ exchange: 'browser', tokenForm: { redirect_uri: null } }),
      expect: (f) => expect(f[0]?.message).toContain('omits redirect_uri'),
    },
    {
      name: 'callback lands on another path than sent',
      events: codeFlow({ callbackUrl: 'https://app.example.com/auth/callback' }),
      expect: (f) => {
        expect(f[0]?.message).toContain('path /auth/callback vs /callback');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'https://app.example.com/auth/callback', expected: REDIRECT_URI });
      },
    },
  ],
  silent: [
    { name: 'clean code flow (server exchange)', events: codeFlow() },
    { name: 'clean code flow (browser exchange)', events: codeFlow({ exchange: 'browser' }) },
    { name: 'server adds its own query parameters to the callback', events: codeFlow({ callbackParams: { session_state: 'abc.def' } }) },
  ],
});

it('redirect-uri-mismatch: token variant is not observable when the server redeems the code', async () => {
  const { analyzeEvents } = await import('../../lib/analysis/analyze');
  const { runChecks } = await import('../../lib/checks/engine');
  const { flows, context } = await analyzeEvents(codeFlow({ exchange: 'server' }), {}, []);
  const run = runChecks([registeredCheck(check)], flows[0]!, context);
  expect(run.findings).toEqual([]);
  expect(run.notObservable[0]?.check).toBe('redirect-uri-mismatch');
  expect(await findingsOf(check, [hop({ url: `${REDIRECT_URI}?code=abc&state=orphan-state-123456` })])).toEqual([]);
});
