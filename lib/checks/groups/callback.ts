import type { Check } from '../types';
import issParamMismatch from '../iss-param-mismatch';
import issParamMissing from '../iss-param-missing';
import responseTypeMismatch from '../response-type-mismatch';
import stateMismatch from '../state-mismatch';
import stateMissingInResponse from '../state-missing-in-response';
import stateReusedAcrossFlows from '../state-reused-across-flows';
import unsolicitedCallback from '../unsolicited-callback';

/** checks.md §2.2 and §2.5 — the authorization response (callback), cookies and browser mechanics. */
export const CALLBACK_CHECKS: readonly Check[] = [
  issParamMismatch,
  issParamMissing,
  responseTypeMismatch,
  stateMismatch,
  stateMissingInResponse,
  stateReusedAcrossFlows,
  unsolicitedCallback,
];
