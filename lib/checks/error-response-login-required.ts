import type { Flow, StepContext } from '../model/flow';
import { errorsWith, reportErrors, ERROR_RESPONSE_MESSAGES } from './support/error-responses';
import { defineCheck } from './types';

/** Where the authorization request ran: a hidden iframe means a silent renew (docs/architecture.md "Correlating flows" step 5). */
function contextOf(flow: Flow): StepContext {
  const index = flow.authorize?.step ?? flow.callback?.step;
  return index === undefined ? 'top' : flow.steps[index]?.context ?? 'top';
}

const WORDS: Record<StepContext, string> = { top: 'a top-level page', iframe: 'a hidden iframe', popup: 'a popup' };

/** An earlier flow with the same authorization server that got a code or tokens: a session existed. */
function earlierLogin(flow: Flow, flows: readonly Flow[]): Flow | null {
  return (
    flows.find(
      (f) =>
        f !== flow &&
        f.startTime < flow.startTime &&
        f.serverOrigin !== null &&
        f.serverOrigin === flow.serverOrigin &&
        f.callback !== null &&
        f.callback.error === null &&
        (f.callback.code !== null || f.callback.idToken !== null || f.callback.accessToken !== null),
    ) ?? null
  );
}

/** OIDC-Core §3.1.2.6: prompt=none found no usable session at the authorization server. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'No session at the authorization server (login_required)',
  refs: [{ spec: 'OIDC-Core', section: '3.1.2.6' }],
  cause: 'There is no authorization-server session, or its cookie was not sent (see third-party-cookie-blocked-silent-renew).',
  fix: 'Fall back to an interactive login (redirect or popup).',
  messages: ERROR_RESPONSE_MESSAGES,
  run(flow, ctx) {
    const context = contextOf(flow);
    const earlier = earlierLogin(flow, ctx.analysis.flows);
    const silent = context === 'iframe' && !earlier;
    reportErrors(ctx, errorsWith(flow, ['login_required']), {
      severity: () => (silent ? 'info' : 'warning'),
      explain: () => {
        const prompt = flow.authorize?.prompt;
        const asked = prompt ? `The request ran in ${WORDS[context]} with prompt=${prompt}.` : `The request ran in ${WORDS[context]} without prompt=none.`;
        if (earlier) return `${asked} A login to the same server succeeded earlier in this capture (flow ${earlier.id}), so a session should exist: its cookie was probably not sent.`;
        return silent ? `${asked} This is the expected answer of a silent renew without a session.` : `${asked} At top level the user should normally be shown a login page instead.`;
      },
      cause: () => (earlier ? 'A session exists but its cookie did not reach the authorization server: third-party cookie blocking (Safari ITP, Firefox Total Cookie Protection, Chrome settings) or a SameSite attribute.' : undefined),
    });
  },
});
