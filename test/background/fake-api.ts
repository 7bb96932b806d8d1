import { fakeBrowser } from '@webext-core/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import type { PortLike } from '../../entrypoints/background/api';

/** An event that records how listeners registered (filter, extraInfoSpec) and can fire them. */
export class FakeEvent<A extends unknown[]> {
  readonly registrations: Array<{ callback: (...args: A) => unknown; extra: unknown[] }> = [];
  addListener(callback: (...args: A) => unknown, ...extra: unknown[]): void {
    this.registrations.push({ callback, extra });
  }
  removeListener(callback: (...args: A) => unknown): void {
    const at = this.registrations.findIndex((r) => r.callback === callback);
    if (at >= 0) this.registrations.splice(at, 1);
  }
  fire(...args: A): unknown[] {
    return this.registrations.map((r) => r.callback(...args));
  }
}

const WEB_REQUEST_EVENTS = ['onBeforeRequest', 'onBeforeSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'] as const;
export type WebRequestEventName = (typeof WEB_REQUEST_EVENTS)[number];

/**
 * fake-browser (storage.session, action, runtime.onMessage, webNavigation, tabs) plus what it
 * does not implement: webRequest events and runtime.onConnect. `chromeEnums` mimics Chrome's
 * OnBeforeSendHeadersOptions so the extraHeaders detection can be observed.
 */
export function makeFakeApi(chromeEnums = true) {
  const webRequest: Record<WebRequestEventName, FakeEvent<[Record<string, unknown>]>> & { OnBeforeSendHeadersOptions?: object } = Object.fromEntries(
    WEB_REQUEST_EVENTS.map((name) => [name, new FakeEvent<[Record<string, unknown>]>()]),
  ) as Record<WebRequestEventName, FakeEvent<[Record<string, unknown>]>>;
  if (chromeEnums) webRequest.OnBeforeSendHeadersOptions = { REQUEST_HEADERS: 'requestHeaders', EXTRA_HEADERS: 'extraHeaders' };
  const onConnect = new FakeEvent<[PortLike]>();
  const api = {
    ...fakeBrowser,
    webRequest,
    runtime: { ...fakeBrowser.runtime, onMessage: fakeBrowser.runtime.onMessage, onConnect },
  };
  return { api, browserApi: api as unknown as WxtBrowser, webRequest, onConnect };
}

/** One end of a runtime port: what the background posts lands in `received`. */
export function makePort(name: string) {
  const onMessage = new FakeEvent<[unknown, PortLike]>();
  const onDisconnect = new FakeEvent<[PortLike]>();
  const received: unknown[] = [];
  const port: PortLike = { name, postMessage: (m) => received.push(structuredClone(m)), onMessage, onDisconnect };
  return { port, received, send: (m: unknown) => onMessage.fire(m, port), disconnect: () => onDisconnect.fire(port) };
}

/** browser.permissions as the background reads it: granted origins, and change events. */
export function makeFakePermissions(origins: string[]) {
  const onAdded = new FakeEvent<[]>();
  const onRemoved = new FakeEvent<[]>();
  const granted = { origins: [...origins] };
  return {
    permissions: { getAll: async () => ({ origins: [...granted.origins] }), onAdded, onRemoved },
    set(next: string[]) {
      granted.origins = [...next];
      onAdded.fire();
    },
  };
}
