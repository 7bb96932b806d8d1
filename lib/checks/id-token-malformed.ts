import { claimsOf, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §2: iss, sub, aud, exp and iat are REQUIRED in every ID Token. */
const REQUIRED: ReadonlyArray<readonly [string, (v: unknown) => boolean, string]> = [
  ['iss', (v) => typeof v === 'string', 'a string'],
  ['sub', (v) => typeof v === 'string', 'a string'],
  ['aud', (v) => typeof v === 'string' || (Array.isArray(v) && v.every((a) => typeof a === 'string')), 'a string or array of strings'],
  ['exp', (v) => typeof v === 'number', 'a number (seconds)'],
  ['iat', (v) => typeof v === 'number', 'a number (seconds)'],
];

export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token is not a well-formed JWT',
  refs: [{ spec: 'OIDC-Core', section: '2' }, { spec: 'OIDC-Core', section: '3.1.3.7' }],
  cause: 'Truncation, an opaque token mistaken for an ID Token, or the access token and ID Token mixed up.',
  fix: 'Use id_token from the response (not access_token), and check that nothing truncates it on the way.',
  messages: {
    undecodable: '{token} (step {step}) cannot be decoded: {problem}',
    claimsMissing: '{token} (step {step}) lacks required claims: {described}.',
  },
  run(flow, ctx) {
    for (const seen of visibleIdTokens(flow, ctx)) {
      if (!seen.decoded.ok) {
        ctx.report({
          step: seen.step,
          messageId: 'undecodable',
          data: { token: tokenWhere(seen), step: seen.step + 1, problem: seen.decoded.message },
          evidence: [{ label: 'id_token', value: seen.token.length > 40 ? `${seen.token.slice(0, 40)}… (${seen.token.length} chars)` : seen.token, expected: 'header.payload.signature (base64url)', step: seen.step }],
        });
        continue;
      }
      const claims = claimsOf(seen);
      if (!claims && seen.decoded.redacted) {
        ctx.notObservable('The trace is redacted and this ID Token was replaced whole by a tag (it was encrypted or did not decode), so its structure is unknown.');
        continue;
      }
      if (!claims) continue; // a JWE: the payload is encrypted for the client
      const bad = REQUIRED.filter(([name, ok]) => !ok(claims[name]));
      if (!bad.length) continue;
      const described = bad.map(([name, , want]) => (claims[name] === undefined ? `${name} is missing` : `${name} is ${JSON.stringify(claims[name])}, not ${want}`));
      ctx.report({
        step: seen.step,
        messageId: 'claimsMissing',
        data: { token: tokenWhere(seen), step: seen.step + 1, described: described.join('; ') },
        evidence: bad.map(([name, , want]) => ({ label: name, value: claims[name] === undefined ? '(missing)' : JSON.stringify(claims[name]), expected: want, step: seen.step })),
      });
    }
  },
});
