import { hashClaimCheck } from './support/hash-claim';

/**
 * OIDC-Core §3.1.3.6/§3.2.2.9: at_hash = base64url(left half of hash(access_token)), the hash
 * matching the JWS alg. Required when the authorization endpoint issues an access token beside
 * the ID Token (implicit `id_token token`, §3.2.2.10; hybrid `code id_token token`, §3.3.2.11).
 */
export default hashClaimCheck({
  claim: 'at_hash',
  hashed: (seen) => seen.accessToken,
  hashedName: 'access_token',
  required: (seen, flow) => {
    const responseType = (flow.authorize?.responseType ?? '').split(' ');
    return seen.source === 'callback' && responseType.includes('id_token') && responseType.includes('token');
  },
  section: 'token',
  severity: 'error',
  title: 'at_hash does not match the access token',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.8' }, { spec: 'OIDC-Core', section: '3.2.2.9' }, { spec: 'OIDC-Core', section: '3.2.2.10' }],
  cause: 'The ID Token and access token were swapped or tampered with.',
  fix: 'Reject the response.',
  messages: {
    missing: '{where} came with an access token (response_type "{responseType}") but has no at_hash, which is required here.',
    mismatch: '{where} has at_hash "{hashClaim}", but the left half of {hash}(access_token) is "{computed}": the ID Token was not issued with this access token.',
    mismatchRedacted: '{where} has at_hash "{hashClaim}", but it did not match the access token when the trace was redacted: the ID Token was not issued with this access token.',
  },
});
