import { AUTHORIZE_REQUEST_CHECKS } from './groups/authorize-request';
import { CALLBACK_CHECKS } from './groups/callback';
import { ERRORS_AND_METADATA_CHECKS } from './groups/errors-and-metadata';
import { TOKEN_CHECKS } from './groups/token';
import type { Check } from './types';

/** The sections of the catalog (docs/checks.md, the extension's catalog page), in reading order. */
export const CHECK_GROUPS: ReadonlyArray<{ id: string; title: string; checks: readonly Check[] }> = [
  { id: 'authorize-request', title: 'The authorization request', checks: AUTHORIZE_REQUEST_CHECKS },
  { id: 'callback', title: 'The callback: authorization response, cookies and browser mechanics', checks: CALLBACK_CHECKS },
  { id: 'token', title: 'The token endpoint, ID Tokens and OIDC artifacts', checks: TOKEN_CHECKS },
  { id: 'errors-and-metadata', title: 'Discovery, keys, logout, DPoP, device flow and error responses', checks: ERRORS_AND_METADATA_CHECKS },
];

/**
 * Every check, sorted by id. Each group file lists the checks of one section of docs/checks.md
 * explicitly; test/meta/checks-registry.test.ts proves every check file is registered here.
 */
export const CHECKS: readonly Check[] = CHECK_GROUPS.flatMap((g) => g.checks).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

/** The registered check with this id (a finding's `check`), if this version has it. */
export function checkById(id: string): Check | undefined {
  return BY_ID.get(id);
}
