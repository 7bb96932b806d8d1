import type { Check } from '../types';
import acrNotSatisfied from '../acr-not-satisfied';
import atHashMismatch from '../at-hash-mismatch';
import authTimeExceedsMaxAge from '../auth-time-exceeds-max-age';
import cHashMismatch from '../c-hash-mismatch';
import clientSecretInBrowser from '../client-secret-in-browser';
import clientSecretInUrl from '../client-secret-in-url';
import codeExchangedLate from '../code-exchanged-late';
import codeReused from '../code-reused';
import idTokenAlgNone from '../id-token-alg-none';
import idTokenAudMismatch from '../id-token-aud-mismatch';
import idTokenExpired from '../id-token-expired';
import idTokenIssMismatch from '../id-token-iss-mismatch';
import idTokenIssuedInFuture from '../id-token-issued-in-future';
import idTokenKidUnknown from '../id-token-kid-unknown';
import idTokenMalformed from '../id-token-malformed';
import idTokenSignatureInvalid from '../id-token-signature-invalid';
import nonceMismatch from '../nonce-mismatch';
import pkceDowngradeAccepted from '../pkce-downgrade-accepted';
import pkceVerifierMalformed from '../pkce-verifier-malformed';
import pkceVerifierMismatch from '../pkce-verifier-mismatch';
import pkceVerifierMissing from '../pkce-verifier-missing';
import refreshTokenReuse from '../refresh-token-reuse';
import tokenEndpointCorsBlocked from '../token-endpoint-cors-blocked';
import tokenExchangeNotObservable from '../token-exchange-not-observable';
import tokenRequestFailed from '../token-request-failed';
import tokenRequestMalformed from '../token-request-malformed';
import tokenResponseCacheable from '../token-response-cacheable';
import tokenResponseIncomplete from '../token-response-incomplete';
import userinfoSubMismatch from '../userinfo-sub-mismatch';

/** One section of docs/checks.md: the token endpoint, ID Tokens and OIDC artifacts. Sorted by id. */
export const TOKEN_CHECKS: readonly Check[] = [
  acrNotSatisfied,
  atHashMismatch,
  authTimeExceedsMaxAge,
  cHashMismatch,
  clientSecretInBrowser,
  clientSecretInUrl,
  codeExchangedLate,
  codeReused,
  idTokenAlgNone,
  idTokenAudMismatch,
  idTokenExpired,
  idTokenIssMismatch,
  idTokenIssuedInFuture,
  idTokenKidUnknown,
  idTokenMalformed,
  idTokenSignatureInvalid,
  nonceMismatch,
  pkceDowngradeAccepted,
  pkceVerifierMalformed,
  pkceVerifierMismatch,
  pkceVerifierMissing,
  refreshTokenReuse,
  tokenEndpointCorsBlocked,
  tokenExchangeNotObservable,
  tokenRequestFailed,
  tokenRequestMalformed,
  tokenResponseCacheable,
  tokenResponseIncomplete,
  userinfoSubMismatch,
];
