import type { CDPSession } from 'playwright-core';

/**
 * `npm start` lands on the OAuth Lens panel. DevTools (Chromium 156) keeps the last selected
 * panel in the profile but never restores an extension panel from it, and an extension may only
 * show its own panel from a user gesture. So the demo launcher (demo/browser.ts), which already
 * talks CDP to Chromium through Playwright's pipe, watches for DevTools windows from a
 * browser-level CDP session (`devtools://` targets are visible there), attaches to each one
 * (non-flattened: messages go through `Target.sendMessageToTarget`, no second connection) and,
 * once DevTools has registered the extension's panel, shows it with DevTools' own InspectorView.
 * Every DevTools window gets this once, including ones opened later with new tabs; after that
 * the user's choice of panel is left alone.
 */

/** What one DevTools window shows, read from its front end. */
export interface DevToolsState {
  /** DevTools' id of the panel titled `title` (extension origin + title), null until registered. */
  panel: string | null;
  /** The selected panel's id. */
  selected: string;
  dock: string;
  /** The page this DevTools inspects. */
  inspected: string;
  /** Size of DevTools' panel area in CSS pixels. */
  width: number;
  height: number;
}

export interface PanelShown extends DevToolsState {
  panel: string;
  targetId: string;
}

/** Evaluated inside DevTools' front end (an ES module page: `import()` reaches its modules). */
function frontEndScript(title: string, show: boolean): string {
  return `(async () => {
    const UI = await import('./ui/legacy/legacy.js');
    const SDK = await import('./core/sdk/sdk.js');
    const view = UI.InspectorView.InspectorView.maybeGetInspectorViewInstance?.();
    if (!view) return null;
    const tab = view.tabbedPane.tabs.find((t) => t.title === ${JSON.stringify(title)});
    if (tab && ${show} && view.tabbedPane.selectedTabId !== tab.id) await view.showPanel(tab.id);
    const rect = view.element.getBoundingClientRect();
    return {
      panel: tab ? tab.id : null,
      selected: view.tabbedPane.selectedTabId ?? '',
      dock: UI.DockController.DockController.instance().dockSide() ?? '',
      inspected: SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? '',
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    };
  })()`;
}

interface Reply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: unknown; data?: string };
  error?: { message: string };
}

const isDevTools = (url: string) => url.startsWith('devtools://devtools/');
const CALL_TIMEOUT_MS = 20_000;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Talks to DevTools front ends through one browser-level CDP session. `watch` starts showing
 * the panel in every DevTools window; `state` and `screenshot` read one back (the e2e test).
 */
export class DevToolsFrontEnds {
  private next = 0;
  private readonly replies = new Map<number, (reply: Reply) => void>();
  /** targetId → session id of our (non-flattened) attachment. */
  private readonly attached = new Map<string, string>();
  private readonly handled = new Set<string>();
  private readonly shownWindows = new Map<string, PanelShown>();
  /** DevTools windows closed meanwhile (their tab was closed): nothing to retry or report. */
  private readonly gone = new Set<string>();
  private stopped = false;

  constructor(private readonly browser: CDPSession) {
    browser.on('Target.receivedMessageFromTarget', ({ message }) => {
      let reply: Reply;
      try {
        reply = JSON.parse(message) as Reply;
      } catch {
        return;
      }
      if (reply.id === undefined) return;
      this.replies.get(reply.id)?.(reply);
      this.replies.delete(reply.id);
    });
    browser.on('Target.detachedFromTarget', ({ targetId }) => {
      if (targetId) this.attached.delete(targetId);
    });
  }

  /** DevTools windows that showed the panel so far. */
  get shown(): PanelShown[] {
    return [...this.shownWindows.values()];
  }

  /**
   * Shows the panel titled `title` in each DevTools window, now and as new ones open. Each window
   * is retried until DevTools has registered the panel, at most `timeoutMs`; `onShown` and
   * `onFailed` report each window once.
   */
  async watch(title: string, { timeoutMs, onShown, onFailed }: { timeoutMs: number; onShown?: (s: PanelShown) => void; onFailed?: (error: Error) => void }): Promise<void> {
    const consider = (targetId: string, url: string) => {
      if (!isDevTools(url) || this.handled.has(targetId)) return;
      this.handled.add(targetId);
      this.showIn(targetId, title, timeoutMs).then(
        (shown) => {
          if (!shown) return;
          this.shownWindows.set(targetId, shown);
          onShown?.(shown);
        },
        (error: unknown) => onFailed?.(error instanceof Error ? error : new Error(String(error))),
      );
    };
    this.browser.on('Target.targetCreated', ({ targetInfo }) => consider(targetInfo.targetId, targetInfo.url));
    this.browser.on('Target.targetInfoChanged', ({ targetInfo }) => consider(targetInfo.targetId, targetInfo.url));
    this.browser.on('Target.targetDestroyed', ({ targetId }) => {
      this.gone.add(targetId);
      this.attached.delete(targetId);
      this.shownWindows.delete(targetId);
    });
    // Reports every existing target as targetCreated, then new ones as they come.
    await this.browser.send('Target.setDiscoverTargets', { discover: true });
  }

  /** Stops retrying (the browser is closing). */
  stop(): void {
    this.stopped = true;
  }

  private async showIn(targetId: string, title: string, timeoutMs: number): Promise<PanelShown | null> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stopped && !this.gone.has(targetId)) {
      const state = await this.evaluate(targetId, frontEndScript(title, true)).catch(() => null);
      if (state?.panel && state.selected === state.panel) {
        await this.detach(targetId);
        return { ...state, panel: state.panel, targetId };
      }
      if (Date.now() > deadline) {
        await this.detach(targetId);
        throw new Error(`DevTools did not register the "${title}" panel within ${Math.round(timeoutMs / 1000)} s`);
      }
      await pause(300);
    }
    return null;
  }

  /** What a DevTools window shows now (read again from its front end). */
  async state(targetId: string, title: string): Promise<DevToolsState | null> {
    return this.evaluate(targetId, frontEndScript(title, false));
  }

  /** A PNG of the DevTools window's own contents. */
  async screenshot(targetId: string): Promise<Buffer> {
    const reply = await this.call(targetId, 'Page.captureScreenshot', { format: 'png' });
    return Buffer.from(reply.result?.data ?? '', 'base64');
  }

  /** Evaluates `expression` in any target (a DevTools window, or a panel page inside one); null when it throws. */
  async evaluate<T = DevToolsState>(targetId: string, expression: string): Promise<T | null> {
    const reply = await this.call(targetId, 'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (reply.result?.exceptionDetails) return null;
    return (reply.result?.result?.value as T | null | undefined) ?? null;
  }

  private async call(targetId: string, method: string, params: Record<string, unknown>): Promise<Reply> {
    let sessionId = this.attached.get(targetId);
    if (!sessionId) {
      ({ sessionId } = await this.browser.send('Target.attachToTarget', { targetId, flatten: false }));
      this.attached.set(targetId, sessionId);
    }
    const id = ++this.next;
    const reply = new Promise<Reply>((done) => {
      this.replies.set(id, done);
      // A window that closes or hangs mid-call must not hold the caller forever.
      setTimeout(() => done({ error: { message: `no answer within ${CALL_TIMEOUT_MS / 1000} s` } }), CALL_TIMEOUT_MS).unref();
    });
    await this.browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const answer = await reply;
    this.replies.delete(id);
    if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
    return answer;
  }

  private async detach(targetId: string): Promise<void> {
    const sessionId = this.attached.get(targetId);
    if (!sessionId) return;
    this.attached.delete(targetId);
    await this.browser.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}
