import deviceFlowPolling from '../device-flow-polling';
import discoveryEndpointMismatch from '../discovery-endpoint-mismatch';
import discoveryFetchFailed from '../discovery-fetch-failed';
import discoveryIssuerMismatch from '../discovery-issuer-mismatch';
import dpopNonceLoop from '../dpop-nonce-loop';
import dpopProofInvalid from '../dpop-proof-invalid';
import endSessionStateMismatch from '../end-session-state-mismatch';
import endSessionUnregisteredRedirect from '../end-session-unregistered-redirect';
import errorResponseAccessDenied from '../error-response-access-denied';
import errorResponseAccountSelectionRequired from '../error-response-account-selection-required';
import errorResponseConsentRequired from '../error-response-consent-required';
import errorResponseDeviceFlow from '../error-response-device-flow';
import errorResponseDpop from '../error-response-dpop';
import errorResponseInsufficientScope from '../error-response-insufficient-scope';
import errorResponseInteractionRequired from '../error-response-interaction-required';
import errorResponseInvalidClient from '../error-response-invalid-client';
import errorResponseInvalidGrant from '../error-response-invalid-grant';
import errorResponseInvalidRequest from '../error-response-invalid-request';
import errorResponseInvalidScope from '../error-response-invalid-scope';
import errorResponseInvalidToken from '../error-response-invalid-token';
import errorResponseLoginRequired from '../error-response-login-required';
import errorResponseRequestObjectOrUri from '../error-response-request-object-or-uri';
import errorResponseServerError from '../error-response-server-error';
import errorResponseTemporarilyUnavailable from '../error-response-temporarily-unavailable';
import errorResponseUnauthorizedClient from '../error-response-unauthorized-client';
import errorResponseUnsupportedGrantType from '../error-response-unsupported-grant-type';
import errorResponseUnsupportedResponseType from '../error-response-unsupported-response-type';
import jwksFetchFailed from '../jwks-fetch-failed';
import valuesRedactedElsewhere from '../values-redacted-elsewhere';
import type { Check } from '../types';

/** One section of docs/checks.md: discovery, keys, logout, DPoP, device flow, and error responses. Sorted by id. */
export const ERRORS_AND_METADATA_CHECKS: readonly Check[] = [
  deviceFlowPolling,
  discoveryEndpointMismatch,
  discoveryFetchFailed,
  discoveryIssuerMismatch,
  dpopNonceLoop,
  dpopProofInvalid,
  endSessionStateMismatch,
  endSessionUnregisteredRedirect,
  errorResponseAccessDenied,
  errorResponseAccountSelectionRequired,
  errorResponseConsentRequired,
  errorResponseDeviceFlow,
  errorResponseDpop,
  errorResponseInsufficientScope,
  errorResponseInteractionRequired,
  errorResponseInvalidClient,
  errorResponseInvalidGrant,
  errorResponseInvalidRequest,
  errorResponseInvalidScope,
  errorResponseInvalidToken,
  errorResponseLoginRequired,
  errorResponseRequestObjectOrUri,
  errorResponseServerError,
  errorResponseTemporarilyUnavailable,
  errorResponseUnauthorizedClient,
  errorResponseUnsupportedGrantType,
  errorResponseUnsupportedResponseType,
  jwksFetchFailed,
  valuesRedactedElsewhere,
];
