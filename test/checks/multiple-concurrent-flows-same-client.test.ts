import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import check from '../../lib/checks/multiple-concurrent-flows-same-client';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { APP, CHALLENGE, codeFlow, REDIRECT_URI } from '../support/events';

const T = 1_700_000_000_000;
const STATE_A = 'first-tab-state-aaaaaaaaaaaa';
const STATE_B = 'second-tab-state-bbbbbbbbbbb';
const VERIFIER_B = 'second-flow-verifier-0123456789abcdefghijklmnop';
const CHALLENGE_B = createHash('sha256').update(VERIFIER_B).digest('base64url');

/** Change how the app answers the callback of the flow in `tabId`. */
function answerCallback(events: CapturedEvent[], tabId: number, answer: { status: number; location?: string }): CapturedEvent[] {
  return events.map((e) => {
    if (e.kind !== 'request' || e.tabId !== tabId || !e.url.startsWith(REDIRECT_URI)) return e;
    const { redirectUrl: _dropped, ...rest } = e;
    return { ...rest, status: answer.status, ...(answer.location ? { redirectUrl: answer.location } : {}) };
  });
}

/** Two tabs start logins 0.5 s apart with the same client (e2e scenario 5's shape). */
function twoTabs(overrides: { secondStart?: number; secondClient?: string } = {}): CapturedEvent[] {
  return [
    ...codeFlow({ tabId: 1, startTime: T, authorizeParams: { state: STATE_A } }),
    ...codeFlow({
      tabId: 2,
      startTime: overrides.secondStart ?? T + 500,
      authorizeParams: { state: STATE_B, ...(overrides.secondClient ? { client_id: overrides.secondClient } : {}) },
      callbackParams: { code: 'code-for-tab-two' },
    }),
  ];
}

describeCheck(check, {
  fires: [
    {
      name: 'server-side single slot: first tab callback rejected with 400, second succeeds',
      events: answerCallback(twoTabs(), 1, { status: 400 }),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain("The second login overwrote the first one's stored state");
        expect(f[0]?.message).toContain('HTTP 400');
        expect(f[0]?.evidence[1]).toMatchObject({ value: STATE_A, expected: STATE_A });
      },
    },
    {
      name: 'first tab callback redirected to an error route',
      events: answerCallback(twoTabs(), 1, { status: 302, location: `${APP}/error?error=state_mismatch` }),
      expect: (f) => expect(f[0]?.message).toContain(`a redirect to ${APP}/error`),
    },
    {
      name: "SPA single slot: the first flow's token request sends the second flow's verifier",
      events: [
        ...codeFlow({ tabId: 1, startTime: T, exchange: 'browser', authorizeParams: { state: STATE_A }, tokenForm: { code_verifier: VERIFIER_B } }),
        ...codeFlow({ tabId: 2, startTime: T + 500, exchange: 'browser', authorizeParams: { state: STATE_B, code_challenge: CHALLENGE_B }, callbackParams: { code: 'code-b' }, tokenForm: { code_verifier: VERIFIER_B } }),
      ],
      expect: (f) => {
        expect(f[0]?.message).toContain('code_verifier of flow f2');
        expect(f[0]?.evidence[0]).toMatchObject({ value: CHALLENGE_B, expected: CHALLENGE });
      },
    },
    {
      name: 'first tab rejected while the second login is still on the login page',
      events: answerCallback([...codeFlow({ tabId: 1, startTime: T, authorizeParams: { state: STATE_A } }), ...codeFlow({ tabId: 2, startTime: T + 500, authorizeParams: { state: STATE_B } }).slice(0, 3)], 1, { status: 400 }),
      expect: (f) => expect(f[0]?.message).toContain('most likely overwrote'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'two overlapping logins that both succeed', events: twoTabs() },
    { name: 'first login fails but the second started after it ended', events: answerCallback(twoTabs({ secondStart: T + 60_000 }), 1, { status: 400 }) },
    { name: 'both overlapping logins rejected (not an overwrite)', events: answerCallback(answerCallback(twoTabs(), 1, { status: 400 }), 2, { status: 400 }) },
    { name: 'overlapping logins of different clients', events: answerCallback(twoTabs({ secondClient: 'other-app' }), 1, { status: 400 }) },
  ],
});
