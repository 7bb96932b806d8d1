import { hashClaimCheck } from './support/hash-claim';

/**
 * OIDC-Core §3.3.2.11: an ID Token issued from the authorization endpoint together with a code
 * (`code id_token`, `code id_token token`) MUST carry c_hash = base64url(left half of hash(code)).
 */
export default hashClaimCheck({
  claim: 'c_hash',
  // Token-endpoint ID Tokens may carry c_hash too (§3.3.3.6): compare with the code redeemed.
  hashed: (seen) => seen.code ?? seen.exchange?.code ?? null,
  hashedName: 'code',
  required: (seen) => seen.source === 'callback',
  section: 'token',
  severity: 'error',
  title: 'c_hash missing or does not match the code',
  refs: [{ spec: 'OIDC-Core', section: '3.3.2.10' }, { spec: 'OIDC-Core', section: '3.3.2.11' }],
  cause: 'Code injection (a code swapped into the response), or an authorization-server bug.',
  fix: 'Reject the response.',
  messages: {
    missing: '{where} came with code "{value}" (hybrid flow) but has no c_hash, which OIDC-Core §3.3.2.11 requires.',
    mismatch: '{where} has c_hash "{hashClaim}", but the left half of {hash}("{value}") is "{computed}": the code was not issued with this ID Token.',
    mismatchRedacted: '{where} has c_hash "{hashClaim}", but it did not match the code "{value}" when the trace was redacted: the code was not issued with this ID Token.',
  },
});
