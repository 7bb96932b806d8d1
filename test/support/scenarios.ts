import type { BrowserContext, Page } from 'playwright-core';
import type { Demo, InteractionMode } from '../../demo/index';
import { TEST_ACCOUNT } from '../../demo/index';

/**
 * Browser drivers for the demo's scenarios, shared by the HAR recorder (test/fixtures/record.ts)
 * and by e2e tests. Each one runs a scenario to its visible end in a fresh context and returns
 * the page that shows the result. They assert nothing about OAuth Lens; they only make the
 * traffic happen and fail loudly when the app did not reach the expected end.
 */
export interface Scenario {
  /** Also the HAR file name (without .har). */
  name: string;
  interaction: InteractionMode;
  run(context: BrowserContext, demo: Demo): Promise<Page>;
}

const TIMEOUT = 15_000;

async function resultOf(page: Page, outcome: 'success' | 'error', contains?: string): Promise<Page> {
  const result = page.locator(`#result[data-outcome="${outcome}"]`);
  await result.waitFor({ timeout: TIMEOUT });
  if (contains && !(await result.textContent())?.includes(contains)) {
    throw new Error(`expected "${contains}" in the result, got: ${await result.textContent()}`);
  }
  return page;
}

async function expectText(page: Page, text: string): Promise<Page> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: TIMEOUT });
  return page;
}

/** Opens the SPA, waits until its discovery fetch is done, clicks one scenario button. */
async function spa(context: BrowserContext, demo: Demo, button: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${demo.rpUrl}/spa`);
  await page.locator('#log', { hasText: 'discovered' }).waitFor({ timeout: TIMEOUT });
  await page.click(button);
  return page;
}

async function signIn(page: Page): Promise<void> {
  await page.fill('input[name="login"]', TEST_ACCOUNT.email);
  await page.fill('input[name="password"]', TEST_ACCOUNT.password);
  await page.click('#sign-in');
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'confidential-success',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/web`);
      return expectText(page, 'Hello Alice Example');
    },
  },
  {
    name: 'spa-pkce-success',
    interaction: 'auto',
    run: async (context, demo) => resultOf(await spa(context, demo, '#spa-login'), 'success', 'Hello Alice Example'),
  },
  {
    name: 'wrong-redirect-uri',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/bad-redirect`);
      return expectText(page, 'redirect_uri');
    },
  },
  {
    name: 'access-denied',
    interaction: 'form',
    async run(context, demo) {
      // A person signs in on the provider's page, then presses Deny on the consent page.
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/web`);
      await signIn(page);
      await page.click('#deny');
      return expectText(page, 'access_denied');
    },
  },
  {
    name: 'forged-state',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/forged-state`);
      return expectText(page, 'state mismatch');
    },
  },
  {
    name: 'code-reused',
    interaction: 'auto',
    run: async (context, demo) => resultOf(await spa(context, demo, '#spa-code-reuse'), 'error', 'userinfo failed'),
  },
  {
    name: 'pkce-mismatch',
    interaction: 'auto',
    run: async (context, demo) => resultOf(await spa(context, demo, '#spa-pkce-mismatch'), 'error', 'invalid_grant'),
  },
  {
    name: 'invalid-client',
    interaction: 'auto',
    run: async (context, demo) => resultOf(await spa(context, demo, '#spa-invalid-client'), 'error', 'invalid_client'),
  },
  {
    name: 'scope-narrowed',
    interaction: 'auto',
    run: async (context, demo) => resultOf(await spa(context, demo, '#spa-scope-narrowed'), 'success', 'scope: openid email'),
  },
  {
    name: 'prompt-none-login-required',
    interaction: 'auto',
    run: async (context, demo) => resultOf(await spa(context, demo, '#spa-silent'), 'error', 'login_required'),
  },
  {
    name: 'popup',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/spa`);
      await page.locator('#log', { hasText: 'discovered' }).waitFor({ timeout: TIMEOUT });
      const popup = context.waitForEvent('page', { timeout: TIMEOUT });
      await page.click('#spa-popup');
      await (await popup).waitForEvent('close', { timeout: TIMEOUT });
      return resultOf(page, 'success', 'Hello Alice Example');
    },
  },
  {
    name: 'implicit',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/implicit`);
      return resultOf(page, 'success', 'Hello Alice Example');
    },
  },
  {
    name: 'form-post-success',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/form-post`);
      return expectText(page, 'Hello Alice Example');
    },
  },
  {
    name: 'form-post-cookie-dropped',
    interaction: 'auto',
    async run(context, demo) {
      // The app on localhost, the provider on 127.0.0.1: two sites, so the provider's auto-submitted
      // form is a cross-site POST and the app's SameSite=Lax cookies stay home.
      const page = await context.newPage();
      await page.goto(`${demo.rpAltUrl}/login/form-post`);
      return expectText(page, 'was not sent');
    },
  },
  {
    name: 'par-success',
    interaction: 'auto',
    async run(context, demo) {
      const page = await context.newPage();
      await page.goto(`${demo.rpUrl}/login/par`);
      return expectText(page, 'Hello Alice Example');
    },
  },
  {
    name: 'two-tabs-state-overwritten',
    interaction: 'form',
    async run(context, demo) {
      // The app keeps one transaction slot: tab 2's login overwrites tab 1's state.
      const first = await context.newPage();
      await first.goto(`${demo.rpUrl}/login/single-slot`);
      await first.locator('#sign-in').waitFor({ timeout: TIMEOUT });
      const second = await context.newPage();
      await second.goto(`${demo.rpUrl}/login/single-slot`);
      await second.locator('#sign-in').waitFor({ timeout: TIMEOUT });

      await signIn(first);
      await first.click('#allow');
      await expectText(first, 'state mismatch');

      await signIn(second);
      // The provider session and grant from tab 1 may make the consent page unnecessary.
      const allow = second.locator('#allow');
      const done = second.getByText('Hello Alice Example');
      await allow.or(done).first().waitFor({ timeout: TIMEOUT });
      if (await allow.isVisible()) await allow.click();
      return expectText(second, 'Hello Alice Example');
    },
  },
  {
    name: 'spa-two-tabs-verifier-overwritten',
    interaction: 'form',
    async run(context, demo) {
      // The SPA keeps its PKCE verifier in one localStorage slot: tab 2 overwrites tab 1's verifier,
      // so tab 1 redeems its code with tab 2's verifier.
      const first = await spa(context, demo, '#spa-shared-verifier');
      await first.locator('#sign-in').waitFor({ timeout: TIMEOUT });
      const second = await spa(context, demo, '#spa-shared-verifier');
      await second.locator('#sign-in').waitFor({ timeout: TIMEOUT });

      await signIn(first);
      await first.click('#allow');
      await resultOf(first, 'error', 'invalid_grant');

      await signIn(second);
      const allow = second.locator('#allow');
      const done = second.locator('#result[data-outcome]');
      await allow.or(done).first().waitFor({ timeout: TIMEOUT });
      if (await allow.isVisible()) await allow.click();
      return resultOf(second, 'success', 'Hello Alice Example');
    },
  },
];
