// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useDevtoolsTheme } from '../../components/hooks/use-bridge';
import { themeFromName, watchDevtoolsTheme, type DevtoolsThemeApi } from '../../components/platform/devtools-theme';
import type { ThemeName } from '../../components/view-models/panel-types';

/** The panel follows DevTools' theme while it is open, in Chromium and in Firefox (fakes of their `devtools.panels`). */
afterEach(cleanup);

/** Chromium's shape: `themeName` and one handler set with setThemeChangeHandler. */
function chromiumPanels(themeName: string) {
  const fake = {
    themeName,
    handler: null as ((name: unknown) => void) | null,
    setThemeChangeHandler(callback: ((name: unknown) => void) | null) {
      fake.handler = callback;
    },
    change(name: string) {
      fake.themeName = name;
      fake.handler?.(name);
    },
  };
  return fake;
}

/** Firefox's shape: `themeName` and the onThemeChanged event. */
function firefoxPanels(themeName: string) {
  const listeners = new Set<(name: unknown) => void>();
  return {
    themeName,
    listeners,
    onThemeChanged: { addListener: (l: (name: unknown) => void) => void listeners.add(l), removeListener: (l: (name: unknown) => void) => void listeners.delete(l) },
    change(name: string) {
      for (const l of listeners) l(name);
    },
  };
}

describe('themeFromName', () => {
  it.each([
    ['dark', 'dark'],
    ['default', 'light'],
    ['light', 'light'],
    ['firebug', 'light'],
    [undefined, 'auto'],
    ['solarized', 'auto'],
    [42, 'auto'],
  ] as const)('%s → %s', (name, theme) => expect(themeFromName(name)).toBe(theme));
});

describe('watchDevtoolsTheme', () => {
  it('Chromium: sets a theme change handler and unsets it when stopped', () => {
    const panels = chromiumPanels('default');
    const seen: ThemeName[] = [];
    const stop = watchDevtoolsTheme(panels, (t) => seen.push(t));
    panels.change('dark');
    panels.change('default');
    expect(seen).toEqual(['dark', 'light']);
    stop();
    expect(panels.handler).toBeNull();
  });

  it('Firefox: listens to onThemeChanged and removes its listener when stopped', () => {
    const panels = firefoxPanels('light');
    const seen: ThemeName[] = [];
    const stop = watchDevtoolsTheme(panels, (t) => seen.push(t));
    panels.change('dark');
    expect(seen).toEqual(['dark']);
    stop();
    expect(panels.listeners.size).toBe(0);
    panels.change('light');
    expect(seen).toEqual(['dark']);
  });

  it('outside DevTools there is nothing to follow', () => {
    const seen: ThemeName[] = [];
    watchDevtoolsTheme(undefined, (t) => seen.push(t))();
    watchDevtoolsTheme({}, (t) => seen.push(t))();
    expect(seen).toEqual([]);
  });
});

function Themed({ panels }: { panels: DevtoolsThemeApi | undefined }) {
  return <main class={`ol-theme-${useDevtoolsTheme(panels)}`} />;
}
const shown = () => document.querySelector('main')!.className;

describe('useDevtoolsTheme', () => {
  it('starts from themeName and follows a change made while the panel is open (Chromium)', () => {
    const panels = chromiumPanels('default');
    render(<Themed panels={panels} />);
    expect(shown()).toBe('ol-theme-light');
    act(() => panels.change('dark'));
    expect(shown()).toBe('ol-theme-dark');
    act(() => cleanup());
    expect(panels.handler).toBeNull();
  });

  it('the same in Firefox', () => {
    const panels = firefoxPanels('dark');
    render(<Themed panels={panels} />);
    expect(shown()).toBe('ol-theme-dark');
    act(() => panels.change('light'));
    expect(shown()).toBe('ol-theme-light');
  });

  it('follows the OS outside DevTools', () => {
    render(<Themed panels={undefined} />);
    expect(shown()).toBe('ol-theme-auto');
  });
});
