import type { Flow } from '../model/flow';
import { stringField } from '../flow/params';
import { appErrorOnCallback } from '../flow/app-response';
import { jwtClaims } from './support/value-shape';
import { groupedBy, laterStartingWithin } from './support/flow-index';
import { defineCheck, type CheckContext } from './types';

function endOf(flow: Flow): number {
  const cb = flow.callback ? flow.steps[flow.callback.step]?.time : undefined;
  return cb ?? flow.steps.reduce((t, s) => Math.max(t, s.time), flow.startTime);
}

/** The nonce claim, raw or as the tag a redacted export left (equal nonces keep equal tags). */
function nonceOf(jwt: string | null): string | null {
  const nonce = jwtClaims(jwt)?.nonce;
  return typeof nonce === 'string' ? nonce : null;
}

/** What in the earlier flow carries the later flow's transaction values, computed directly. */
function crossEvidence(early: Flow, late: Flow, ctx: CheckContext): { step: number; what: string; value: string; expected: string } | null {
  const a = early.authorize!;
  const b = late.authorize!;
  const cb = early.callback;
  if (cb?.state && cb.state !== a.state && cb.state === b.state) {
    return { step: cb.step, what: `its callback carries flow ${late.id}'s state`, value: cb.state, expected: a.state ?? '(none)' };
  }
  for (const t of early.tokens) {
    if (!t.codeVerifier || !a.codeChallenge || !b.codeChallenge) continue;
    const hashed = (method: string | null) => (method === 'plain' ? t.codeVerifier : ctx.analysis.derived.s256(t.codeVerifier!));
    if (hashed(a.codeChallengeMethod) !== a.codeChallenge && hashed(b.codeChallengeMethod) === b.codeChallenge) {
      return { step: t.step, what: `its token request sends the code_verifier of flow ${late.id} (S256 matches that flow's code_challenge)`, value: b.codeChallenge, expected: a.codeChallenge };
    }
  }
  const tokens = [cb?.idToken ?? null, ...early.tokens.map((t) => stringField(t.response, 'id_token'))];
  for (const nonce of tokens.map(nonceOf)) {
    if (nonce && a.nonce && nonce !== a.nonce && nonce === b.nonce) {
      return { step: cb?.step ?? a.step, what: `its ID Token carries flow ${late.id}'s nonce`, value: nonce, expected: a.nonce };
    }
  }
  return null;
}

/**
 * RFC 9700 §2.1.1, RFC 6749 §10.12: a client with ONE "current transaction" slot breaks when two
 * logins overlap. Reported once, on the earlier flow — the one whose transaction was overwritten.
 */
export default defineCheck({
  section: 'callback',
  severity: 'warning',
  title: 'Overlapping logins overwrote each other’s transaction',
  refs: [{ spec: 'RFC 9700', section: '2.1.1' }, { spec: 'RFC 6749', section: '10.12' }],
  cause: 'The client keeps one "current transaction" slot in storage (or in the server session), so the second flow overwrote the first flow’s state, verifier and nonce.',
  fix: 'Key stored transactions by state (a map, not one slot); don’t start a silent renew while an interactive login is in progress.',
  messages: {
    overlapped: 'Flows {id} and {lateId} (client {clientId}, {tabs}) overlapped, and {id} was broken by the second one: {what}.',
    stateOverwritten: '{verdict} the first one\'s stored state: flows {id} and {lateId} (client {clientId}, {tabs}) overlapped; {id}\'s callback returned its own state "{state}" but the app answered with {rejected}, {outcome}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a || !flow.clientId || !flow.redirectUri) return;
    const all = ctx.analysis.flows;
    const end = endOf(flow);
    // Same client and redirect_uri, started while this flow was running (indexed: issue 12).
    const key = (f: Flow) => (f.authorize && f.clientId !== null && f.redirectUri !== null ? `${f.clientId}\u0000${f.redirectUri}` : null);
    const group = groupedBy(all, 'client+redirect', key).get(key(flow)!) ?? [];
    const later = laterStartingWithin(all, 'client+redirect', group, flow, flow.startTime, end);
    for (const late of later) {
      const tabs = `tab ${flow.tabIds.join('/')} and tab ${late.tabIds.join('/')}`;
      const found = crossEvidence(flow, late, ctx);
      if (found) {
        ctx.report({
          step: found.step,
          messageId: 'overlapped',
          data: { id: flow.id, lateId: late.id, clientId: flow.clientId, tabs, what: found.what },
          evidence: [{ label: 'value seen', value: found.value, expected: found.expected, step: found.step }, { label: 'overlapping flow', value: late.id }],
        });
        return;
      }
      // Server-side single slot: the AS returned this flow's own state, yet the app rejected it while the later login succeeded (or is still pending).
      const cb = flow.callback;
      const rejected = appErrorOnCallback(flow);
      const lateOk = late.callback !== null && late.callback.error === null && appErrorOnCallback(late) === null;
      const latePending = late.callback === null && late.errorPage === null;
      if (cb && cb.error === null && cb.state === a.state && rejected && (lateOk || latePending)) {
        const outcome = lateOk ? `while ${late.id} succeeded` : `while ${late.id}, started in between, was still pending`;
        const verdict = lateOk ? 'The second login overwrote' : 'The second login most likely overwrote';
        ctx.report({
          step: cb.step,
          messageId: 'stateOverwritten',
          data: { verdict, id: flow.id, lateId: late.id, clientId: flow.clientId, tabs, state: String(cb.state), rejected, outcome },
          evidence: [
            { label: 'app answer to the callback', value: rejected, expected: 'success', step: cb.step },
            { label: 'state returned', value: cb.state ?? '(none)', expected: a.state ?? '(none)', step: cb.step },
            { label: 'overlapping flow', value: late.id },
          ],
        });
        return;
      }
    }
  },
});
