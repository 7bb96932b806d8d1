import type { Check } from '../types';
import stateMismatch from '../state-mismatch';

/** checks.md §2.2 and §2.5 — the authorization response (callback), cookies and browser mechanics. */
export const CALLBACK_CHECKS: readonly Check[] = [stateMismatch];
