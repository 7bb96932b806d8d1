import { expect } from 'vitest';
import check from '../../lib/checks/loopback-uses-localhost-name';
import { describeCheck } from '../support/check-cases';
import { AS, CLIENT_ID, CHALLENGE, chain, codeFlow } from '../support/events';

/** A CLI opens the system browser straight on the authorize URL; no app page precedes it. */
const cliLogin = (redirect: string) =>
  chain([
    {
      url: `${AS}/authorize?${new URLSearchParams({ client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirect, state: 'cli-Aa1Bb2Cc3Dd4Ee5Ff6', code_challenge: CHALLENGE, code_challenge_method: 'S256' })}`,
      status: 303,
      location: `${AS}/interaction/c1`,
    },
    { url: `${AS}/interaction/c1` },
  ]);

describeCheck(check, {
  fires: [
    {
      name: 'CLI loopback on localhost',
      events: cliLogin('http://localhost:8400/'),
      expect: (f) => {
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain('http://127.0.0.1:8400/');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'CLI loopback on 127.0.0.1', events: cliLogin('http://127.0.0.1:8400/') },
    {
      name: 'web app on a localhost dev server (its own page started the login)',
      events: codeFlow({ authorizeParams: { redirect_uri: 'http://localhost:3000/callback' } }).map((e) =>
        e.kind === 'request' && e.url === 'https://app.example.com/login' ? { ...e, url: 'http://localhost:3000/login' } : e,
      ),
    },
  ],
});
