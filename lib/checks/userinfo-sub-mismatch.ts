import { responseObject, stringField } from '../flow/params';
import { claimsOf, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §5.3.2: the UserInfo sub MUST exactly match the ID Token sub, else the response must not be used. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'UserInfo is about a different user than the ID Token',
  refs: [{ spec: 'OIDC-Core', section: '5.3.2' }],
  cause: 'The access token belongs to another user or session, or a mix-up between providers.',
  fix: 'Discard the UserInfo data and check which access token was sent.',
  messages: {
    subMismatch: 'The UserInfo response (step {step}) has sub "{sub}", but the ID Token\'s sub is "{idSub}".',
  },
  run(flow, ctx) {
    const subs = visibleIdTokens(flow, ctx)
      .map((s) => claimsOf(s)?.sub)
      .filter((s): s is string => typeof s === 'string');
    const idSub = subs[subs.length - 1];
    if (idSub === undefined) return;
    flow.steps.forEach((step, index) => {
      if (step.kind !== 'userinfo' || !step.event) return;
      const sub = stringField(responseObject(step.event), 'sub');
      if (sub === null || sub === idSub) return;
      ctx.report({
        step: index,
        messageId: 'subMismatch',
        data: { step: index + 1, sub, idSub },
        evidence: [{ label: 'sub', value: sub, expected: idSub, step: index }],
      });
    });
  },
});
