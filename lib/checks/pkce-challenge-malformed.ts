import { charsetWithin, shapeOf, type ValueShape } from './support/value-shape';
import { pkceMethod } from './support/authorize-facts';
import { defineCheck } from './types';

const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
const PLAIN_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;

/** The same verdicts from what a tag kept of a redacted challenge: its length and character class. */
function taggedS256Defect(shape: ValueShape): string | null {
  if (shape.length === 43 && charsetWithin(shape, 'b64url')) return null;
  if (shape.length === 64 && charsetWithin(shape, 'hex')) return 'it is a 64-character hex digest, not base64url of the raw digest bytes';
  if (shape.charset === 'b64') return `it uses standard base64 ("+", "/" or "=" padding) instead of base64url — ${shape.length} characters`;
  if (charsetWithin(shape, 'b64url')) return `it is ${shape.length} characters long instead of 43`;
  return 'it contains characters outside the base64url alphabet';
}

function plainDefect(challenge: string): string | null {
  if (PLAIN_CHALLENGE.test(challenge)) return null;
  return `under the plain method it must be 43–128 unreserved characters, but it is ${challenge.length} characters${/[^A-Za-z0-9._~-]/.test(challenge) ? ' with characters outside [A-Z a-z 0-9 - . _ ~]' : ''}`;
}

function taggedPlainDefect(shape: ValueShape): string | null {
  if (shape.length >= 43 && shape.length <= 128 && charsetWithin(shape, 'unreserved')) return null;
  return `under the plain method it must be 43–128 unreserved characters, but it is ${shape.length} characters${charsetWithin(shape, 'unreserved') ? '' : ' with characters outside [A-Z a-z 0-9 - . _ ~]'}`;
}

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
  section: 'authorize-request',
  severity: 'error',
  title: 'Malformed PKCE code_challenge',
  refs: [{ spec: 'RFC 7636', section: '4.2' }, { spec: 'RFC 7636', note: 'App. A' }],
  cause: 'Standard base64 used instead of base64url, padding left in, a hex digest sent, or the hex string hashed instead of the raw digest bytes.',
  fix: 'Encode the raw 32-byte SHA-256 digest with base64url and strip the padding.',
  messages: {
    malformed: 'The {method} code_challenge "{codeChallenge}" is malformed: {defect}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.codeChallenge) return;
    const method = pkceMethod(flow);
    // A redacted challenge is judged by the length and class its tag kept, never by the tag text.
    const shape = shapeOf(a.codeChallenge);
    let defect: string | null = null;
    if (method === 'S256') defect = shape.tagged ? taggedS256Defect(shape) : s256Defect(a.codeChallenge);
    else if (method === 'plain') defect = shape.tagged ? taggedPlainDefect(shape) : plainDefect(a.codeChallenge);
    if (!defect) return;
    ctx.report({
      step: a.step,
      messageId: 'malformed',
      data: { method, codeChallenge: a.codeChallenge, defect },
      evidence: [
        { label: 'code_challenge', value: a.codeChallenge, expected: method === 'S256' ? '43 characters of base64url (A–Z a–z 0–9 - _), no padding' : '43–128 unreserved characters', step: a.step },
      ],
    });
  },
});
