import type { Check } from '../types';
import authorizeLoop from '../authorize-loop';
import authzRequestMalformed from '../authz-request-malformed';
import httpRedirectUri from '../http-redirect-uri';
import implicitFlowUsed from '../implicit-flow-used';
import jarClientIdMismatch from '../jar-client-id-mismatch';
import loopbackUsesLocalhostName from '../loopback-uses-localhost-name';
import nonceMissing from '../nonce-missing';
import nonceReused from '../nonce-reused';
import openidScopeMissing from '../openid-scope-missing';
import parRequestUriMisuse from '../par-request-uri-misuse';
import parRequiredNotUsed from '../par-required-not-used';
import pkceChallengeMalformed from '../pkce-challenge-malformed';
import pkceChallengeReused from '../pkce-challenge-reused';
import pkceMethodInvalid from '../pkce-method-invalid';
import pkceMissing from '../pkce-missing';
import pkcePlain from '../pkce-plain';
import pkceUnsupportedHint from '../pkce-unsupported-hint';
import providerKnownDeviation from '../provider-known-deviation';
import redirectUriHasFragment from '../redirect-uri-has-fragment';
import redirectUriMismatch from '../redirect-uri-mismatch';
import redirectUriNotRegisteredHint from '../redirect-uri-not-registered-hint';
import redirectUriWildcardOrOpenRedirect from '../redirect-uri-wildcard-or-open-redirect';
import responseModeQueryWithTokens from '../response-mode-query-with-tokens';
import responseModeUnsupported from '../response-mode-unsupported';
import ropcGrantUsed from '../ropc-grant-used';
import scopeNarrowed from '../scope-narrowed';
import scopeUnknown from '../scope-unknown';
import stateMissing from '../state-missing';
import stateWeak from '../state-weak';

/** One section of docs/checks.md: the authorization request. */
export const AUTHORIZE_REQUEST_CHECKS: readonly Check[] = [
  authorizeLoop,
  authzRequestMalformed,
  httpRedirectUri,
  implicitFlowUsed,
  jarClientIdMismatch,
  loopbackUsesLocalhostName,
  nonceMissing,
  nonceReused,
  openidScopeMissing,
  parRequestUriMisuse,
  parRequiredNotUsed,
  pkceChallengeMalformed,
  pkceChallengeReused,
  pkceMethodInvalid,
  pkceMissing,
  pkcePlain,
  pkceUnsupportedHint,
  providerKnownDeviation,
  redirectUriHasFragment,
  redirectUriMismatch,
  redirectUriNotRegisteredHint,
  redirectUriWildcardOrOpenRedirect,
  responseModeQueryWithTokens,
  responseModeUnsupported,
  ropcGrantUsed,
  scopeNarrowed,
  scopeUnknown,
  stateMissing,
  stateWeak,
];
