import type { Demo, InteractionMode } from '../../demo/index';
import { TEST_ACCOUNT } from '../../demo/index';
import { waitFor, type Driver, type DriverPage, type Target } from './driver';

/**
 * The demo's scenarios, written once for every browser (test/support/driver.ts), shared by the
 * HAR recorder (test/fixtures/record.ts) and by the Chromium and Firefox e2e tests. Each one runs
 * a scenario to its visible end and returns the page that shows the result. They assert nothing
 * about OAuth Lens; they only make the traffic happen and fail loudly when the app did not reach
 * the expected end.
 */
export interface Scenario {
  /** Also the HAR file name (without .har). */
  name: string;
  interaction: InteractionMode;
  run(driver: Driver, demo: Demo): Promise<DriverPage>;
}

async function resultOf(page: DriverPage, outcome: 'success' | 'error', contains?: string): Promise<DriverPage> {
  const selector = `#result[data-outcome="${outcome}"]`;
  await waitFor(page, { selector });
  const text = await page.textOf(selector);
  if (contains && !text?.includes(contains)) throw new Error(`expected "${contains}" in the result, got: ${text}`);
  return page;
}

async function expectText(page: DriverPage, text: string): Promise<DriverPage> {
  await waitFor(page, { selector: 'body', hasText: text });
  return page;
}

async function open(driver: Driver, url: string): Promise<DriverPage> {
  const page = await driver.newPage();
  await page.goto(url);
  return page;
}

/** Opens the SPA, waits until its discovery fetch is done, clicks one scenario button. */
async function spa(driver: Driver, demo: Demo, button: string): Promise<DriverPage> {
  const page = await open(driver, `${demo.rpUrl}/spa`);
  await waitFor(page, { selector: '#log', hasText: 'discovered' });
  await page.click(button);
  return page;
}

async function signIn(page: DriverPage): Promise<void> {
  await page.fill('input[name="login"]', TEST_ACCOUNT.email);
  await page.fill('input[name="password"]', TEST_ACCOUNT.password);
  await page.click('#sign-in');
}

/** After signing in, the consent page — unless the provider remembers an earlier grant and goes straight to `done`. */
async function allowIfAsked(page: DriverPage, done: Target): Promise<void> {
  if ((await page.waitForAny([{ selector: '#allow' }, done])) === 0) await page.click('#allow');
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'confidential-success',
    interaction: 'auto',
    async run(driver, demo) {
      const page = await open(driver, `${demo.rpUrl}/login/web`);
      return expectText(page, 'Hello Alice Example');
    },
  },
  {
    name: 'spa-pkce-success',
    interaction: 'auto',
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-login'), 'success', 'Hello Alice Example'),
  },
  {
    name: 'wrong-redirect-uri',
    interaction: 'auto',
    async run(driver, demo) {
      const page = await open(driver, `${demo.rpUrl}/login/bad-redirect`);
      return expectText(page, 'redirect_uri');
    },
  },
  {
    name: 'access-denied',
    interaction: 'form',
    async run(driver, demo) {
      // A person signs in on the provider's page, then presses Deny on the consent page.
      const page = await open(driver, `${demo.rpUrl}/login/web`);
      await signIn(page);
      await page.click('#deny');
      return expectText(page, 'access_denied');
    },
  },
  {
    name: 'forged-state',
    interaction: 'auto',
    async run(driver, demo) {
      const page = await open(driver, `${demo.rpUrl}/login/forged-state`);
      return expectText(page, 'state mismatch');
    },
  },
  {
    name: 'code-reused',
    interaction: 'auto',
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-code-reuse'), 'error', 'userinfo failed'),
  },
  {
    name: 'pkce-mismatch',
    interaction: 'auto',
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-pkce-mismatch'), 'error', 'invalid_grant'),
  },
  {
    name: 'invalid-client',
    interaction: 'auto',
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-invalid-client'), 'error', 'invalid_client'),
  },
  {
    name: 'scope-narrowed',
    interaction: 'auto',
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-scope-narrowed'), 'success', 'scope: openid email'),
  },
  {
    name: 'prompt-none-login-required',
    interaction: 'auto',
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-silent'), 'error', 'login_required'),
  },
  {
    name: 'popup',
    interaction: 'auto',
    // The popup hands the callback to this tab and closes itself; this tab redeems the code.
    run: async (driver, demo) => resultOf(await spa(driver, demo, '#spa-popup'), 'success', 'Hello Alice Example'),
  },
  {
    name: 'implicit',
    interaction: 'auto',
    async run(driver, demo) {
      const page = await open(driver, `${demo.rpUrl}/login/implicit`);
      return resultOf(page, 'success', 'Hello Alice Example');
    },
  },
  {
    name: 'form-post-success',
    interaction: 'auto',
    async run(driver, demo) {
      const page = await open(driver, `${demo.rpUrl}/login/form-post`);
      return expectText(page, 'Hello Alice Example');
    },
  },
  {
    name: 'form-post-cookie-dropped',
    interaction: 'auto',
    async run(driver, demo) {
      // The app on localhost, the provider on 127.0.0.1: two sites, so the provider's auto-submitted
      // form is a cross-site POST and the app's SameSite=Lax cookies stay home.
      const page = await open(driver, `${demo.rpAltUrl}/login/form-post`);
      return expectText(page, 'was not sent');
    },
  },
  {
    name: 'par-success',
    interaction: 'auto',
    async run(driver, demo) {
      const page = await open(driver, `${demo.rpUrl}/login/par`);
      return expectText(page, 'Hello Alice Example');
    },
  },
  {
    name: 'two-tabs-state-overwritten',
    interaction: 'form',
    async run(driver, demo) {
      // The app keeps one transaction slot: tab 2's login overwrites tab 1's state.
      const first = await open(driver, `${demo.rpUrl}/login/single-slot`);
      await waitFor(first, { selector: '#sign-in' });
      const second = await open(driver, `${demo.rpUrl}/login/single-slot`);
      await waitFor(second, { selector: '#sign-in' });

      await signIn(first);
      await first.click('#allow');
      await expectText(first, 'state mismatch');

      await signIn(second);
      // The provider session and grant from tab 1 may make the consent page unnecessary.
      await allowIfAsked(second, { selector: 'body', hasText: 'Hello Alice Example' });
      return expectText(second, 'Hello Alice Example');
    },
  },
  {
    name: 'spa-two-tabs-verifier-overwritten',
    interaction: 'form',
    async run(driver, demo) {
      // The SPA keeps its PKCE verifier in one localStorage slot: tab 2 overwrites tab 1's verifier,
      // so tab 1 redeems its code with tab 2's verifier.
      const first = await spa(driver, demo, '#spa-shared-verifier');
      await waitFor(first, { selector: '#sign-in' });
      const second = await spa(driver, demo, '#spa-shared-verifier');
      await waitFor(second, { selector: '#sign-in' });

      await signIn(first);
      await first.click('#allow');
      await resultOf(first, 'error', 'invalid_grant');

      await signIn(second);
      await allowIfAsked(second, { selector: '#result[data-outcome]' });
      return resultOf(second, 'success', 'Hello Alice Example');
    },
  },
];
