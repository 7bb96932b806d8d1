import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { bodyParams, getParam, queryParams } from '../../lib/flow/params';
import type { CapturedEvent } from '../../lib/model/event';
import { redactTrace } from '../../lib/trace/outside-flows';
import { makeTrace } from '../../lib/trace/trace-v1';
import { codeFlow, CODE, VERIFIER } from '../support/events';
import { hybridFlow, leftHalfS256, signIdToken } from '../support/oidc';

/** analyzeEvents(events, { redaction }): the manifest's relations stand in for hashes of values that are gone (docs/trace-format.md "Derived relations"). */
const first = (events: CapturedEvent[], pick: (e: Extract<CapturedEvent, { kind: 'request' }>) => string | null) =>
  events.flatMap((e) => (e.kind === 'request' ? [pick(e)] : [])).find((v) => v !== null)!;

async function redacted(events: CapturedEvent[]) {
  const trace = await redactTrace(makeTrace(events));
  return { trace, analysis: await analyzeEvents(trace.events, { redaction: trace.redaction }) };
}

describe('derived values on a redacted trace', () => {
  it('s256(verifier tag) is the tag of the matching challenge; a wrong verifier gives another tag', async () => {
    for (const [verifier, matches] of [[VERIFIER, true], [`${VERIFIER}x`, false]] as const) {
      const { trace, analysis } = await redacted(codeFlow({ exchange: 'browser', tokenForm: { code_verifier: verifier } }));
      const challengeTag = first(trace.events, (e) => getParam(queryParams(e.url), 'code_challenge'));
      const verifierTag = first(trace.events, (e) => getParam(bodyParams(e), 'code_verifier'));
      expect(analysis.context.redacted).toBe(true);
      expect(analysis.context.derived.s256(verifierTag) === challengeTag).toBe(matches);
      // Hashing a tag would say nothing about the value it stands for.
      expect(analysis.context.derived.digest(verifierTag, 'SHA-256')).toBeNull();
      expect(analysis.flows[0]!.tokens[0]!.codeVerifier).toBe(verifierTag);
    }
  });

  it('without the manifest a tagged verifier has no S256 (null, not the hash of the tag)', async () => {
    const trace = await redactTrace(makeTrace(codeFlow({ exchange: 'browser' })));
    const { context } = await analyzeEvents(trace.events);
    expect(context.redacted).toBe(false);
    expect(context.derived.s256(first(trace.events, (e) => getParam(bodyParams(e), 'code_verifier')))).toBeNull();
  });

  it('hashMatch answers for a redacted ID Token from the c_hash relation; raw tokens are hashed by the check', async () => {
    for (const [cHash, match] of [[leftHalfS256(CODE), true], [leftHalfS256('attacker-code'), false]] as const) {
      const events = hybridFlow({ fragment: { id_token: await signIdToken({ claims: { at_hash: null, c_hash: cHash } }) } });
      const { analysis } = await redacted(events);
      const idToken = analysis.flows.find((f) => f.callback?.idToken)!.callback!.idToken!;
      expect(analysis.context.derived.hashMatch('c_hash', idToken)).toBe(match);
      expect(analysis.context.derived.signature(idToken)).toBeNull();
      const raw = await analyzeEvents(events);
      expect(raw.context.derived.hashMatch('c_hash', raw.flows.find((f) => f.callback?.idToken)!.callback!.idToken!)).toBeNull();
    }
  });
});
