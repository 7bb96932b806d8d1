import type { Check } from './types';
import stateMismatch from './state-mismatch';
import stateMissing from './state-missing';
import tokenExchangeNotObservable from './token-exchange-not-observable';

/** Every check, sorted by id. test/meta/checks-registry.test.ts keeps this list honest. */
export const CHECKS: readonly Check[] = [stateMismatch, stateMissing, tokenExchangeNotObservable];
