import type { RequestEvent } from '../../lib/model/event';
import { APP, AS, hop } from './events';

const T = 1_700_000_000_000;

/** The metadata document of the test authorization server (OIDC-Disc §3), with overrides. */
export function metadata(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    issuer: AS,
    authorization_endpoint: `${AS}/authorize`,
    token_endpoint: `${AS}/token`,
    jwks_uri: `${AS}/jwks`,
    end_session_endpoint: `${AS}/session/end`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    ...overrides,
  };
}

export interface FetchInit {
  url?: string;
  status?: number;
  json?: unknown;
  text?: string;
  error?: string;
  time?: number;
}

/** A SPA's fetch of a metadata document or JWKS, shortly before the login starts. */
export function metadataFetch(init: FetchInit = {}): RequestEvent {
  const event = hop({
    url: init.url ?? `${AS}/.well-known/openid-configuration`,
    type: 'xmlhttprequest',
    time: init.time ?? T - 500,
    requestHeaders: [{ name: 'Origin', value: APP }],
    status: init.status ?? (init.error ? 0 : 200),
    ...(init.json !== undefined ? { responseJson: init.json } : {}),
    ...(init.text !== undefined ? { responseText: init.text } : {}),
    ...(init.error ? { error: init.error } : {}),
  });
  if (init.error) delete event.status;
  return event;
}

/** A JWK Set with one public key. */
export const JWKS = { keys: [{ kty: 'EC', crv: 'P-256', kid: 'k1', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }] };
