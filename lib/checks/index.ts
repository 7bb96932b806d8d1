import { AUTHORIZE_REQUEST_CHECKS } from './groups/authorize-request';
import { CALLBACK_CHECKS } from './groups/callback';
import { ERRORS_AND_METADATA_CHECKS } from './groups/errors-and-metadata';
import { TOKEN_CHECKS } from './groups/token';
import type { Check } from './types';

/**
 * Every check, sorted by id. Each group file lists the checks of one section of docs/checks.md
 * explicitly; test/meta/checks-registry.test.ts proves every check file is registered here.
 */
export const CHECKS: readonly Check[] = [
  ...AUTHORIZE_REQUEST_CHECKS,
  ...CALLBACK_CHECKS,
  ...TOKEN_CHECKS,
  ...ERRORS_AND_METADATA_CHECKS,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
