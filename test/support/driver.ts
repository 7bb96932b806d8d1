/**
 * The small surface the demo scenarios and the e2e tests need from a browser, so one scenario
 * definition runs in Chromium (Playwright, test/support/chromium.ts) and in Firefox
 * (puppeteer-core over WebDriver BiDi, test/support/firefox.ts).
 *
 * Waits are in-page predicates re-evaluated until they hold (both libraries re-run them across
 * navigations), so a page that redirects several times while a scenario waits is fine.
 */
export type BrowserName = 'chromium' | 'firefox';

/** An element matching `selector`, rendered, and (with `hasText`) whose visible text contains it. */
export interface Target {
  selector: string;
  hasText?: string;
}

export interface DriverPage {
  url(): string;
  /** Navigates and waits for the load (web pages; extension pages go through `Driver.openExtensionPage`). */
  goto(url: string): Promise<void>;
  /** Waits for a visible match (a selector, or a selector and the text it must contain), then clicks it like a person. */
  click(target: string | Target): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** Waits until one of `targets` is there; returns its index. Throws after `timeoutMs`. */
  waitForAny(targets: readonly Target[], timeoutMs?: number): Promise<number>;
  /** Visible text of the first match of `selector` (null when none). */
  textOf(selector: string): Promise<string | null>;
  /** Runs `fn` in the page (no closures: only `arg` crosses). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: BrowserName;
  newPage(): Promise<DriverPage>;
  /** `chrome-extension://…/path` or `moz-extension://…/path` (null without the extension). */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

export const WAIT_MS = 15_000;

/** Waits for one target (see `DriverPage.waitForAny`). */
export async function waitFor(page: DriverPage, target: Target, timeoutMs = WAIT_MS): Promise<void> {
  await page.waitForAny([target], timeoutMs);
}

/**
 * The in-page side of `waitForAny`: 1 + the index of the first target present, 0 when none.
 * Self-contained (it is serialised into the page).
 */
export function firstPresent(targets: readonly Target[]): number {
  for (let i = 0; i < targets.length; i++) {
    const { selector, hasText } = targets[i]!;
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const html = el as HTMLElement;
      const shown = typeof html.checkVisibility === 'function' ? html.checkVisibility() : html.getClientRects().length > 0;
      if (!shown) continue;
      if (hasText === undefined || (html.innerText ?? el.textContent ?? '').includes(hasText)) return i + 1;
    }
  }
  return 0;
}

export const asTarget = (target: string | Target): Target => (typeof target === 'string' ? { selector: target } : target);

/** The in-page side of a click on a target: the first visible match (self-contained, like `firstPresent`). */
export function visibleMatch(target: Target): Element | null {
  for (const el of Array.from(document.querySelectorAll(target.selector))) {
    const html = el as HTMLElement;
    const shown = typeof html.checkVisibility === 'function' ? html.checkVisibility() : html.getClientRects().length > 0;
    if (shown && (target.hasText === undefined || (html.innerText ?? el.textContent ?? '').includes(target.hasText))) return el;
  }
  return null;
}

/** The in-page side of `textOf`. */
export function visibleText(selector: string): string | null {
  const el = document.querySelector(selector) as HTMLElement | null;
  return el ? (el.innerText ?? el.textContent) : null;
}
