// Browser half of the demo single-page app: a small hand-written OpenID Connect client
// (code flow + PKCE S256, RFC 7636), so every request it makes is plain to see in DevTools.

export const config = JSON.parse(document.getElementById('config').textContent);
const PREFIX = 'oauth-lens-demo:tx:';

export function log(message) {
  document.getElementById('log').textContent += `${message}\n`;
}

/** Marks the page outcome for people and for tests: data-outcome = success | error. */
export function finish(outcome, message) {
  const el = document.getElementById('result');
  el.dataset.outcome = outcome;
  el.className = outcome === 'success' ? 'ok' : 'err';
  el.textContent = message;
  log(message);
}

export function randomToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return base64url(bytes);
}

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64urlDecode(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

export async function s256(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export async function discover() {
  const res = await fetch(`${config.issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`discovery failed: HTTP ${res.status}`);
  return res.json();
}

/** What each button of the SPA does differently. */
export const SCENARIOS = {
  success: { scope: 'openid email profile', path: config.paths.spa },
  'code-reuse': { scope: 'openid email profile', path: config.paths.spa },
  'pkce-mismatch': { scope: 'openid email profile', path: config.paths.spa },
  'invalid-client': { scope: 'openid email profile', path: config.paths.spa, client: config.clients.browserConfidential },
  'scope-narrowed': { scope: 'openid email inventory:read', path: config.paths.spa },
  popup: { scope: 'openid email profile', path: config.paths.spaPopup },
  silent: { scope: 'openid', path: config.paths.spaSilent, prompt: 'none' },
  'shared-verifier': { scope: 'openid email profile', path: config.paths.spa, sharedVerifier: true },
};

// The bug of the shared-verifier scenario: one verifier slot in localStorage, shared by all tabs,
// so a login started in a second tab overwrites the first tab's verifier.
const SHARED_VERIFIER = 'oauth-lens-demo:pkce-verifier';

/** Builds the authorization request and keeps its transaction per state in sessionStorage. */
export async function authorizeUrl(meta, scenarioName) {
  const scenario = SCENARIOS[scenarioName];
  const tx = {
    scenario: scenarioName,
    clientId: scenario.client ?? config.clients.spa,
    redirectUri: location.origin + scenario.path,
    state: randomToken(),
    nonce: randomToken(),
    verifier: randomToken(),
  };
  const params = new URLSearchParams({
    client_id: tx.clientId,
    response_type: 'code',
    scope: scenario.scope,
    redirect_uri: tx.redirectUri,
    state: tx.state,
    nonce: tx.nonce,
    code_challenge: await s256(tx.verifier),
    code_challenge_method: 'S256',
  });
  if (scenario.prompt) params.set('prompt', scenario.prompt);
  if (scenario.sharedVerifier) localStorage.setItem(SHARED_VERIFIER, tx.verifier);
  sessionStorage.setItem(PREFIX + tx.state, JSON.stringify(tx));
  return `${meta.authorization_endpoint}?${params}`;
}

function takeTransaction(state) {
  const raw = state ? sessionStorage.getItem(PREFIX + state) : null;
  if (raw) sessionStorage.removeItem(PREFIX + state);
  return raw ? JSON.parse(raw) : null;
}

async function redeem(meta, tx, code, verifier) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: tx.redirectUri, code_verifier: verifier, client_id: tx.clientId });
  // The deliberate mistake of the invalid-client scenario: a confidential secret in browser code.
  if (tx.scenario === 'invalid-client') body.set('client_secret', config.staleSecret);
  const res = await fetch(meta.token_endpoint, { method: 'POST', body });
  return { status: res.status, json: await res.json() };
}

/** OIDC-Core §3.1.3.7: signature against the JWKS, iss, aud, exp and nonce. */
async function verifyIdToken(meta, idToken, tx) {
  const [h, p, s] = idToken.split('.');
  const header = JSON.parse(new TextDecoder().decode(base64urlDecode(h)));
  const payload = JSON.parse(new TextDecoder().decode(base64urlDecode(p)));
  const { keys } = await (await fetch(meta.jwks_uri)).json();
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk || header.alg !== 'RS256') throw new Error('no usable key for the ID Token');
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  const valid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64urlDecode(s), new TextEncoder().encode(`${h}.${p}`));
  if (!valid) throw new Error('ID Token signature invalid');
  if (payload.iss !== meta.issuer || payload.aud !== tx.clientId || payload.nonce !== tx.nonce) throw new Error('ID Token claims do not match');
  if (payload.exp * 1000 < Date.now()) throw new Error('ID Token expired');
  return payload;
}

/** Completes a login from the callback URL (redirect page, popup or iframe). */
export async function completeLogin(meta, callbackUrl) {
  const params = new URL(callbackUrl).searchParams;
  const tx = takeTransaction(params.get('state'));
  if (!tx) return finish('error', 'state mismatch: no login was started with this state');
  if (params.get('iss') !== meta.issuer) return finish('error', 'iss mismatch (RFC 9207)');
  if (params.get('error')) return finish('error', `provider answered ${params.get('error')}: ${params.get('error_description') ?? ''}`);

  const code = params.get('code');
  // pkce-mismatch: the verifier is "regenerated" after the redirect instead of read from storage.
  let verifier = tx.scenario === 'pkce-mismatch' ? randomToken() : tx.verifier;
  if (tx.scenario === 'shared-verifier') verifier = localStorage.getItem(SHARED_VERIFIER) ?? '';
  const first = await redeem(meta, tx, code, verifier);
  log(`token endpoint: HTTP ${first.status}`);
  if (tx.scenario === 'code-reuse') {
    // A double effect (think React StrictMode) redeems the same code again.
    const second = await redeem(meta, tx, code, verifier);
    log(`token endpoint again: HTTP ${second.status} ${second.json.error ?? ''}`);
  }
  if (!first.json.access_token) return finish('error', `token request failed: ${first.json.error}: ${first.json.error_description ?? ''}`);

  const claims = await verifyIdToken(meta, first.json.id_token, tx);
  const info = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${first.json.access_token}` } });
  if (!info.ok) return finish('error', `userinfo failed: HTTP ${info.status} ${info.headers.get('www-authenticate') ?? ''}`);
  const user = await info.json();
  finish('success', `Hello ${user.name ?? user.email ?? claims.sub} (${user.email ?? 'no email'}), scope: ${first.json.scope ?? '(as requested)'}`);
}
