import { escapeHtml, page } from './http-util';

/** The provider's own login and consent pages, shown in `form` interaction mode. */

export function loginPage(uid: string, clientId: string, loginHint: string, error?: string): string {
  return page(
    'Sign in — Demo OpenID Provider',
    `<h1>Demo OpenID Provider</h1>
<p>Sign in to continue to <strong>${escapeHtml(clientId)}</strong>.</p>
${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  <p><label>Email <input name="login" value="${escapeHtml(loginHint)}" required autofocus></label></p>
  <p><label>Password <input name="password" type="password" required></label></p>
  <p><button type="submit" id="sign-in">Sign in</button></p>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit" id="cancel">Cancel</button></form>`,
  );
}

export function consentPage(uid: string, clientId: string, accountEmail: string, scopes: string[], claims: string[]): string {
  const items = [...scopes.map((s) => `scope <code>${escapeHtml(s)}</code>`), ...claims.map((c) => `claim <code>${escapeHtml(c)}</code>`)];
  return page(
    'Authorize — Demo OpenID Provider',
    `<h1>Demo OpenID Provider</h1>
<p>Signed in as ${escapeHtml(accountEmail)}.</p>
<p><strong>${escapeHtml(clientId)}</strong> asks for:</p>
<ul>${items.map((i) => `<li>${i}</li>`).join('') || '<li>nothing new</li>'}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit" id="allow">Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit" id="deny">Deny</button></form>`,
  );
}

export function providerErrorPage(error: string, description: string): string {
  return page(
    'Error — Demo OpenID Provider',
    `<h1>Demo OpenID Provider</h1>
<h2 class="err">oops! something went wrong</h2>
<p><strong>error:</strong> <code>${escapeHtml(error)}</code></p>
<p><strong>error_description:</strong> ${escapeHtml(description)}</p>`,
  );
}
