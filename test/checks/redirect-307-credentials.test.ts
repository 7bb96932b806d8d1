import { expect } from 'vitest';
import check from '../../lib/checks/redirect-307-credentials';
import { describeCheck } from '../support/check-cases';
import { APP, AS, authorizeUrl, chain, CHALLENGE, CLIENT_ID, CODE, codeFlow, REDIRECT_URI, STATE } from '../support/events';

const T = 1_700_000_000_000;

function loginWith(status: number) {
  const params = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };
  return [
    ...chain([
      { url: `${APP}/login`, time: T },
      { url: authorizeUrl(params), time: T + 50, status: 303, location: `${AS}/login` },
      { url: `${AS}/login`, time: T + 100 },
    ]),
    ...chain([
      { url: `${AS}/login`, method: 'POST', time: T + 3000, form: { username: 'alice', password: 'hunter2' }, status },
      { url: `${REDIRECT_URI}?code=${CODE}&state=${STATE}`, method: status === 303 ? 'GET' : 'POST', time: T + 3050, form: status === 303 ? undefined : { username: 'alice', password: 'hunter2' }, status: 302, location: `${APP}/` },
    ]),
  ];
}

describeCheck(check, {
  fires: [
    {
      name: 'login POST answered with 307 to the redirect_uri',
      events: loginWith(307),
      expect: (f) => {
        expect(f[0]?.message).toContain('password');
        expect(f[0]?.message).not.toContain('hunter2');
        expect(f[0]?.evidence[0]).toMatchObject({ value: '307', expected: '303' });
      },
    },
    { name: 'login POST answered with 308', events: loginWith(308) },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'login POST answered with 303', events: loginWith(303) },
  ],
});
