import { defineCheck } from './types';

const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
const PLAIN_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;

/** Why an S256 challenge is not the base64url of a 32-byte digest (RFC 7636 §4.2, App. A). */
function s256Defect(challenge: string): string | null {
  if (S256_CHALLENGE.test(challenge)) return null;
  if (/^[0-9a-f]{64}$/i.test(challenge)) return 'it is a 64-character hex digest, not base64url of the raw digest bytes';
  if (/=+$/.test(challenge)) return `it keeps base64 padding ("=") — ${challenge.length} characters instead of 43`;
  if (/[+/]/.test(challenge)) return 'it uses standard base64 characters ("+" or "/") instead of base64url ("-" and "_")';
  if (/^[A-Za-z0-9_-]+$/.test(challenge)) {
    const hint = challenge.length === 86 || challenge.length === 88 ? ' (the hex string may have been hashed instead of the raw digest, or a SHA-512 digest used)' : '';
    return `it is ${challenge.length} characters long instead of 43${hint}`;
  }
  return 'it contains characters outside the base64url alphabet';
}

export default defineCheck({
  id: 'pkce-challenge-malformed',
  severity: 'error',
  title: 'Malformed PKCE code_challenge',
  spec: 'RFC 7636 §4.2, App. A',
  cause: 'Standard base64 used instead of base64url, padding left in, a hex digest sent, or the hex string hashed instead of the raw digest bytes.',
  fix: 'Encode the raw 32-byte SHA-256 digest with base64url and strip the padding.',
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.codeChallenge) return;
    const method = a.codeChallengeMethod ?? 'plain';
    let defect: string | null = null;
    if (method === 'S256') defect = s256Defect(a.codeChallenge);
    else if (method === 'plain' && !PLAIN_CHALLENGE.test(a.codeChallenge)) {
      defect = `under the plain method it must be 43–128 unreserved characters, but it is ${a.codeChallenge.length} characters${/[^A-Za-z0-9._~-]/.test(a.codeChallenge) ? ' with characters outside [A-Z a-z 0-9 - . _ ~]' : ''}`;
    }
    if (!defect) return;
    ctx.report({
      step: a.step,
      message: `The ${method} code_challenge "${a.codeChallenge}" is malformed: ${defect}.`,
      evidence: [
        { label: 'code_challenge', value: a.codeChallenge, expected: method === 'S256' ? '43 characters of base64url (A–Z a–z 0–9 - _), no padding' : '43–128 unreserved characters', step: a.step },
      ],
    });
  },
});
