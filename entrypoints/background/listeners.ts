import type { Browser, WxtBrowser } from 'wxt/browser';
import { isIgnoredType } from '../../lib/capture/prefilter';
import { PANEL_PORT_NAME } from '../../lib/model/messages';
import type { PortLike, SendResponse } from './api';
import { BodyPicker, errorPageBody, readBody, type FilterResponseData } from './firefox-bodies';
import { registerPageText, type ScriptingLike } from './page-text';
import { registerAnswerRecovery, type TimingScripting } from './recover-answers';
import { handleRuntimeMessage } from './runtime-messages';
import type { BackgroundService } from './service';
import { registerWelcome, type WelcomeApi } from './welcome';
import type { SiteAccessGate } from './site-access';
import { navigationFilters } from '../../lib/site-access/navigation-filter';
import { requestFilterUrls } from '../../lib/site-access/patterns';
import { NavigationListeners } from './navigation-listeners';

type BrowserApi = WxtBrowser;

/** webRequest listeners are non-blocking: always answer undefined. */
function pass<D>(handle: (details: D) => void): (details: D) => undefined {
  return (details) => {
    handle(details);
    return undefined;
  };
}

export interface ListenerEnv {
  /** Build-time `import.meta.env.FIREFOX`. */
  firefox: boolean;
  /** The sites the user granted; without it (unit tests of capture alone) every site is watched. */
  access?: SiteAccessGate;
}

/**
 * `extraHeaders` makes Cookie, Set-Cookie and Origin visible in Chrome (and is required there);
 * Firefox shows them anyway and throws on the unknown option (docs/architecture.md "Browser behaviour we rely on").
 */
export function extraHeadersOption(api: BrowserApi, env: ListenerEnv): 'extraHeaders'[] {
  const enums = api.webRequest as unknown as { OnBeforeSendHeadersOptions?: { EXTRA_HEADERS?: string } };
  return !env.firefox && enums.OnBeforeSendHeadersOptions?.EXTRA_HEADERS === 'extraHeaders' ? ['extraHeaders'] : [];
}

/**
 * Resource types worth a webRequest event: every type the browser knows except those the capture
 * drops anyway (images, scripts, styles, fonts, media…: prefilter.ts `isIgnoredType`). Not asking
 * for them is what keeps page loads fast — each event crosses to the extension process with its
 * headers, and on a page of 200 sub-resources that cost ~60% of the load time with every type
 * against ~10% with these (bench/page-load.ts). Undefined (all types) if the browser has no enum.
 */
export function capturedTypes(api: BrowserApi): string[] | undefined {
  const all = (api.webRequest as unknown as { ResourceType?: Record<string, string> }).ResourceType;
  const kept = all ? Object.values(all).filter((t) => typeof t === 'string' && !isIgnoredType(t)) : [];
  return kept.length ? kept : undefined;
}

/**
 * Every listener, registered synchronously while the worker script first runs (inside
 * defineBackground's main, which WXT calls synchronously at top level), so a stopped MV3 worker
 * is woken for them. Listeners only hand plain details to the service; nothing is analysed here.
 */
export function registerListeners(api: BrowserApi, service: BackgroundService, env: ListenerEnv): void {
  // The browser only dispatches webRequest events for hosts the extension may access, whatever
  // the filter says; narrowing the filter to the granted sites once they are known keeps even the
  // matching work for other sites out of the extension's listeners.
  // One body picker across re-registrations: what it learnt from discovery bodies stays.
  const bodies = new BodyPicker();
  let urls = ['<all_urls>'];
  let remove = registerRequestListeners(api, service, env, bodies, urls);
  // webNavigation comes for every site the filter lets through: once the granted sites are known,
  // only theirs (navigation-listeners.ts). The service also drops events of sites outside site
  // access unread (for those that came before the granted sites were read).
  const filtered = new NavigationListeners();
  env.access?.onChange((access) => {
    filtered.setFilters(navigationFilters(access));
    const next = requestFilterUrls(access);
    if (next.join() === urls.join()) return;
    remove();
    urls = next;
    remove = next.length ? registerRequestListeners(api, service, env, bodies, next) : () => undefined;
  });
  const nav = api.webNavigation;
  filtered.on(nav.onCommitted).addListener((d) => service.receive({ on: 'committed', d }));
  filtered.on(nav.onReferenceFragmentUpdated).addListener((d) => service.receive({ on: 'fragment-updated', d }));
  filtered.on(nav.onHistoryStateUpdated).addListener((d) => service.receive({ on: 'history-state-updated', d }));
  filtered.on(nav.onCreatedNavigationTarget).addListener((d) => service.receive({ on: 'created-target', d }));
  api.tabs.onRemoved.addListener((tabId) => service.receive({ on: 'tab-removed', tabId, time: Date.now() }));
  // Chromium sees no response body without DevTools: an authorization server's own error page is
  // read as text instead (page-text.ts). Firefox reads the body itself (firefox-bodies.ts).
  const scripting = (api as unknown as { scripting?: ScriptingLike }).scripting;
  if (!env.firefox && scripting) {
    registerPageText(filtered.on(nav.onDOMContentLoaded), scripting, service, (url) => !env.access || env.access.allows(url));
    // Answers Chromium dropped around a worker stop, read back from the page (recover-answers.ts).
    registerAnswerRecovery({ onCommitted: filtered.on(nav.onCommitted), onDOMContentLoaded: filtered.on(nav.onDOMContentLoaded) }, scripting as unknown as TimingScripting, service);
  }

  api.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: SendResponse) => {
    handleRuntimeMessage(message, service).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true; // the answer is asynchronous (works in Chrome and Firefox alike)
  });
  api.runtime.onConnect.addListener((port) => {
    if (port.name === PANEL_PORT_NAME) service.connect(port as unknown as PortLike);
  });
  registerWelcome(api as unknown as WelcomeApi);
}

