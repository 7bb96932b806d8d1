// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowList } from '../../components/FlowList';
import { defaultFlowId, flowRows, NO_FILTER } from '../../components/view-models/flow-view';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { syntheticPanelData } from '../../bench/panel-render';
import { panelScenarios } from '../support/panel-fixtures';

afterEach(cleanup);

describe('FlowList', () => {
  it('shows server host, client, grant, outcome and counts per flow', async () => {
    const { report } = await analyzeEvents(await panelScenarios());
    const rows = flowRows(report.flows, NO_FILTER);
    render(<FlowList rows={rows} selected={rows.indexOf(defaultFlowId(rows))} onSelect={() => {}} totalFlows={rows.length} />);
    const options = screen.getAllByRole('option');
    const acme = options.find((o) => o.textContent?.includes('acme-portal'))!;
    expect(acme.textContent).toContain('auth.acme-corp.test');
    expect(acme.textContent).toContain('code');
    expect(acme.className).toContain('ol-outcome-failed');
    expect(acme.querySelector('.ol-count.ol-sev-error')?.textContent).toBe('1');
    const ok = options.find((o) => o.textContent?.includes('web-app'))!;
    expect(ok.className).toContain('ol-outcome-success');
    expect(ok.querySelector('title')?.textContent).toMatch(/^Completed/);
    expect(acme.querySelector('title')?.textContent).toMatch(/^Failed at step \d+ \(callback\)$/);
  });

  it('selects on click and with arrows, and says when the filter hides everything', () => {
    const data = syntheticPanelData(100, 10);
    const rows = flowRows(data.analysis.flows, NO_FILTER);
    const onSelect = vi.fn();
    const { rerender } = render(<FlowList rows={rows} selected={3} onSelect={onSelect} totalFlows={rows.length} />);
    fireEvent.click(screen.getAllByRole('option')[5]!);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'PageUp' });
    expect(onSelect.mock.calls.map((c) => c[0])).toEqual([rows.flow(5).id, rows.flow(4).id, rows.flow(0).id]);
    rerender(<FlowList rows={flowRows([], NO_FILTER)} selected={-1} onSelect={onSelect} totalFlows={rows.length} />);
    expect(screen.getByText('No flow matches the filter.')).toBeTruthy();
  });

  it('keeps 5000 flows to a window of rows', () => {
    const data = syntheticPanelData(50_000, 10);
    const rows = flowRows(data.analysis.flows, NO_FILTER);
    render(<FlowList rows={rows} selected={4000} onSelect={() => {}} totalFlows={rows.length} />);
    expect(screen.getAllByRole('option').length).toBeLessThan(80);
  });
});
