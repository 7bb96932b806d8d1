// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../components/App';
import type { PanelData } from '../../components/view-models/panel-types';
import { Panel } from '../../components/Panel';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { BackgroundMessage } from '../../lib/model/messages';
import { panelScenarios } from '../support/panel-fixtures';

// "Fetch issuer metadata": enabled only for a live capture with flows whose issuer's discovery
// document was not captured; a click sends `panel/fetch-metadata` through the panel's port.

const port = vi.hoisted(() => {
  const listeners: Array<(m: unknown) => void> = [];
  return {
    posted: [] as unknown[],
    listeners,
    postMessage(m: unknown) {
      this.posted.push(m);
    },
    onMessage: { addListener: (f: (m: unknown) => void) => listeners.push(f) },
    onDisconnect: { addListener: () => {} },
    disconnect: () => {},
  };
});
// The panel also reads site access (all sites granted here: no notice in the way).
vi.mock('wxt/browser', () => {
  const permissionEvent = { addListener: () => {}, removeListener: () => {} };
  return {
    browser: {
      runtime: { connect: () => port, getURL: (p: string) => `chrome-extension://x${p}` },
      permissions: { getAll: async () => ({ origins: ['*://*/*'] }), onAdded: permissionEvent, onRemoved: permissionEvent },
    },
  };
});

let data: PanelData;
beforeAll(async () => {
  const events = await panelScenarios();
  data = { events, analysis: (await analyzeEvents(events)).report };
});
afterEach(cleanup);

const button = () => screen.getByRole('button', { name: 'Fetch issuer metadata' }) as HTMLButtonElement;
const live = { paused: false, preserve: false, connection: 'live' as const };

describe('Fetch issuer metadata', () => {
  it('sends panel/fetch-metadata for the panel tab, and names what it contacts', async () => {
    render(<Panel tabId={7} />);
    expect(port.posted).toEqual([{ type: 'panel/subscribe', tabId: 7 }]);
    expect(button().disabled).toBe(true);
    const snapshot: BackgroundMessage = { type: 'flows/snapshot', tabId: 7, events: data.events, analysis: data.analysis, paused: false, preserve: false };
    await act(() => port.listeners.forEach((f) => f(snapshot)));
    expect(button().disabled).toBe(false);
    expect(button().title).toBe(
      'Fetches https://sso.initech.test/.well-known/openid-configuration, https://id.globex.test/.well-known/openid-configuration, ' +
        'https://auth.acme-corp.test/.well-known/openid-configuration and their JWKS for flows without captured metadata; nothing else is contacted',
    );
    fireEvent.click(button());
    expect(port.posted.at(-1)).toEqual({ type: 'panel/fetch-metadata', tabId: 7 });
  });

  it('is disabled when every flow with an issuer has its discovery step', () => {
    const onFetchMetadata = vi.fn();
    const withDiscovery = data.analysis.flows.filter((f) => f.steps.some((s) => s.kind === 'discovery'));
    expect(withDiscovery.length).toBeGreaterThan(0);
    render(<App data={{ ...data, analysis: { ...data.analysis, flows: withDiscovery } }} status={live} actions={{ onFetchMetadata }} />);
    expect(button().disabled).toBe(true);
    fireEvent.click(button());
    expect(onFetchMetadata).not.toHaveBeenCalled();
  });

  it('is enabled with candidates and a live capture, absent in the standalone viewer', () => {
    const onFetchMetadata = vi.fn();
    const { unmount } = render(<App data={data} status={live} actions={{ onFetchMetadata }} />);
    expect(button().title).toMatch(/^Fetches https:\/\/sso\.initech\.test\/\.well-known\/openid-configuration/);
    fireEvent.click(button());
    expect(onFetchMetadata).toHaveBeenCalledOnce();
    unmount();
    render(<App data={data} standalone />);
    expect(screen.queryByRole('button', { name: 'Fetch issuer metadata' })).toBeNull();
  });
});
