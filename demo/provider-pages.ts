import { escapeHtml, page } from './http-util';

/** Minimal Koa-like context: oidc-provider's page hooks assign ctx.type and ctx.body. */
interface PageContext {
  type: string;
  body: unknown;
  host: string;
}

/**
 * Replacements for oidc-provider's built-in pages (renderError, logout confirmation, logged-out):
 * the defaults import a web font from the internet, and the demo must never leave loopback.
 */
export const providerPages = {
  error(ctx: PageContext, out: Record<string, string>): void {
    ctx.type = 'html';
    const rows = Object.entries(out).map(([k, v]) => `<p><strong>${escapeHtml(k)}:</strong> <code>${escapeHtml(String(v))}</code></p>`);
    ctx.body = page('oops! something went wrong', `<h1>Demo OpenID Provider</h1><h2 class="err">oops! something went wrong</h2>${rows.join('')}`);
  },
  logout(ctx: PageContext, form: string): void {
    ctx.type = 'html';
    ctx.body = page(
      'Sign out — Demo OpenID Provider',
      `<h1>Demo OpenID Provider</h1><p>Do you want to sign out from ${escapeHtml(ctx.host)}?</p>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout" id="logout-yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" id="logout-no">No, stay signed in</button>`,
    );
  },
  loggedOut(ctx: PageContext): void {
    ctx.type = 'html';
    ctx.body = page('Signed out — Demo OpenID Provider', '<h1>Demo OpenID Provider</h1><p>You are signed out.</p>');
  },
};
