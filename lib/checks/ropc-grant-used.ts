import { getParam } from '../flow/params';
import { defineCheck } from './types';

/** RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used. */
export default defineCheck({
  id: 'ropc-grant-used',
  severity: 'error',
  title: 'Password grant (ROPC) used',
  refs: [{ spec: 'RFC 9700', section: '2.4' }, { spec: 'RFC 6749', section: '4.3' }],
  cause: 'The app collects the user’s credentials itself.',
  fix: "Redirect to the authorization server's login page (authorization code flow).",
  run(flow, ctx) {
    for (const t of flow.tokens) {
      const password = getParam(t.params, 'password') !== null;
      if (t.grantType !== 'password' && !password) continue;
      const username = getParam(t.params, 'username');
      ctx.report({
        step: t.step,
        message:
          t.grantType === 'password'
            ? `The token request uses grant_type=password${username !== null ? ' with the user’s username and password' : ''}: the app handles the user’s credentials directly.`
            : `The token request (grant_type=${t.grantType ?? 'absent'}) carries a password field: the user’s password is posted to the token endpoint.`,
        evidence: [{ label: 'grant_type', value: t.grantType ?? '(absent)', expected: 'authorization_code', step: t.step }],
      });
    }
  },
});
