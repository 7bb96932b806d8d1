import type { Check } from '../types';
import authzRequestMalformed from '../authz-request-malformed';
import nonceMissing from '../nonce-missing';
import nonceReused from '../nonce-reused';
import openidScopeMissing from '../openid-scope-missing';
import pkceChallengeMalformed from '../pkce-challenge-malformed';
import pkceChallengeReused from '../pkce-challenge-reused';
import pkceMissing from '../pkce-missing';
import pkcePlain from '../pkce-plain';
import pkceUnsupportedHint from '../pkce-unsupported-hint';
import stateMissing from '../state-missing';
import stateWeak from '../state-weak';

/** checks.md §2.1 — the authorization request. */
export const AUTHORIZE_REQUEST_CHECKS: readonly Check[] = [
  authzRequestMalformed,
  nonceMissing,
  nonceReused,
  openidScopeMissing,
  pkceChallengeMalformed,
  pkceChallengeReused,
  pkceMissing,
  pkcePlain,
  pkceUnsupportedHint,
  stateMissing,
  stateWeak,
];
