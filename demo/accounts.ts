/**
 * The demo's user accounts. Throwaway values: the provider only runs on loopback for tests and
 * the demo, and the sample app shows the password on its home page.
 */
export interface DemoAccount {
  sub: string;
  email: string;
  name: string;
  givenName: string;
  familyName: string;
  password: string;
  /** In automatic-interaction mode this user logs in and then declines consent (access_denied). */
  declinesConsent: boolean;
}

export const TEST_ACCOUNT: DemoAccount = {
  sub: 'alice-7f3c2a',
  email: 'alice@demo.test',
  name: 'Alice Example',
  givenName: 'Alice',
  familyName: 'Example',
  password: 'demo-password',
  declinesConsent: false,
};

export const DECLINING_ACCOUNT: DemoAccount = {
  sub: 'dana-41b9e0',
  email: 'dana.declines@demo.test',
  name: 'Dana Declines',
  givenName: 'Dana',
  familyName: 'Declines',
  password: 'demo-password',
  declinesConsent: true,
};

export const ACCOUNTS: readonly DemoAccount[] = [TEST_ACCOUNT, DECLINING_ACCOUNT];

export function findAccountBySub(sub: string): DemoAccount | undefined {
  return ACCOUNTS.find((a) => a.sub === sub);
}

/** Login accepts the email (case-insensitive) or the sub. */
export function findAccountByLogin(login: string): DemoAccount | undefined {
  const wanted = login.trim().toLowerCase();
  return ACCOUNTS.find((a) => a.email === wanted || a.sub === wanted);
}

/** OIDC standard claims (OIDC-Core §5.1) the provider may release, by scope. */
export function accountClaims(account: DemoAccount): Record<string, unknown> {
  return {
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
    given_name: account.givenName,
    family_name: account.familyName,
  };
}
