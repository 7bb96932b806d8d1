import { expect } from 'vitest';
import check from '../../lib/checks/userinfo-sub-mismatch';
import { describeCheck } from '../support/check-cases';
import { APP, AS, codeFlow, hop } from '../support/events';
import { ACCESS_TOKEN, SUB, TOKEN_TIME, oidcCodeFlow } from '../support/oidc';

const userinfo = (sub: string) =>
  hop({
    url: `${AS}/me`,
    type: 'xmlhttprequest',
    time: TOKEN_TIME + 500,
    requestHeaders: [{ name: 'Authorization', value: `Bearer ${ACCESS_TOKEN}` }, { name: 'Origin', value: APP }],
    responseJson: { sub, email: 'alice@example.com' },
  });

describeCheck(check, {
  fires: [
    {
      name: 'UserInfo about another user',
      events: [...(await oidcCodeFlow()), userinfo('99999-other-user')],
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: '99999-other-user', expected: SUB }),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'same sub', events: [...(await oidcCodeFlow()), userinfo(SUB)] },
  ],
});
