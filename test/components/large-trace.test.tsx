// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { syntheticPanelData } from '../../bench/panel-render';

// Issue 16: the panel builds only the rows on screen; everything else must still be reachable.
// Scrolling itself needs layout: bench/panel-chromium.ts scrolls the 5000-flow list to its end in Chromium.

afterEach(cleanup);

const flowList = () => screen.getByRole('listbox', { name: /flows/i });
const timeline = () => screen.getByRole('listbox', { name: /steps/i });
/** The selected row's id: happy-dom has no layout, so the list cannot scroll it into the rendered window. */
const selected = (list: HTMLElement) => list.getAttribute('aria-activedescendant');

describe('a 50k-step capture in the panel', () => {
  it('reaches the oldest of 5000 flows from the keyboard, and shows its steps', () => {
    const data = syntheticPanelData(50_000, 10);
    render(<App data={data} />);
    expect(within(flowList()).getAllByRole('option').length).toBeLessThan(80);
    fireEvent.keyDown(flowList(), { key: 'End' });
    expect(selected(flowList())).toBe('ol-flow-4999');
    expect(document.querySelector('.ol-summary')?.textContent).toContain('c0');
    expect(within(timeline()).getAllByRole('option')).toHaveLength(10);
    expect(within(timeline()).getAllByRole('option')[0]!.textContent).toContain('state=s0x0');
    fireEvent.keyDown(flowList(), { key: 'ArrowUp' });
    expect(selected(flowList())).toBe('ol-flow-4998');
    expect(within(timeline()).getAllByRole('option')[0]!.textContent).toContain('state=s1x0');
  });

  it('filters on steps of flows far outside the first window', () => {
    const data = syntheticPanelData(50_000, 10);
    render(<App data={data} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'state=s3x7' } });
    const options = within(flowList()).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(screen.getByText('1 of 5000')).toBeTruthy();
    fireEvent.click(options[0]!);
    expect(within(timeline()).getAllByRole('option')[7]!.textContent).toContain('state=s3x7');
  });

  it('walks a 50000-step flow to its last step from the keyboard', () => {
    const data = syntheticPanelData(50_000, 50_000);
    render(<App data={data} />);
    const steps = () => within(timeline()).getAllByRole('option');
    expect(steps().length).toBeLessThan(120);
    fireEvent.click(screen.getByRole('tab', { name: 'Request' }));
    const details = () => document.querySelector('.ol-details')?.textContent ?? '';
    fireEvent.keyDown(timeline(), { key: 'End' });
    expect(selected(timeline())).toBe('ol-step-49999');
    expect(details()).toContain('state=s0x49999');
    fireEvent.keyDown(timeline(), { key: 'ArrowUp' });
    expect(selected(timeline())).toBe('ol-step-49998');
    expect(details()).toContain('state=s0x49998');
    fireEvent.keyDown(timeline(), { key: 'PageUp' });
    expect(selected(timeline())).toBe('ol-step-49978');
    fireEvent.keyDown(timeline(), { key: 'Home' });
    expect(selected(timeline())).toBe('ol-step-0');
    expect(details()).toContain('state=s0x0');
  });
});
