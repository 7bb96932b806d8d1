/**
 * The slice of the extension API the background uses, typed narrowly so the same code runs on
 * `browser` (Chrome MV3, Firefox MV2) and on @webext-core/fake-browser plus small fakes in tests.
 */

export interface Listenable<A extends unknown[]> {
  addListener(callback: (...args: A) => unknown, ...extra: never[]): void;
}

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  onMessage: Listenable<[unknown, PortLike]>;
  onDisconnect: Listenable<[PortLike]>;
}

export interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
}

export type SendResponse = (response: unknown) => void;

export interface ServiceApi {
  storage: { session?: StorageAreaLike };
  action?: BadgeApi;
  /** Firefox MV2 names the action `browserAction`. */
  browserAction?: BadgeApi;
}