/** The webRequest listeners for these URL patterns; returns how to remove them again. */
function registerRequestListeners(api: BrowserApi, service: BackgroundService, env: ListenerEnv, bodies: BodyPicker, urls: string[]): () => void {
  const types = capturedTypes(api);
  const filter = { urls, ...(types ? { types: types as Browser.webRequest.ResourceType[] } : {}) };
  const extra = extraHeadersOption(api, env);
  const wr = api.webRequest;
  const filterResponseData = env.firefox ? (wr as unknown as { filterResponseData?: FilterResponseData }).filterResponseData : undefined;

  const beforeRequest = (d: Browser.webRequest.OnBeforeRequestDetails) => {
    service.receive({ on: 'before-request', d });
    const wanted = filterResponseData && d.tabId >= 0 ? bodies.wants(d) : null;
    if (filterResponseData && wanted) {
      try {
        readBody(filterResponseData(d.requestId), (text, truncated) => {
          bodies.read(d.url, text);
          const body = { text, truncated, source: 'filter-response-data' as const };
          service.ingest((e) => e.attachResponseBody(d.tabId, d.requestId, body, wanted === 'error-page' ? errorPageBody(body) : undefined));
        });
      } catch {
        // filterResponseData refuses some requests (e.g. from other extensions): skip the body.
      }
    }
    return undefined;
  };
  const sendHeaders = pass((d: Browser.webRequest.OnBeforeSendHeadersDetails) => service.receive({ on: 'send-headers', d }));
  const headersReceived = pass((d: Browser.webRequest.OnHeadersReceivedDetails) => service.receive({ on: 'headers-received', d }));
  const beforeRedirect = pass((d: Browser.webRequest.OnBeforeRedirectDetails) => service.receive({ on: 'before-redirect', d }));
  const completed = pass((d: Browser.webRequest.OnCompletedDetails) => service.receive({ on: 'completed', d }));
  const errorOccurred = pass((d: Browser.webRequest.OnErrorOccurredDetails) => service.receive({ on: 'error', d }));

  // Firefox needs "blocking" for filterResponseData; Chrome MV3 forbids it.
  wr.onBeforeRequest.addListener(beforeRequest, filter, filterResponseData ? ['requestBody', 'blocking'] : ['requestBody']);
  wr.onBeforeSendHeaders.addListener(sendHeaders, filter, ['requestHeaders', ...extra]);
  wr.onHeadersReceived.addListener(headersReceived, filter, ['responseHeaders', ...extra]);
  wr.onBeforeRedirect.addListener(beforeRedirect, filter, ['responseHeaders', ...extra]);
  wr.onCompleted.addListener(completed, filter, ['responseHeaders', ...extra]);
  wr.onErrorOccurred.addListener(errorOccurred, filter);
  return () => {
    wr.onBeforeRequest.removeListener(beforeRequest);
    wr.onBeforeSendHeaders.removeListener(sendHeaders);
    wr.onHeadersReceived.removeListener(headersReceived);
    wr.onBeforeRedirect.removeListener(beforeRedirect);
    wr.onCompleted.removeListener(completed);
    wr.onErrorOccurred.removeListener(errorOccurred);
  };
}
