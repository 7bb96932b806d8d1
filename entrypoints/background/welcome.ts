/** The page the background opens once, right after the extension is installed (entrypoints/welcome). */
export const WELCOME_PATH = '/welcome.html';

export interface WelcomeApi {
  runtime: {
    onInstalled: { addListener(callback: (details: { reason: string }) => void): void };
    getURL(path: string): string;
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

/** Only a first install opens it: updates, browser updates and shared-module updates do not. */
export const welcomesOn = (reason: string): boolean => reason === 'install';

/** Registered with the other listeners, synchronously at worker start (an MV3 worker is woken for it). */
export function registerWelcome(api: WelcomeApi): void {
  api.runtime.onInstalled.addListener(({ reason }) => {
    if (!welcomesOn(reason)) return;
    api.tabs.create({ url: api.runtime.getURL(WELCOME_PATH) }).catch((error: unknown) => console.warn('OAuth Lens: could not open the welcome page', error));
  });
}
