import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { stringField } from '../../lib/flow/params';
import { oidcCodeFlow, signIdToken, strangerKey } from '../support/oidc';

/** analyzeEvents verifies every ID Token against the captured JWKS before the checks run. */
describe('derived.signature', () => {
  it('is valid for a token signed by the published key, with discovery and JWKS attached to the flow', async () => {
    const { flows, context } = await analyzeEvents(await oidcCodeFlow(), {}, []);
    const flow = flows[0]!;
    expect(flows).toHaveLength(1);
    expect(flow.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['discovery', 'token', 'jwks']));
    expect(context.jwksFor(flow)?.keys).toHaveLength(1);
    const idToken = stringField(flow.tokens[0]!.response, 'id_token')!;
    expect(context.derived.signature(idToken)).toBe('valid');
  });

  it('is invalid for a token signed by another key, and null without a captured JWKS', async () => {
    const forged = await signIdToken({ key: strangerKey });
    const withKeys = await analyzeEvents(await oidcCodeFlow({ idToken: forged }), {}, []);
    expect(withKeys.context.derived.signature(forged)).toBe('invalid');
    const without = await analyzeEvents(await oidcCodeFlow({ idToken: forged, jwks: false }), {}, []);
    expect(without.context.derived.signature(forged)).toBeNull();
  });
});
