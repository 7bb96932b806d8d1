import { ACCOUNTS, DECLINING_ACCOUNT, TEST_ACCOUNT, type DemoAccount } from './accounts';
import { CLIENT_IDS, CLIENT_SECRETS, RP_PATHS } from './clients';
import type { InteractionMode } from './interaction';
import { startProvider } from './provider';
import { SCENARIOS, startRp, STALE_BROWSER_SECRET } from './rp';

export { CLIENT_IDS, CLIENT_SECRETS, RP_PATHS, TEST_ACCOUNT, DECLINING_ACCOUNT, ACCOUNTS, SCENARIOS, STALE_BROWSER_SECRET };
export type { DemoAccount, InteractionMode };

export interface DemoOptions {
  /**
   * `auto` (default, for tests): login and consent happen without a page — the test account, or
   * the account named by `login_hint`; DECLINING_ACCOUNT declines consent (access_denied).
   * `form`: the provider shows real login and consent pages (Sign in / Allow / Deny / Cancel).
   */
  interaction?: InteractionMode;
}

export interface Demo {
  /** The provider's issuer, e.g. http://127.0.0.1:PORT (discovery under /.well-known/openid-configuration). */
  issuer: string;
  /** The sample app on the provider's site: http://127.0.0.1:RP_PORT. */
  rpUrl: string;
  /** The same app under another site name: http://localhost:RP_PORT (cross-site to the provider). */
  rpAltUrl: string;
  clients: typeof CLIENT_IDS;
  account: DemoAccount;
  /** Stops the app and the provider (drops open connections). */
  close(): Promise<void>;
}

/** Starts the real OpenID provider and the sample relying party on free loopback ports. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const rp = await startRp();
  try {
    const provider = await startProvider({ rpOrigins: [rp.url, rp.altUrl], interaction: options.interaction ?? 'auto' });
    try {
      await rp.attach(provider.issuer);
    } catch (error) {
      await provider.close();
      throw error;
    }
    return {
      issuer: provider.issuer,
      rpUrl: rp.url,
      rpAltUrl: rp.altUrl,
      clients: CLIENT_IDS,
      account: TEST_ACCOUNT,
      close: async () => {
        await Promise.all([rp.close(), provider.close()]);
      },
    };
  } catch (error) {
    await rp.close();
    throw error;
  }
}
