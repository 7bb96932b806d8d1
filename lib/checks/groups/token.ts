import type { Check } from '../types';
import tokenExchangeNotObservable from '../token-exchange-not-observable';

/** checks.md §2.3 and §2.4 — the token endpoint, ID Tokens and OIDC artifacts. */
export const TOKEN_CHECKS: readonly Check[] = [tokenExchangeNotObservable];
