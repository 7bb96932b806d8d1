import type { Check } from '../types';

/** checks.md §2.6 and §2.7 — discovery, keys, logout, DPoP, device flow, and error responses. */
export const ERRORS_AND_METADATA_CHECKS: readonly Check[] = [];
