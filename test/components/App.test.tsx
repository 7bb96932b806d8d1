// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../components/App';
import { EMPTY_DATA, type PanelData } from '../../components/view-models/panel-types';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { FIXED_NOW, panelScenarios } from '../support/panel-fixtures';

let data: PanelData;
beforeAll(async () => {
  const events = await panelScenarios();
  data = { events, analysis: (await analyzeEvents(events)).report };
});
afterEach(cleanup);

const flowList = () => screen.getByRole('listbox', { name: /flows/i });
const timeline = () => screen.getByRole('listbox', { name: /steps/i });
const selectedFlow = () => within(flowList()).getByRole('option', { selected: true });

describe('App', () => {
  it('shows what to do when nothing was captured', () => {
    render(<App data={EMPTY_DATA} />);
    expect(screen.getByText(/Start a login in this tab — OAuth Lens records authorize, callback and token requests/)).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('lists every flow newest first and selects the newest failing one', () => {
    render(<App data={data} now={FIXED_NOW} />);
    const options = within(flowList()).getAllByRole('option');
    expect(options).toHaveLength(data.analysis.flows.length);
    const times = options.map((o) => o.querySelector('.ol-flow-time')?.textContent ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    // The state-mismatch flow (acme-portal) is the newest and fails.
    expect(selectedFlow().textContent).toContain('acme-portal');
    expect(document.querySelector('.ol-summary strong')?.textContent).toMatch(/^Failed at step \d+ \(callback\)$/);
    expect(screen.getByRole('article', { name: /State returned differs/ })).toBeTruthy();
  });

  it('marks the failing step in place and the server-side exchange as not observable', () => {
    render(<App data={data} now={FIXED_NOW} />);
    const rows = within(timeline()).getAllByRole('option');
    const failing = rows.find((r) => r.classList.contains('ol-row-error'));
    expect(failing?.textContent).toContain('callback');
    expect(failing?.getAttribute('aria-selected')).toBe('true');
    const hidden = rows.find((r) => r.classList.contains('ol-unobserved'));
    expect(hidden?.textContent).toContain('not observable from the browser');
    expect(hidden?.classList.contains('ol-row-error')).toBe(false);
  });

  it('moves through flows and steps with the arrow keys; Enter moves into the timeline', () => {
    render(<App data={data} now={FIXED_NOW} />);
    const before = selectedFlow().textContent;
    fireEvent.keyDown(flowList(), { key: 'ArrowDown' });
    expect(selectedFlow().textContent).not.toBe(before);
    fireEvent.keyDown(flowList(), { key: 'Home' });
    expect(selectedFlow().textContent).toBe(before);

    fireEvent.keyDown(flowList(), { key: 'Enter' });
    expect(document.activeElement).toBe(timeline());
    const selectedStep = () => within(timeline()).getByRole('option', { selected: true }).id;
    const start = selectedStep();
    fireEvent.keyDown(timeline(), { key: 'ArrowUp' });
    expect(selectedStep()).not.toBe(start);
    fireEvent.keyDown(timeline(), { key: 'End' });
    expect(selectedStep()).toBe(`ol-step-${data.analysis.flows.find((f) => f.clientId === 'acme-portal')!.steps.length - 1}`);
  });

  it('focuses the filter on "/" and filters the flow list', () => {
    render(<App data={data} now={FIXED_NOW} />);
    fireEvent.keyDown(document.body, { key: '/' });
    const filter = screen.getByRole('searchbox');
    expect(document.activeElement).toBe(filter);
    fireEvent.input(filter, { target: { value: 'globex' } });
    const options = within(flowList()).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]!.textContent).toContain('id.globex.test');
  });

  it('"only failing" hides succeeded flows; the client filter keeps one client', () => {
    render(<App data={data} now={FIXED_NOW} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /only failing/i }));
    const failing = within(flowList()).getAllByRole('option');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((o) => o.classList.contains('ol-outcome-failed'))).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /only failing/i }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Client' }), { target: { value: 'acme-spa' } });
    const one = within(flowList()).getAllByRole('option');
    expect(one).toHaveLength(1);
    expect(one[0]!.textContent).toContain('acme-spa');
  });

  it('calls toolbar callbacks and disables absent ones', () => {
    const onClear = vi.fn();
    const onPause = vi.fn();
    render(<App data={data} actions={{ onClear, onPause }} status={{ paused: false, preserve: false, connection: 'live' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause recording' }));
    expect(onClear).toHaveBeenCalledOnce();
    expect(onPause).toHaveBeenCalledWith(true);
    expect((screen.getByRole('button', { name: /export/i }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('"show step" on a finding opens that step\'s request and moves focus to the timeline', async () => {
    render(<App data={data} now={FIXED_NOW} />);
    const button = screen.getByRole('button', { name: /step 6 · callback/ });
    button.focus();
    fireEvent.click(button);
    expect(screen.getByRole('tab', { name: 'Request' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('Query parameters')).toBeTruthy();
    // The button went away with the Findings tab; focus is on the step it named, not lost.
    await waitFor(() => expect(document.activeElement).toBe(timeline()));
    expect(timeline().getAttribute('aria-activedescendant')).toBe('ol-step-5');
  });

  it('details tabs: only the selected one is in the Tab order; arrows, Home and End pick and focus', () => {
    render(<App data={data} now={FIXED_NOW} />);
    const tabs = screen.getAllByRole('tab');
    const selected = () => screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.textContent);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(selected()).toEqual(['Request']);
    expect(document.activeElement?.textContent).toBe('Request');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(selected()).toEqual(['Cookies']);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(selected()[0]).toMatch(/^Findings/);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(selected()).toEqual(['Cookies']);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(selected()[0]).toMatch(/^Findings/);
    expect(document.activeElement).toBe(screen.getAllByRole('tab')[0]);
  });
});
