import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import { findAccountByLogin, findAccountBySub, TEST_ACCOUNT, type DemoAccount } from './accounts';
import { readForm, sendHtml } from './http-util';
import { consentPage, loginPage } from './interaction-pages';

/**
 * `auto`: every GET /interaction/:uid is answered at once — login as the account named by
 * `login_hint` (default: the test account), then grant consent, or decline it for the declining
 * account. Gives the realistic chain /auth → 303 /interaction → 303 /auth/:uid → … → callback.
 * `form`: real login and consent pages, so a person (or a test clicking) decides.
 */
export type InteractionMode = 'auto' | 'form';

// Results are never merged with an earlier submission: each interaction is decided on its own.
const FINISH = { mergeWithLastSubmission: false } as const;
const DENIED = { error: 'access_denied', error_description: 'End-User denied the authorization request' };

export async function handleInteraction(provider: Provider, mode: InteractionMode, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://provider.invalid');
  const [, , uid, action] = url.pathname.split('/');
  if (!uid) return sendHtml(res, 404, 'not found');
  const details = await provider.interactionDetails(req, res);

  if (req.method === 'GET' && !action) {
    if (mode === 'auto') return finishAutomatically(provider, details, req, res);
    return showPage(details, res);
  }
  if (req.method !== 'POST') return sendHtml(res, 405, 'method not allowed');

  switch (action) {
    case 'login': {
      const form = await readForm(req);
      const account = findAccountByLogin(form.get('login') ?? '');
      if (!account || form.get('password') !== account.password) {
        return sendHtml(res, 200, loginPage(details.uid, clientOf(details), form.get('login') ?? '', 'Wrong email or password.'));
      }
      return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, FINISH);
    }
    case 'confirm':
      return provider.interactionFinished(req, res, { consent: { grantId: await grantConsent(provider, details) } }, FINISH);
    case 'abort':
      return provider.interactionFinished(req, res, DENIED, FINISH);
    default:
      return sendHtml(res, 404, 'not found');
  }
}

async function finishAutomatically(provider: Provider, details: Interaction, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (details.prompt.name === 'login') {
    const account = findAccountByLogin(details.params.login_hint ?? '') ?? TEST_ACCOUNT;
    return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, FINISH);
  }
  if (accountOf(details)?.declinesConsent) return provider.interactionFinished(req, res, DENIED, FINISH);
  return provider.interactionFinished(req, res, { consent: { grantId: await grantConsent(provider, details) } }, FINISH);
}

function showPage(details: Interaction, res: ServerResponse): void {
  if (details.prompt.name === 'login') {
    return sendHtml(res, 200, loginPage(details.uid, clientOf(details), details.params.login_hint ?? ''));
  }
  const missing = details.prompt.details;
  const email = accountOf(details)?.email ?? 'unknown';
  sendHtml(res, 200, consentPage(details.uid, clientOf(details), email, missing.missingOIDCScope ?? [], missing.missingOIDCClaims ?? []));
}

/** Grants exactly what the consent prompt reports missing (the pattern from oidc-provider's docs). */
async function grantConsent(provider: Provider, details: Interaction): Promise<string> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new Error('consent without a logged-in session');
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId: clientOf(details) });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope?.length) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims?.length) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

function clientOf(details: Interaction): string {
  return details.params.client_id ?? '';
}

function accountOf(details: Interaction): DemoAccount | undefined {
  return details.session ? findAccountBySub(details.session.accountId) : undefined;
}

