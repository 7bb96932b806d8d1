import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { accountClaims, findAccountBySub } from './accounts';
import { buildClients, RP_PATHS } from './clients';
import { closeServer, listenOnFreePort } from './http-util';
import { handleInteraction, type InteractionMode } from './interaction';
import { providerErrorPage } from './interaction-pages';
import { providerPages } from './provider-pages';

export interface ProviderOptions {
  /** Origins of the sample app (both host names); they get redirect URIs and CORS. */
  rpOrigins: readonly string[];
  interaction?: InteractionMode;
}

export interface RunningProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

// Short lifetimes keep repeated runs independent (seconds).
const TTL = { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 };

/**
 * The real oidc-provider (a certified OpenID Provider) on plain-http loopback, in front of which
 * sit our interaction pages and a simulated "tampering intermediary" (see tamperState).
 */
export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  const mode = options.interaction ?? 'auto';
  const { server, port } = await listenOnFreePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, await buildConfiguration(options.rpOrigins));
  provider.on('server_error', (_ctx: unknown, error: unknown) => console.error('[provider] server_error', error));
  const oidc = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path.startsWith('/interaction/')) {
      handleInteraction(provider, mode, req, res).catch((error: unknown) => {
        console.error('[provider] interaction failed', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
        res.end(providerErrorPage('server_error', 'the interaction could not be completed'));
      });
      return;
    }
    tamperState(res);
    oidc(req, res);
  });

  return { issuer, port, close: () => closeServer(server) };
}

async function buildConfiguration(rpOrigins: readonly string[]): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  return {
    clients: buildClients(rpOrigins),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: TTL,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
    responseTypes: ['code', 'id_token', 'id_token token', 'none'],
    findAccount: (_ctx: unknown, sub: string) => {
      const account = findAccountBySub(sub);
      return account ? { accountId: sub, claims: () => accountClaims(account) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Browser calls (SPA token requests, userinfo) are allowed from the sample app's origins only.
    clientBasedCORS: (_ctx: unknown, origin: string) => rpOrigins.includes(origin),
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: providerPages.logout, postLogoutSuccessSource: providerPages.loggedOut },
      userinfo: { enabled: true },
      revocation: { enabled: true },
    },
    // The defaults pull a web font from the internet; ours are self-contained.
    renderError: providerPages.error,
  };
}

/**
 * Simulates an intermediary in front of the provider that rewrites the `state` of authorization
 * responses sent to the app's /cb/proxied path: the browser then arrives at the callback with a
 * state the app never issued (docs/checks.md `state-mismatch`). Every other response passes untouched.
 */
function tamperState(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() === 'location' && typeof value === 'string') return setHeader(name, rewriteLocation(value));
    return setHeader(name, value);
  };
}

function rewriteLocation(location: string): string {
  const url = URL.parse(location);
  if (!url || url.pathname !== RP_PATHS.proxied || !url.searchParams.has('state')) return location;
  url.searchParams.set('state', randomBytes(16).toString('base64url'));
  return url.href;
}

