import { getParam } from '../flow/params';
import { defineCheck } from './types';

/** RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Password grant (ROPC) used',
  refs: [{ spec: 'RFC 9700', section: '2.4' }, { spec: 'RFC 6749', section: '4.3' }],
  cause: 'The app collects the user’s credentials itself.',
  fix: "Redirect to the authorization server's login page (authorization code flow).",
  messages: {
    passwordGrant: 'The token request uses grant_type=password{credentials}: the app handles the user’s credentials directly.',
    passwordField: 'The token request (grant_type={grantType}) carries a password field: the user’s password is posted to the token endpoint.',
  },
  run(flow, ctx) {
    for (const t of flow.tokens) {
      const password = getParam(t.params, 'password') !== null;
      if (t.grantType !== 'password' && !password) continue;
      const username = getParam(t.params, 'username');
      ctx.report({
        step: t.step,
        ...(t.grantType === 'password' ? { messageId: 'passwordGrant', data: { credentials: username !== null ? ' with the user’s username and password' : '' } } : { messageId: 'passwordField', data: { grantType: t.grantType ?? 'absent' } }),
        evidence: [{ label: 'grant_type', value: t.grantType ?? '(absent)', expected: 'authorization_code', step: t.step }],
      });
    }
  },
});
