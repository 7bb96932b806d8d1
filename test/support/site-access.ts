import type { Driver } from './driver';

/**
 * Site access in tests goes through the options page like a user's: a real click (Playwright and
 * WebDriver BiDi clicks are trusted input, the user gesture `permissions.request` wants).
 * The browser's own "Allow?" prompt cannot be answered in headless mode: Chromium gets the
 * sites pre-approved in chrome://extensions (`preapproveSites` in chromium.ts, what the prompt's
 * Allow would record), Firefox runs with `extensions.webextOptionalPermissionPrompts` off.
 */
export async function chooseAllSites(driver: Driver): Promise<void> {
  const page = await driver.openExtensionPage('options.html');
  await page.waitForAny([{ selector: 'main[data-access]' }]);
  await page.click('#access-all');
  await page.waitForAny([{ selector: 'main[data-access="all"]' }]);
  await page.close();
}

/**
 * "Only on these sites" with one site typed on the options page (the sites must already be
 * approved for the browser — see above). Resolves once the site is listed as granted.
 */
export async function chooseOnlySite(driver: Driver, address: string, pattern: string): Promise<void> {
  const page = await driver.openExtensionPage('options.html');
  await page.waitForAny([{ selector: 'main[data-access]' }]);
  await page.click('#access-only');
  await page.waitForAny([{ selector: 'main[data-access="only"]' }]);
  await page.fill('#typed-site', address);
  await page.click('#typed-site-allow');
  await page.waitForAny([{ selector: `li[data-pattern="${pattern}"]` }]);
  await page.close();
}
