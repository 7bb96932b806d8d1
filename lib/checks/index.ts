import acrNotSatisfied from './acr-not-satisfied';
import atHashMismatch from './at-hash-mismatch';
import authTimeExceedsMaxAge from './auth-time-exceeds-max-age';
import authorizeLoop from './authorize-loop';
import authzPageFramingBlocked from './authz-page-framing-blocked';
import authzRequestMalformed from './authz-request-malformed';
import cHashMismatch from './c-hash-mismatch';
import callbackErrorWithoutRequest from './callback-error-without-request';
import callbackFailedInApp from './callback-failed-in-app';
import callbackNeverReached from './callback-never-reached';
import clientSecretInBrowser from './client-secret-in-browser';
import clientSecretInUrl from './client-secret-in-url';
import codeExchangedLate from './code-exchanged-late';
import codeInUrlLeakViaReferer from './code-in-url-leak-via-referer';
import codeReused from './code-reused';
import cookieSamesiteNoneInsecure from './cookie-samesite-none-insecure';
import deviceFlowPolling from './device-flow-polling';
import discoveryEndpointMismatch from './discovery-endpoint-mismatch';
import discoveryFetchFailed from './discovery-fetch-failed';
import discoveryIssuerMismatch from './discovery-issuer-mismatch';
import dpopNonceLoop from './dpop-nonce-loop';
import dpopProofInvalid from './dpop-proof-invalid';
import endSessionStateMismatch from './end-session-state-mismatch';
import endSessionUnregisteredRedirect from './end-session-unregistered-redirect';
import errorResponseAccessDenied from './error-response-access-denied';
import errorResponseAccountSelectionRequired from './error-response-account-selection-required';
import errorResponseConsentRequired from './error-response-consent-required';
import errorResponseDeviceFlow from './error-response-device-flow';
import errorResponseDpop from './error-response-dpop';
import errorResponseInsufficientScope from './error-response-insufficient-scope';
import errorResponseInteractionRequired from './error-response-interaction-required';
import errorResponseInvalidClient from './error-response-invalid-client';
import errorResponseInvalidGrant from './error-response-invalid-grant';
import errorResponseInvalidRequest from './error-response-invalid-request';
import errorResponseInvalidScope from './error-response-invalid-scope';
import errorResponseInvalidToken from './error-response-invalid-token';
import errorResponseLoginRequired from './error-response-login-required';
import errorResponseRequestObjectOrUri from './error-response-request-object-or-uri';
import errorResponseServerError from './error-response-server-error';
import errorResponseTemporarilyUnavailable from './error-response-temporarily-unavailable';
import errorResponseUnauthorizedClient from './error-response-unauthorized-client';
import errorResponseUnsupportedGrantType from './error-response-unsupported-grant-type';
import errorResponseUnsupportedResponseType from './error-response-unsupported-response-type';
import httpRedirectUri from './http-redirect-uri';
import idTokenAlgNone from './id-token-alg-none';
import idTokenAudMismatch from './id-token-aud-mismatch';
import idTokenExpired from './id-token-expired';
import idTokenIssMismatch from './id-token-iss-mismatch';
import idTokenIssuedInFuture from './id-token-issued-in-future';
import idTokenKidUnknown from './id-token-kid-unknown';
import idTokenMalformed from './id-token-malformed';
import idTokenSignatureInvalid from './id-token-signature-invalid';
import implicitFlowUsed from './implicit-flow-used';
import issParamMismatch from './iss-param-mismatch';
import issParamMissing from './iss-param-missing';
import jarClientIdMismatch from './jar-client-id-mismatch';
import jwksFetchFailed from './jwks-fetch-failed';
import loopbackUsesLocalhostName from './loopback-uses-localhost-name';
import mixedSchemeOrigins from './mixed-scheme-origins';
import multipleConcurrentFlowsSameClient from './multiple-concurrent-flows-same-client';
import nonceMismatch from './nonce-mismatch';
import nonceMissing from './nonce-missing';
import nonceReused from './nonce-reused';
import openidScopeMissing from './openid-scope-missing';
import parRequestUriMisuse from './par-request-uri-misuse';
import parRequiredNotUsed from './par-required-not-used';
import pkceChallengeMalformed from './pkce-challenge-malformed';
import pkceChallengeReused from './pkce-challenge-reused';
import pkceDowngradeAccepted from './pkce-downgrade-accepted';
import pkceMethodInvalid from './pkce-method-invalid';
import pkceMissing from './pkce-missing';
import pkcePlain from './pkce-plain';
import pkceUnsupportedHint from './pkce-unsupported-hint';
import pkceVerifierMalformed from './pkce-verifier-malformed';
import pkceVerifierMismatch from './pkce-verifier-mismatch';
import pkceVerifierMissing from './pkce-verifier-missing';
import popupOpenerLost from './popup-opener-lost';
import providerKnownDeviation from './provider-known-deviation';
import redirect307Credentials from './redirect-307-credentials';
import redirectUriHasFragment from './redirect-uri-has-fragment';
import redirectUriMismatch from './redirect-uri-mismatch';
import redirectUriNotRegisteredHint from './redirect-uri-not-registered-hint';
import redirectUriWildcardOrOpenRedirect from './redirect-uri-wildcard-or-open-redirect';
import redirectsNotInHar from './redirects-not-in-har';
import refreshTokenReuse from './refresh-token-reuse';
import responseModeQueryWithTokens from './response-mode-query-with-tokens';
import responseModeUnsupported from './response-mode-unsupported';
import responseTypeMismatch from './response-type-mismatch';
import ropcGrantUsed from './ropc-grant-used';
import samesiteCookieDropped from './samesite-cookie-dropped';
import scopeNarrowed from './scope-narrowed';
import scopeUnknown from './scope-unknown';
import stateMismatch from './state-mismatch';
import stateMissing from './state-missing';
import stateMissingInResponse from './state-missing-in-response';
import stateReusedAcrossFlows from './state-reused-across-flows';
import stateWeak from './state-weak';
import thirdPartyCookieBlockedSilentRenew from './third-party-cookie-blocked-silent-renew';
import tokenEndpointCorsBlocked from './token-endpoint-cors-blocked';
import tokenExchangeNotObservable from './token-exchange-not-observable';
import tokenInFragmentLeak from './token-in-fragment-leak';
import tokenInUrlQuery from './token-in-url-query';
import tokenRequestFailed from './token-request-failed';
import tokenRequestMalformed from './token-request-malformed';
import tokenResponseCacheable from './token-response-cacheable';
import tokenResponseIncomplete from './token-response-incomplete';
import unsolicitedCallback from './unsolicited-callback';
import userinfoSubMismatch from './userinfo-sub-mismatch';
import valuesRedactedElsewhere from './values-redacted-elsewhere';
import type { Check, CheckDefinition } from './types';

