import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { DECLINING_ACCOUNT } from './accounts';
import { CLIENT_IDS, CLIENT_SECRETS, RP_PATHS } from './clients';
import { parseCookies, readBody, redirect, sendHtml, sendJson } from './http-util';
import { exchangeCode, pushAuthorizationRequest, randomToken, s256, TokenError, verifyIdToken, type ClientAuth, type Discovery, type KeySet } from './rp-oidc';
import { messagePage } from './rp-pages';
import { FORM_TX_COOKIE, sidCookie, type RpStore, type Transaction } from './rp-store';

/** The server-rendered scenarios of the sample app: where each login starts and how it ends. */

export interface RpContext {
  discovery: Discovery;
  jwks: KeySet;
  store: RpStore;
  /** 127.0.0.1 origin (same site as the provider) and localhost origin (another site). */
  primaryOrigin: string;
  altOrigin: string;
}

export const SERVER_SCENARIOS = ['web', 'denied', 'bad-redirect', 'forged-state', 'single-slot', 'par', 'form-post', 'implicit'] as const;
export type ServerScenario = (typeof SERVER_SCENARIOS)[number];

const WEB_AUTH: ClientAuth = { clientId: CLIENT_IDS.web, secret: CLIENT_SECRETS.web, method: 'client_secret_basic' };
const FORM_POST_AUTH: ClientAuth = { clientId: CLIENT_IDS.formPost, secret: CLIENT_SECRETS.formPost, method: 'client_secret_post' };
const SCOPE = 'openid email profile';

/** GET /login/:scenario — builds the authorization request (RFC 6749 §4.1.1, OIDC-Core §3.1.2.1) and redirects. */
export async function startLogin(ctx: RpContext, scenario: ServerScenario, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { sid, isNew } = ctx.store.browserId(req);
  const cookies = isNew ? [sidCookie(sid)] : [];
  const query = new URL(req.url ?? '/', origin).searchParams;
  const implicit = scenario === 'implicit';
  const tx: Transaction = {
    state: randomToken(),
    nonce: randomToken(),
    codeVerifier: implicit ? '' : randomToken(),
    clientId: implicit ? CLIENT_IDS.implicit : scenario === 'form-post' ? CLIENT_IDS.formPost : CLIENT_IDS.web,
    redirectUri: redirectFor(ctx, scenario, origin),
    createdAt: Date.now(),
  };
  const params = new URLSearchParams({
    client_id: tx.clientId,
    response_type: implicit ? 'id_token token' : 'code',
    scope: SCOPE,
    redirect_uri: tx.redirectUri,
    state: tx.state,
    nonce: tx.nonce,
  });
  if (!implicit) {
    params.set('code_challenge', s256(tx.codeVerifier));
    params.set('code_challenge_method', 'S256');
  }
  if (scenario === 'form-post') {
    params.set('response_mode', 'form_post');
    // The transaction cookie that a cross-site form_post callback will not bring back.
    cookies.push(`${FORM_TX_COOKIE}=${tx.state}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600`);
  }
  if (scenario === 'denied') params.set('login_hint', DECLINING_ACCOUNT.email);
  for (const name of ['prompt', 'login_hint', 'max_age'] as const) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }

  if (scenario === 'single-slot') ctx.store.setSlot(sid, tx);
  else ctx.store.addTransaction(sid, tx);

  let location = `${ctx.discovery.authorization_endpoint}?${params}`;
  if (scenario === 'par') {
    // RFC 9126 §4: only client_id and request_uri travel through the browser.
    const requestUri = await pushAuthorizationRequest(ctx.discovery, WEB_AUTH, params);
    location = `${ctx.discovery.authorization_endpoint}?${new URLSearchParams({ client_id: tx.clientId, request_uri: requestUri })}`;
  }
  redirect(res, location, 302, cookies.length ? { 'set-cookie': cookies } : {});
}

function redirectFor(ctx: RpContext, scenario: ServerScenario, origin: string): string {
  switch (scenario) {
    case 'bad-redirect':
      return origin + RP_PATHS.unregistered;
    case 'forged-state':
      return origin + RP_PATHS.proxied;
    case 'form-post':
      return origin + RP_PATHS.formPost;
    case 'implicit':
      return ctx.primaryOrigin + RP_PATHS.implicit;
    default:
      return origin + RP_PATHS.web;
  }
}

