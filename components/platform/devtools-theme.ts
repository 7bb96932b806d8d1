import type { ThemeName } from '../view-models/panel-types';

/**
 * DevTools' theme for the panel, followed while the panel is open. The part of
 * `devtools.panels` it uses, passed in (a fake in tests):
 * - `themeName`: "default" | "dark" in Chromium, "light" | "dark" | "firebug" in Firefox;
 * - Chromium: `setThemeChangeHandler(callback)` (one handler; `null` unsets it);
 * - Firefox: the `onThemeChanged` event.
 * Outside DevTools (the panel page opened as a tab) there is no `devtools` and the page follows
 * the OS ("auto").
 */
export interface DevtoolsThemeApi {
  themeName?: unknown;
  setThemeChangeHandler?: (callback: ((themeName: unknown) => void) | null) => void;
  onThemeChanged?: {
    addListener(listener: (themeName: unknown) => void): void;
    removeListener(listener: (themeName: unknown) => void): void;
  };
}

export function themeFromName(name: unknown): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'default' || name === 'light' || name === 'firebug') return 'light';
  return 'auto';
}

/** Calls `onTheme` on every theme change DevTools reports; returns the function that stops listening. */
export function watchDevtoolsTheme(panels: DevtoolsThemeApi | undefined, onTheme: (theme: ThemeName) => void): () => void {
  const listener = (name: unknown) => onTheme(themeFromName(name));
  if (panels?.onThemeChanged) {
    const event = panels.onThemeChanged;
    event.addListener(listener);
    return () => event.removeListener(listener);
  }
  if (typeof panels?.setThemeChangeHandler === 'function') {
    const set = panels.setThemeChangeHandler.bind(panels);
    set(listener);
    return () => set(null);
  }
  return () => undefined;
}
