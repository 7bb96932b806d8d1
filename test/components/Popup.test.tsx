// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupActions } from '../../components/Popup';
import { Welcome } from '../../components/Welcome';
import { popupRows } from '../../lib/flow/popup-rows';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { panelScenarios } from '../support/panel-fixtures';

afterEach(cleanup);

const actions = () =>
  ({
    onOpenFlow: vi.fn(),
    onPause: vi.fn(),
    onClear: vi.fn(),
    onCatalog: vi.fn(),
    onWelcome: vi.fn(),
  }) satisfies PopupActions;

describe('toolbar popup', () => {
  it('one row per flow: outcome in words, client, provider, first error; newest first', async () => {
    const { report } = await analyzeEvents(await panelScenarios());
    const rows = popupRows(report);
    expect(rows).toHaveLength(report.flows.length);
    const starts = rows.map((r) => report.flows.find((f) => f.id === r.id)!.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const acme = rows.find((r) => r.client === 'acme-portal')!;
    expect(acme.outcomeText).toMatch(/^Failed at step \d+ \(callback\)$/);
    expect(acme.provider).toBe('auth.acme-corp.test');
    expect(acme.firstError).toBe(report.flows.find((f) => f.id === acme.id)!.findings.find((f) => f.severity === 'error')!.title);
    const ok = rows.find((r) => r.client === 'web-app')!;
    expect([ok.outcome, ok.firstError]).toEqual(['success', null]);

    const a = actions();
    render(<Popup tabId={4} rows={rows} paused={false} loading={false} actions={a} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(rows.length);
    const acmeRow = screen.getAllByRole('button').find((b) => b.textContent?.includes('acme-portal'))!;
    expect(acmeRow.textContent).toContain(acme.outcomeText);
    fireEvent.click(acmeRow);
    expect(a.onOpenFlow).toHaveBeenCalledWith(acme.id);
    expect(screen.getByRole('status').textContent).toMatch(new RegExp(`^${rows.length} flows in this tab, \\d+ failed$`));
  });

  it('pause, resume, clear, and the links; Options only when the build has an options page', () => {
    const a = actions();
    const { rerender } = render(<Popup tabId={4} rows={[]} paused={false} loading={false} actions={a} />);
    expect(screen.getByRole('status').textContent).toBe('No OAuth flows in this tab yet.');
    expect((screen.getByRole('button', { name: 'Clear this tab' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Pause capture' }));
    expect(a.onPause).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('button', { name: 'Options' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check catalog' }));
    fireEvent.click(screen.getByRole('button', { name: 'Getting started' }));
    expect([a.onCatalog.mock.calls.length, a.onWelcome.mock.calls.length]).toEqual([1, 1]);

    const onOptions = vi.fn();
    rerender(<Popup tabId={4} rows={[]} paused loading={false} actions={{ ...a, onOptions }} />);
    expect(screen.getByRole('status').textContent).toContain('Capture is paused.');
    expect(screen.getByRole('button', { name: 'Resume capture' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Resume capture' }));
    expect(a.onPause).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOptions).toHaveBeenCalledOnce();
  });

  it('says so when the background cannot answer or there is no tab', () => {
    const { rerender } = render(<Popup tabId={4} rows={[]} paused={false} loading={false} error="boom" actions={actions()} />);
    expect(screen.getByRole('status').textContent).toBe('Could not read this tab: boom');
    rerender(<Popup tabId={null} rows={[]} paused={false} loading={false} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toBe('No web page in this tab.');
    expect(screen.queryByRole('button', { name: 'Pause capture' })).toBeNull();
  });
});

describe('welcome page', () => {
  it('says where the panel is, that bodies need DevTools in Chrome only, and that nothing leaves the browser', () => {
    const { rerender } = render(<Welcome browserName="chrome" />);
    const text = () => document.body.textContent ?? '';
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('OAuth Lens is installed');
    expect(text()).toContain('OAuth Lens panel');
    expect(text()).toContain('Capture runs with the panel closed.');
    expect(text()).toContain('Response bodies need DevTools open in Chrome.');
    expect(screen.getByRole('heading', { name: 'Nothing leaves the browser' })).toBeTruthy();
    expect(text()).toContain('npm start');
    rerender(<Welcome browserName="firefox" />);
    expect(text()).not.toContain('need DevTools open');
    expect(text()).toContain('Firefox reads response bodies without DevTools.');
  });
});
