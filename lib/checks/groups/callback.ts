import type { Check } from '../types';
import authzPageFramingBlocked from '../authz-page-framing-blocked';
import callbackNeverReached from '../callback-never-reached';
import codeInUrlLeakViaReferer from '../code-in-url-leak-via-referer';
import cookieSamesiteNoneInsecure from '../cookie-samesite-none-insecure';
import issParamMismatch from '../iss-param-mismatch';
import issParamMissing from '../iss-param-missing';
import mixedSchemeOrigins from '../mixed-scheme-origins';
import multipleConcurrentFlowsSameClient from '../multiple-concurrent-flows-same-client';
import popupOpenerLost from '../popup-opener-lost';
import redirect307Credentials from '../redirect-307-credentials';
import responseTypeMismatch from '../response-type-mismatch';
import samesiteCookieDropped from '../samesite-cookie-dropped';
import stateMismatch from '../state-mismatch';
import stateMissingInResponse from '../state-missing-in-response';
import stateReusedAcrossFlows from '../state-reused-across-flows';
import thirdPartyCookieBlockedSilentRenew from '../third-party-cookie-blocked-silent-renew';
import tokenInFragmentLeak from '../token-in-fragment-leak';
import tokenInUrlQuery from '../token-in-url-query';
import unsolicitedCallback from '../unsolicited-callback';

/** One section of docs/checks.md: the authorization response (callback), cookies and browser mechanics. */
export const CALLBACK_CHECKS: readonly Check[] = [
  authzPageFramingBlocked,
  callbackNeverReached,
  codeInUrlLeakViaReferer,
  cookieSamesiteNoneInsecure,
  issParamMismatch,
  issParamMissing,
  mixedSchemeOrigins,
  multipleConcurrentFlowsSameClient,
  popupOpenerLost,
  redirect307Credentials,
  responseTypeMismatch,
  samesiteCookieDropped,
  stateMismatch,
  stateMissingInResponse,
  stateReusedAcrossFlows,
  thirdPartyCookieBlockedSilentRenew,
  tokenInFragmentLeak,
  tokenInUrlQuery,
  unsolicitedCallback,
];
