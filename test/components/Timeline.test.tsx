// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventLookup, stepRows } from '../../components/view-models/flow-view';
import { Timeline } from '../../components/Timeline';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { syntheticPanelData } from '../../bench/panel-render';
import { FIXED_NOW, noPkceServerFlow, tokenRejectedFlow } from '../support/panel-fixtures';

afterEach(cleanup);

async function flowOf(events: Awaited<ReturnType<typeof tokenRejectedFlow>>) {
  const { report } = await analyzeEvents(events);
  const flow = report.flows[0]!;
  return { flow, rows: stepRows(flow, eventLookup(events)) };
}

describe('Timeline', () => {
  it('shows kind, method, host + path, status and offset for each step, with redirect arrows', async () => {
    const { flow, rows } = await flowOf(tokenRejectedFlow(FIXED_NOW));
    render(<Timeline flow={flow} rows={rows} selected={null} onSelect={() => {}} />);
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(flow.steps.length);
    const token = options.find((o) => o.querySelector('.ol-kind')?.textContent === 'token')!;
    expect(token.textContent).toContain('POST');
    expect(token.textContent).toContain('idp.example.com/token');
    expect(token.textContent).toContain('400');
    expect(token.querySelector('.ol-status-bad')).not.toBeNull();
    expect(options[0]!.textContent).toContain('+0 ms');
    // The authorize hop was reached through the app's /login 302.
    const authorize = options.find((o) => o.querySelector('.ol-kind')?.textContent === 'authorize')!;
    expect(authorize.querySelector('.ol-icon-redirect')).not.toBeNull();
    expect(options[0]!.querySelector('.ol-icon-redirect')).toBeNull();
  });

  it('marks a status the browser never reported but the page did (recovered), and says from where', async () => {
    const events = tokenRejectedFlow(FIXED_NOW).map((e) => structuredClone(e));
    const callback = events.find((e) => e.kind === 'request' && e.url.includes('code='));
    if (callback?.kind !== 'request') throw new Error('no callback hop');
    delete callback.status;
    delete callback.endTime;
    delete callback.redirectUrl;
    callback.recovered = { from: 'navigation-timing', status: 200, at: callback.startTime + 20 };
    const { flow, rows } = await flowOf(events);
    render(<Timeline flow={flow} rows={rows} selected={null} onSelect={() => {}} />);
    const row = screen.getAllByRole('option').find((o) => o.querySelector('.ol-kind')?.textContent === 'callback')!;
    const status = row.querySelector('.ol-num')!;
    expect(status.textContent).toBe('200* (recovered)');
    expect(status.getAttribute('title')).toMatch(/Navigation Timing/);
  });

  it('draws a server-side exchange as not observable, not as a failure', async () => {
    const { flow, rows } = await flowOf(noPkceServerFlow(FIXED_NOW));
    render(<Timeline flow={flow} rows={rows} selected={null} onSelect={() => {}} />);
    const hidden = screen.getAllByRole('option').filter((o) => o.classList.contains('ol-unobserved'));
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.textContent).toContain('not observable from the browser');
    expect(hidden[0]!.className).not.toMatch(/ol-row-error|ol-row-warning/);
    // Findings sit on the step they are about (pkce-missing on authorize).
    const authorize = screen.getAllByRole('option').find((o) => o.querySelector('.ol-kind')?.textContent === 'authorize')!;
    expect(authorize.className).toMatch(/ol-row-(warning|error)/);
  });

  it('moves the selection with the keyboard and opens on Enter', async () => {
    const { flow, rows } = await flowOf(tokenRejectedFlow(FIXED_NOW));
    const onSelect = vi.fn();
    const onOpen = vi.fn();
    render(<Timeline flow={flow} rows={rows} selected={2} onSelect={onSelect} onOpen={onOpen} />);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    fireEvent.keyDown(list, { key: 'End' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onSelect.mock.calls.map((c) => c[0])).toEqual([3, 1, flow.steps.length - 1]);
    expect(onOpen).toHaveBeenCalledOnce();
    expect(list.getAttribute('aria-activedescendant')).toBe('ol-step-2');
  });

  it('renders only a window of a 50k-step flow', () => {
    const data = syntheticPanelData(50_000, 50_000);
    const flow = data.analysis.flows[0]!;
    const rows = stepRows(flow, eventLookup(data.events));
    const t = performance.now();
    render(<Timeline flow={flow} rows={rows} selected={49_999} onSelect={() => {}} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThan(120);
    expect(performance.now() - t).toBeLessThan(5000);
    // The total height still stands for every row, so the scrollbar is honest.
    const spacer = screen.getByRole('listbox').firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${50_000 * 24}px`);
  });
});
