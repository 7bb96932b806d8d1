import { expect } from 'vitest';
import check from '../../lib/checks/token-request-failed';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, AS, CLIENT_ID, codeFlow, hop } from '../support/events';

function withoutBody(events: CapturedEvent[]): CapturedEvent[] {
  return events.map((e) => (e.kind === 'request' && e.url.endsWith('/token') ? { ...e, responseBody: undefined } : e)) as CapturedEvent[];
}

describeCheck(check, {
  fires: [
    {
      name: 'invalid_grant with an Entra code',
      events: codeFlow({
        exchange: 'browser',
        tokenStatus: 400,
        tokenResponse: { error: 'invalid_grant', error_description: "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request." },
      }),
      expect: (f) => {
        expect(f[0]?.message).toContain('error=invalid_grant');
        expect(f[0]?.message).toContain('error-response-invalid-grant');
        expect(f[0]?.message).toContain('AADSTS501481');
        expect(f[0]?.message).toContain('pkce-verifier-mismatch');
      },
    },
    {
      name: 'GitHub-style error in HTTP 200',
      events: codeFlow({ exchange: 'browser', tokenStatus: 200, tokenResponse: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' } }),
      expect: (f) => expect(f[0]?.message).toContain('HTTP 200'),
    },
    {
      name: '401 without a captured body',
      events: withoutBody(codeFlow({ exchange: 'browser', tokenStatus: 401 })),
      expect: (f) => {
        expect(f[0]?.message).toContain('not captured');
        expect(f[0]?.message).toContain('invalid_client');
      },
    },
    {
      name: '400 without a captured body: the status hint ends the sentence once',
      events: withoutBody(codeFlow({ exchange: 'browser', tokenStatus: 400 })),
      expect: (f) => {
        expect(f[0]?.message).toMatch(/unsupported_grant_type or invalid_scope\.$/);
        expect(f[0]?.message).not.toContain('..');
      },
    },
    {
      name: 'network failure',
      events: codeFlow({ exchange: 'browser' }).map((e) => (e.kind === 'request' && e.url.endsWith('/token') ? { ...e, error: 'net::ERR_FAILED', status: undefined, responseBody: undefined } : e)) as CapturedEvent[],
      expect: (f) => expect(f[0]?.message).toContain('net::ERR_FAILED'),
    },
    {
      name: 'device-flow polling while the user has not approved yet is info, not an error',
      events: [
        hop({
          url: `${AS}/token`,
          method: 'POST',
          type: 'xmlhttprequest',
          form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS', client_id: CLIENT_ID },
          requestHeaders: [{ name: 'Origin', value: APP }],
          status: 400,
          responseJson: { error: 'authorization_pending' },
        }),
      ],
      expect: (f) => expect(f[0]?.severity).toBe('info'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'successful browser exchange', events: codeFlow({ exchange: 'browser' }) },
  ],
});
