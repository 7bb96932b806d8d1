import { DECLINING_ACCOUNT, TEST_ACCOUNT } from './accounts';
import { escapeHtml, page } from './http-util';
import type { Session } from './rp-store';

/** HTML of the sample app ("Demo RP"). */

export interface ScenarioLink {
  id: string;
  href: string;
  title: string;
  expect: string;
}

export function homePage(issuer: string, altOrigin: string, session: Session | null, scenarios: readonly ScenarioLink[]): string {
  const items = scenarios.map(
    (s) => `<li><a class="btn" id="${escapeHtml(s.id)}" href="${escapeHtml(s.href)}">${escapeHtml(s.title)}</a> <span class="muted">${escapeHtml(s.expect)}</span></li>`,
  );
  return page(
    'Demo RP — OAuth Lens',
    `<h1>Demo relying party</h1>
<p>A sample app for trying OAuth Lens against a real OpenID Provider (<code>${escapeHtml(issuer)}</code>).
Open DevTools, pick the <strong>OAuth Lens</strong> panel, then start a scenario.</p>
<p>Test account: <code>${escapeHtml(TEST_ACCOUNT.email)}</code> / password <code>${escapeHtml(TEST_ACCOUNT.password)}</code>.
${escapeHtml(DECLINING_ACCOUNT.email)} (same password) always declines consent when logins are automatic.</p>
${session ? `<p class="ok">Signed in as ${escapeHtml(String(session.claims.email ?? session.sub))} — <a href="/profile">profile</a> · <a href="/logout">log out</a></p>` : ''}
<h2>Scenarios</h2><ul>${items.join('\n')}</ul>
<p class="muted">The same app on another site name (for cross-site cookie scenarios): <a href="${escapeHtml(altOrigin)}/">${escapeHtml(altOrigin)}</a></p>`,
  );
}

export function profilePage(session: Session): string {
  return page(
    'Profile — Demo RP',
    `<h1>Signed in</h1>
<p id="result" class="ok">Hello ${escapeHtml(String(session.claims.name ?? session.sub))} (${escapeHtml(String(session.claims.email ?? ''))})</p>
<p>Subject <code>${escapeHtml(session.sub)}</code>, scope <code>${escapeHtml(session.scope)}</code>, via ${escapeHtml(session.via)}.</p>
<p><a class="btn" href="/">Home</a> <a class="btn" id="logout" href="/logout">Log out</a></p>`,
  );
}

export function messagePage(title: string, message: string, ok = false): string {
  return page(
    `${title} — Demo RP`,
    `<h1>${escapeHtml(title)}</h1><p id="result" class="${ok ? 'ok' : 'err'}">${escapeHtml(message)}</p><p><a class="btn" href="/">Home</a></p>`,
  );
}

/** A page driven by demo/static/*.js; the config is JSON data, never interpolated into script. */
export function scriptPage(title: string, script: string, config: Record<string, unknown>, body = ''): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return page(
    `${title} — Demo RP`,
    `<h1>${escapeHtml(title)}</h1>${body}<p id="result"></p><pre id="log" aria-live="polite"></pre>
<script type="application/json" id="config">${json}</script>
<script type="module" src="/static/${escapeHtml(script)}"></script>`,
  );
}

export const SPA_BODY = `<p>A single-page app: a public client using the code flow with PKCE; the browser fetches
discovery, calls the token endpoint, checks the ID Token against the JWKS and calls UserInfo.</p>
<p>
<button data-scenario="success" id="spa-login">Log in</button>
<button data-scenario="code-reuse" id="spa-code-reuse">Log in, redeem the code twice</button>
<button data-scenario="pkce-mismatch" id="spa-pkce-mismatch">Log in, lose the PKCE verifier</button>
<button data-scenario="invalid-client" id="spa-invalid-client">Log in with a stale client secret</button>
<button data-scenario="scope-narrowed" id="spa-scope-narrowed">Ask for a scope the provider does not know</button>
<button data-scenario="popup" id="spa-popup">Log in in a popup</button>
<button data-scenario="silent" id="spa-silent">Silent renew (prompt=none in an iframe)</button>
<button data-scenario="shared-verifier" id="spa-shared-verifier">Log in with one shared verifier slot (start it in two tabs)</button>
</p>`;
