import type { Check } from '../types';
import clientSecretInBrowser from '../client-secret-in-browser';
import clientSecretInUrl from '../client-secret-in-url';
import codeExchangedLate from '../code-exchanged-late';
import codeReused from '../code-reused';
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

/** checks.md §2.3 and §2.4 — the token endpoint, ID Tokens and OIDC artifacts. Sorted by id. */
export const TOKEN_CHECKS: readonly Check[] = [
  clientSecretInBrowser,
  clientSecretInUrl,
  codeExchangedLate,
  codeReused,
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
];