/**
 * The registry: every check under its id, which is its file name, in id order (one line per
 * check; test/meta/checks-registry.test.ts keeps the keys sorted and equal to the file names).
 * A check file does not repeat its id: it is given here.
 */
const REGISTRY: Readonly<Record<string, CheckDefinition>> = {
  'acr-not-satisfied': acrNotSatisfied,
  'at-hash-mismatch': atHashMismatch,
  'auth-time-exceeds-max-age': authTimeExceedsMaxAge,
  'authorize-loop': authorizeLoop,
  'authz-page-framing-blocked': authzPageFramingBlocked,
  'authz-request-malformed': authzRequestMalformed,
  'c-hash-mismatch': cHashMismatch,
  'callback-error-without-request': callbackErrorWithoutRequest,
  'callback-failed-in-app': callbackFailedInApp,
  'callback-never-reached': callbackNeverReached,
  'client-secret-in-browser': clientSecretInBrowser,
  'client-secret-in-url': clientSecretInUrl,
  'code-exchanged-late': codeExchangedLate,
  'code-in-url-leak-via-referer': codeInUrlLeakViaReferer,
  'code-reused': codeReused,
  'cookie-samesite-none-insecure': cookieSamesiteNoneInsecure,
  'device-flow-polling': deviceFlowPolling,
  'discovery-endpoint-mismatch': discoveryEndpointMismatch,
  'discovery-fetch-failed': discoveryFetchFailed,
  'discovery-issuer-mismatch': discoveryIssuerMismatch,
  'dpop-nonce-loop': dpopNonceLoop,
  'dpop-proof-invalid': dpopProofInvalid,
  'end-session-state-mismatch': endSessionStateMismatch,
  'end-session-unregistered-redirect': endSessionUnregisteredRedirect,
  'error-response-access-denied': errorResponseAccessDenied,
  'error-response-account-selection-required': errorResponseAccountSelectionRequired,
  'error-response-consent-required': errorResponseConsentRequired,
  'error-response-device-flow': errorResponseDeviceFlow,
  'error-response-dpop': errorResponseDpop,
  'error-response-insufficient-scope': errorResponseInsufficientScope,
  'error-response-interaction-required': errorResponseInteractionRequired,
  'error-response-invalid-client': errorResponseInvalidClient,
  'error-response-invalid-grant': errorResponseInvalidGrant,
  'error-response-invalid-request': errorResponseInvalidRequest,
  'error-response-invalid-scope': errorResponseInvalidScope,
  'error-response-invalid-token': errorResponseInvalidToken,
  'error-response-login-required': errorResponseLoginRequired,
  'error-response-request-object-or-uri': errorResponseRequestObjectOrUri,
  'error-response-server-error': errorResponseServerError,
  'error-response-temporarily-unavailable': errorResponseTemporarilyUnavailable,
  'error-response-unauthorized-client': errorResponseUnauthorizedClient,
  'error-response-unsupported-grant-type': errorResponseUnsupportedGrantType,
  'error-response-unsupported-response-type': errorResponseUnsupportedResponseType,
  'http-redirect-uri': httpRedirectUri,
  'id-token-alg-none': idTokenAlgNone,
  'id-token-aud-mismatch': idTokenAudMismatch,
  'id-token-expired': idTokenExpired,
  'id-token-iss-mismatch': idTokenIssMismatch,
  'id-token-issued-in-future': idTokenIssuedInFuture,
  'id-token-kid-unknown': idTokenKidUnknown,
  'id-token-malformed': idTokenMalformed,
  'id-token-signature-invalid': idTokenSignatureInvalid,
  'implicit-flow-used': implicitFlowUsed,
  'iss-param-mismatch': issParamMismatch,
  'iss-param-missing': issParamMissing,
  'jar-client-id-mismatch': jarClientIdMismatch,
  'jwks-fetch-failed': jwksFetchFailed,
  'loopback-uses-localhost-name': loopbackUsesLocalhostName,
  'mixed-scheme-origins': mixedSchemeOrigins,
  'multiple-concurrent-flows-same-client': multipleConcurrentFlowsSameClient,
  'nonce-mismatch': nonceMismatch,
  'nonce-missing': nonceMissing,
  'nonce-reused': nonceReused,
  'openid-scope-missing': openidScopeMissing,
  'par-request-uri-misuse': parRequestUriMisuse,
  'par-required-not-used': parRequiredNotUsed,
  'pkce-challenge-malformed': pkceChallengeMalformed,
  'pkce-challenge-reused': pkceChallengeReused,
  'pkce-downgrade-accepted': pkceDowngradeAccepted,
  'pkce-method-invalid': pkceMethodInvalid,
  'pkce-missing': pkceMissing,
  'pkce-plain': pkcePlain,
  'pkce-unsupported-hint': pkceUnsupportedHint,
  'pkce-verifier-malformed': pkceVerifierMalformed,
  'pkce-verifier-mismatch': pkceVerifierMismatch,
  'pkce-verifier-missing': pkceVerifierMissing,
  'popup-opener-lost': popupOpenerLost,
  'provider-known-deviation': providerKnownDeviation,
  'redirect-307-credentials': redirect307Credentials,
  'redirect-uri-has-fragment': redirectUriHasFragment,
  'redirect-uri-mismatch': redirectUriMismatch,
  'redirect-uri-not-registered-hint': redirectUriNotRegisteredHint,
  'redirect-uri-wildcard-or-open-redirect': redirectUriWildcardOrOpenRedirect,
  'redirects-not-in-har': redirectsNotInHar,
  'refresh-token-reuse': refreshTokenReuse,
  'response-mode-query-with-tokens': responseModeQueryWithTokens,
  'response-mode-unsupported': responseModeUnsupported,
  'response-type-mismatch': responseTypeMismatch,
  'ropc-grant-used': ropcGrantUsed,
  'samesite-cookie-dropped': samesiteCookieDropped,
  'scope-narrowed': scopeNarrowed,
  'scope-unknown': scopeUnknown,
  'state-mismatch': stateMismatch,
  'state-missing': stateMissing,
  'state-missing-in-response': stateMissingInResponse,
  'state-reused-across-flows': stateReusedAcrossFlows,
  'state-weak': stateWeak,
  'third-party-cookie-blocked-silent-renew': thirdPartyCookieBlockedSilentRenew,
  'token-endpoint-cors-blocked': tokenEndpointCorsBlocked,
  'token-exchange-not-observable': tokenExchangeNotObservable,
  'token-in-fragment-leak': tokenInFragmentLeak,
  'token-in-url-query': tokenInUrlQuery,
  'token-request-failed': tokenRequestFailed,
  'token-request-malformed': tokenRequestMalformed,
  'token-response-cacheable': tokenResponseCacheable,
  'token-response-incomplete': tokenResponseIncomplete,
  'unsolicited-callback': unsolicitedCallback,
  'userinfo-sub-mismatch': userinfoSubMismatch,
  'values-redacted-elsewhere': valuesRedactedElsewhere,
};

/** Every check, sorted by id (the order they run in). */
export const CHECKS: readonly Check[] = Object.entries(REGISTRY).map(([id, definition]) => ({ ...definition, id }));

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));
const BY_DEFINITION = new Map(CHECKS.map((c, i) => [Object.values(REGISTRY)[i]!, c]));

/** The registered check with this id (a finding's `check`), if this version has it. */
export function checkById(id: string): Check | undefined {
  return BY_ID.get(id);
}

/** The registered check of a check file's default export (a test imports the file; the registry names it). */
export function registeredCheck(definition: CheckDefinition | Check): Check {
  const check = 'id' in definition ? definition : BY_DEFINITION.get(definition);
  if (!check) throw new Error(`check "${definition.title}" is not in the registry (lib/checks/index.ts)`);
  return check;
}
