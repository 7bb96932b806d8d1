import { DEVICE_CODE_GRANT, errorsWith, reportErrors, type SeenError, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** Words providers use when the user pressed cancel or deny (Facebook user_denied, B2C AADB2C90091, Apple JS). */
const USER_CANCELLED = /\b(?:cancel(?:l?ed)?|user_denied|user_cancelled\w*|declined?|denied (?:the|by the user)|the user (?:denied|declined|rejected))\b|AADSTS65004\b|AADB2C90091\b|AADB2C90118\b|end user denied/i;

/** True when the description (or a provider code) says the user chose to stop; else a policy refused. */
function userCancelled(e: SeenError): boolean {
  if (e.providers.some((p) => /cancel|declin|denied the request|forgot password/.test(p.meaning))) return true;
  if (!e.description) return e.providers.length === 0;
  return USER_CANCELLED.test(e.description);
}

/** RFC 6749 §4.1.2.1: the resource owner or the authorization server denied the request. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'Access was denied (access_denied)',
  refs: [{ spec: 'RFC 6749', section: '4.1.2.1' }],
  cause: 'The user pressed cancel or deny, or a policy refused: the user is not assigned to the app, conditional access, an org-internal app, or an app in test mode.',
  fix: 'Offer a retry. For policy refusals, check the provider-side user assignment and policy.',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    // Device-flow polls report access_denied through error-response-device-flow (RFC 8628 §3.5).
    const errors = errorsWith(flow, ['access_denied']).filter((e) => e.grantType !== DEVICE_CODE_GRANT);
    reportErrors(ctx, errors, {
      severity: (e) => (userCancelled(e) ? 'info' : 'warning'),
      explain: (e) =>
        userCancelled(e)
          ? e.description
            ? 'The description says the user cancelled or declined; that is an expected outcome.'
            : 'No description was given; most often the user pressed cancel or deny.'
          : 'The description does not say the user cancelled: a policy or configuration on the provider side refused access.',
      cause: (e) => (userCancelled(e) ? 'The user pressed cancel or deny on the consent or login page.' : undefined),
    });
  },
});