/** GET /cb/web, GET /cb/proxied, POST /cb/form — the authorization response (RFC 6749 §4.1.2). */
export async function handleCallback(ctx: RpContext, req: IncomingMessage, res: ServerResponse, params: URLSearchParams, formPost: boolean): Promise<void> {
  const sid = ctx.store.existingBrowser(req);
  if (formPost && !parseCookies(req).has(FORM_TX_COOKIE)) {
    return sendHtml(res, 400, messagePage('Login failed', `No transaction: the ${FORM_TX_COOKIE} cookie (SameSite=Lax) was not sent with this cross-site form_post callback.`));
  }
  const tx = sid ? ctx.store.takeTransaction(sid, params.get('state') ?? '') : null;
  if (!sid || !tx) return sendHtml(res, 400, messagePage('Login failed', 'state mismatch: this callback does not belong to a login started in this browser.'));
  const clear: Record<string, string> = formPost ? { 'set-cookie': `${FORM_TX_COOKIE}=; Path=/; Max-Age=0` } : {};

  const iss = params.get('iss');
  if (iss !== null && iss !== ctx.discovery.issuer) {
    return sendHtml(res, 400, messagePage('Login failed', 'iss mismatch (RFC 9207): the response came from another issuer.'), clear);
  }
  const error = params.get('error');
  if (error) {
    return sendHtml(res, 200, messagePage('Login not completed', `The provider answered ${error}: ${params.get('error_description') ?? ''}`), clear);
  }
  try {
    const tokens = await exchangeCode(ctx.discovery, formPost ? FORM_POST_AUTH : WEB_AUTH, {
      code: params.get('code') ?? '',
      redirectUri: tx.redirectUri,
      codeVerifier: tx.codeVerifier,
    });
    if (!tokens.id_token) throw new Error('no id_token in the token response');
    const claims = await verifyIdToken(ctx.discovery, ctx.jwks, tokens.id_token, tx.clientId, tx.nonce);
    ctx.store.setSession(sid, {
      sub: String(claims.sub),
      claims: await userinfo(ctx, tokens.access_token),
      idToken: tokens.id_token,
      scope: tokens.scope ?? '',
      via: `${tx.clientId} (server-side code exchange)`,
    });
    redirect(res, '/profile', formPost ? 303 : 302, clear);
  } catch (e) {
    const message = e instanceof TokenError ? `token endpoint answered ${e.error}: ${e.description}` : String(e);
    sendHtml(res, 502, messagePage('Login failed', message), clear);
  }
}

async function userinfo(ctx: RpContext, accessToken: string): Promise<Record<string, unknown>> {
  const res = await fetch(ctx.discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
  return res.ok ? z.record(z.string(), z.unknown()).parse(await res.json()) : {};
}

const ImplicitResultSchema = z.object({ state: z.string(), id_token: z.string() });

/** POST /implicit/session — the implicit callback page hands over state and ID Token (never the access token). */
export async function finishImplicit(ctx: RpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const sid = ctx.store.existingBrowser(req);
  const parsed = ImplicitResultSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
  if (!parsed.success) return sendJson(res, 400, { error: 'bad request' });
  const tx = sid ? ctx.store.takeTransaction(sid, parsed.data.state) : null;
  if (!sid || !tx) return sendJson(res, 400, { error: 'state mismatch' });
  try {
    const claims = await verifyIdToken(ctx.discovery, ctx.jwks, parsed.data.id_token, tx.clientId, tx.nonce);
    ctx.store.setSession(sid, { sub: String(claims.sub), claims, idToken: parsed.data.id_token, scope: SCOPE, via: `${tx.clientId} (implicit)` });
    sendJson(res, 200, { ok: true, sub: claims.sub });
  } catch (e) {
    sendJson(res, 400, { error: String(e) });
  }
}

/** GET /logout — RP-initiated logout (RPLogout §2) with id_token_hint and a post-logout redirect. */
export function startLogout(ctx: RpContext, origin: string, req: IncomingMessage, res: ServerResponse): void {
  const sid = ctx.store.existingBrowser(req);
  const session = ctx.store.session(sid);
  if (!sid || !session) return redirect(res, '/');
  ctx.store.setSession(sid, null);
  const params = new URLSearchParams({ id_token_hint: session.idToken, post_logout_redirect_uri: `${origin}/`, state: randomToken() });
  redirect(res, `${ctx.discovery.end_session_endpoint}?${params}`);
}
