import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import * as z from 'zod';

/** Server-side OpenID Connect helpers of the sample app (its "backend"). */

export const DiscoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  userinfo_endpoint: z.string(),
  jwks_uri: z.string(),
  end_session_endpoint: z.string(),
  pushed_authorization_request_endpoint: z.string(),
});
export type Discovery = z.infer<typeof DiscoverySchema>;

const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  id_token: z.string().optional(),
  scope: z.string().optional(),
  expires_in: z.number().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

const ErrorResponseSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** 32 random bytes, base64url: 256 bits, well above RFC 9700 §4.7.1's 128-bit floor for state. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export async function fetchDiscovery(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`discovery failed: HTTP ${res.status}`);
  return DiscoverySchema.parse(await res.json());
}

export class TokenError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
  ) {
    super(`${error}: ${description}`);
  }
}

export interface ClientAuth {
  clientId: string;
  secret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

/** The authorization-code grant (RFC 6749 §4.1.3), sent from the server: invisible to the browser. */
export async function exchangeCode(
  discovery: Discovery,
  auth: ClientAuth,
  params: { code: string; redirectUri: string; codeVerifier: string },
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: params.redirectUri,
    code_verifier: params.codeVerifier,
  });
  return postToEndpoint(discovery.token_endpoint, auth, body, TokenResponseSchema);
}

/** Pushed authorization request (RFC 9126 §2.1), from the server. */
export async function pushAuthorizationRequest(discovery: Discovery, auth: ClientAuth, params: URLSearchParams): Promise<string> {
  const schema = z.object({ request_uri: z.string(), expires_in: z.number() });
  return (await postToEndpoint(discovery.pushed_authorization_request_endpoint, auth, params, schema)).request_uri;
}

async function postToEndpoint<T>(endpoint: string, auth: ClientAuth, body: URLSearchParams, schema: z.ZodType<T>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth.method === 'client_secret_basic') {
    // RFC 6749 §2.3.1: form-urlencode id and secret before joining them.
    const pair = `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.secret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    body.set('client_id', auth.clientId);
    body.set('client_secret', auth.secret);
  }
  const res = await fetch(endpoint, { method: 'POST', headers, body });
  const json: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const parsed = ErrorResponseSchema.safeParse(json);
    throw new TokenError(parsed.success ? parsed.data.error : 'http_error', parsed.data?.error_description ?? `HTTP ${res.status}`, res.status);
  }
  return schema.parse(json);
}

export type KeySet = ReturnType<typeof createRemoteJWKSet>;

export function keySetFor(discovery: Discovery): KeySet {
  return createRemoteJWKSet(new URL(discovery.jwks_uri));
}

/** ID Token validation, OIDC-Core §3.1.3.7: signature, iss, aud, exp, and the nonce of this transaction. */
export async function verifyIdToken(discovery: Discovery, jwks: KeySet, idToken: string, clientId: string, nonce: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(idToken, jwks, { issuer: discovery.issuer, audience: clientId });
  if (payload.nonce !== nonce) throw new Error('nonce mismatch');
  return payload;
}
