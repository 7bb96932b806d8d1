import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_IDS, RP_PATHS } from './clients';
import { closeServer, listenOnFreePort, readForm, redirect, sendHtml } from './http-util';
import { finishImplicit, handleCallback, SERVER_SCENARIOS, startLogin, startLogout, type RpContext, type ServerScenario } from './rp-flows';
import { fetchDiscovery, keySetFor } from './rp-oidc';
import { homePage, messagePage, profilePage, scriptPage, SPA_BODY, type ScenarioLink } from './rp-pages';
import { RpStore, sidCookie } from './rp-store';

/**
 * The sample relying party: plain node:http on 127.0.0.1, reachable under two site names
 * (http://127.0.0.1:PORT and http://localhost:PORT) so cross-site cookie behaviour can be shown.
 */
export interface RunningRp {
  port: number;
  url: string;
  altUrl: string;
  /** Called once the provider runs: the app needs its discovery document. */
  attach(issuer: string): Promise<void>;
  close(): Promise<void>;
}

/** Wrong on purpose: a confidential secret "bundled" into browser code, and stale (invalid_client). */
export const STALE_BROWSER_SECRET = 'stale-secret-from-the-js-bundle';

export const SCENARIOS: readonly ScenarioLink[] = [
  { id: 'login-web', href: '/login/web', title: 'Confidential web app', expect: 'success, code exchanged by the server (not observable)' },
  { id: 'spa', href: '/spa', title: 'Single-page app (PKCE) and its variants', expect: 'success, code reuse, PKCE mismatch, invalid client, narrowed scope, popup, silent renew' },
  { id: 'login-bad-redirect', href: '/login/bad-redirect', title: 'Unregistered redirect_uri', expect: 'provider error page, no way back' },
  { id: 'login-denied', href: '/login/denied', title: 'User declines consent', expect: 'callback with error=access_denied' },
  { id: 'login-forged-state', href: '/login/forged-state', title: 'Forged state', expect: 'an intermediary rewrites state; the app answers 400 state mismatch' },
  { id: 'login-form-post', href: '/login/form-post', title: 'form_post, same site', expect: 'success' },
  { id: 'login-form-post-cross-site', href: '@alt/login/form-post', title: 'form_post from another site', expect: 'the SameSite=Lax transaction cookie is not sent back' },
  { id: 'login-implicit', href: '/login/implicit', title: 'Legacy implicit flow', expect: 'tokens in the fragment' },
  { id: 'login-par', href: '/login/par', title: 'Pushed authorization request', expect: 'only client_id and request_uri in the browser' },
  { id: 'login-single-slot', href: '/login/single-slot', title: 'One transaction slot (try it in two tabs)', expect: 'the second tab overwrites the first: state mismatch' },
];

const STATIC_FILES = new Set(['spa-lib.js', 'spa.js', 'spa-callback.js', 'implicit.js']);

export async function startRp(): Promise<RunningRp> {
  const { server, port } = await listenOnFreePort();
  const primaryOrigin = `http://127.0.0.1:${port}`;
  const altOrigin = `http://localhost:${port}`;
  const store = new RpStore();
  let ctx: RpContext | null = null;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // The app answers under both names; anything else falls back to the 127.0.0.1 name.
    const host = req.headers.host ?? '';
    const origin = host === `localhost:${port}` ? altOrigin : primaryOrigin;
    if (!ctx) return sendHtml(res, 503, messagePage('Starting', 'The provider is not attached yet.'));
    route(ctx, origin, req, res).catch((error: unknown) => {
      console.error('[rp]', error);
      if (!res.headersSent) sendHtml(res, 500, messagePage('Error', String(error)));
      else res.end();
    });
  });

  return {
    port,
    url: primaryOrigin,
    altUrl: altOrigin,
    async attach(issuer) {
      const discovery = await fetchDiscovery(issuer);
      ctx = { discovery, jwks: keySetFor(discovery), store, primaryOrigin, altOrigin };
    },
    close: () => closeServer(server),
  };
}

async function route(ctx: RpContext, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  const get = req.method === 'GET' || req.method === 'HEAD';

  if (get && path === '/') {
    const { sid, isNew } = ctx.store.browserId(req);
    const links = SCENARIOS.map((s) => ({ ...s, href: s.href.replace('@alt', ctx.altOrigin) }));
    return sendHtml(res, 200, homePage(ctx.discovery.issuer, ctx.altOrigin, ctx.store.session(sid), links), isNew ? { 'set-cookie': sidCookie(sid) } : {});
  }
  if (get && path.startsWith('/login/')) {
    const scenario = SERVER_SCENARIOS.find((s) => path === `/login/${s}`);
    if (scenario) return startLogin(ctx, scenario as ServerScenario, origin, req, res);
  }
  if (get && (path === RP_PATHS.web || path === RP_PATHS.proxied)) return handleCallback(ctx, req, res, url.searchParams, false);
  if (req.method === 'POST' && path === RP_PATHS.formPost) return handleCallback(ctx, req, res, await readForm(req), true);
  if (get && path === RP_PATHS.implicit) return sendHtml(res, 200, scriptPage('Implicit callback', 'implicit.js', appConfig(ctx)));
  if (req.method === 'POST' && path === '/implicit/session') return finishImplicit(ctx, req, res);
  if (get && path === '/spa') return sendHtml(res, 200, scriptPage('Single-page app', 'spa.js', appConfig(ctx), SPA_BODY));
  if (get && (path === RP_PATHS.spa || path === RP_PATHS.spaPopup || path === RP_PATHS.spaSilent)) {
    return sendHtml(res, 200, scriptPage('Single-page app callback', 'spa-callback.js', appConfig(ctx)));
  }
  if (get && path === '/profile') {
    const session = ctx.store.session(ctx.store.existingBrowser(req));
    return session ? sendHtml(res, 200, profilePage(session)) : redirect(res, '/');
  }
  if (get && path === '/logout') return startLogout(ctx, origin, req, res);
  if (get && path.startsWith('/static/')) return serveStatic(path.slice('/static/'.length), res);
  sendHtml(res, 404, messagePage('Not found', path));
}

/** Configuration handed to the browser scripts (public values, plus the deliberately leaked stale secret). */
function appConfig(ctx: RpContext): Record<string, unknown> {
  return {
    issuer: ctx.discovery.issuer,
    clients: { spa: CLIENT_IDS.spa, browserConfidential: CLIENT_IDS.browserConfidential, implicit: CLIENT_IDS.implicit },
    staleSecret: STALE_BROWSER_SECRET,
    paths: RP_PATHS,
  };
}

async function serveStatic(name: string, res: ServerResponse): Promise<void> {
  if (!STATIC_FILES.has(name)) return sendHtml(res, 404, messagePage('Not found', name));
  const body = await readFile(new URL(`./static/${name}`, import.meta.url));
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
