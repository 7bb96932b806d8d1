import type { Check } from '../types';
import stateMissing from '../state-missing';

/** checks.md §2.1 — the authorization request. */
export const AUTHORIZE_REQUEST_CHECKS: readonly Check[] = [stateMissing];
