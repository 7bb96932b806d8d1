import { browserTokens } from './support/token-requests';
import { charsetWithin, shapeOf } from './support/value-shape';
import { defineCheck } from './types';

/** RFC 7636 §4.1: code-verifier = 43*128unreserved, unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~". */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'PKCE code_verifier breaks the RFC 7636 grammar',
  refs: [{ spec: 'RFC 7636', section: '4.1' }],
  cause: 'Too few random bytes, standard base64 (+ / =), or a UUID with braces.',
  fix: 'Base64url-encode 32 random bytes (43 characters) without padding.',
  messages: {
    malformed: 'The code_verifier "{verifier}" is malformed: {problems}.',
  },
  run(flow, ctx) {
    for (const t of browserTokens(flow, ctx)) {
      const v = t.codeVerifier;
      if (v === null) continue;
      // A redacted verifier is judged by the length and class its tag kept, never by the tag text.
      const shape = shapeOf(v);
      const problems: string[] = [];
      if (shape.length < 43) problems.push(`it is ${shape.length} characters long (minimum 43)`);
      if (shape.length > 128) problems.push(`it is ${shape.length} characters long (maximum 128)`);
      if (shape.tagged && !charsetWithin(shape, 'unreserved')) problems.push('it contains characters outside [A-Za-z0-9-._~]');
      const bad = shape.tagged ? [] : [...new Set([...v].filter((c) => !UNRESERVED.test(c)))];
      if (bad.length) problems.push(`it contains ${bad.map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', ')}, outside [A-Za-z0-9-._~]`);
      if (!problems.length) continue;
      ctx.report({
        step: t.step,
        messageId: 'malformed',
        data: { verifier: v, problems: problems.join('; ') },
        evidence: [{ label: 'code_verifier', value: v, expected: '43–128 characters of [A-Za-z0-9-._~]', step: t.step }],
      });
    }
  },
});
