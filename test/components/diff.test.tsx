// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiffView, type DiffSide } from '../../components/DiffView';
import { diffRows, stepStrips } from '../../components/view-models/diff-rows';
import { Viewer } from '../../components/Viewer';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { loadInputText } from '../../lib/trace/load';
import { codeFlow } from '../support/events';
import { HOSTILE } from '../support/panel-fixtures';

const HAR_DIR = join(import.meta.dirname, '..', 'fixtures', 'har');
const side = async (file: string): Promise<DiffSide> => {
  const { events } = loadInputText(readFileSync(join(HAR_DIR, file), 'utf8'), file);
  return { name: file, analysis: (await analyzeEvents(events)).report };
};

let working: DiffSide;
let failing: DiffSide;
beforeAll(async () => {
  working = await side('spa-pkce-success.har');
  failing = await side('scope-narrowed.har');
});
afterEach(cleanup);

const rowOf = (what: string) => screen.getAllByRole('row').find((r) => r.querySelector('th')?.textContent?.trim() === what);

describe('DiffView', () => {
  it('shows where a working and a failing flow differ, side by side', async () => {
    const good = await side('confidential-success.har');
    const bad = await side('forged-state.har');
    render(<DiffView left={good} right={bad} />);
    const outcome = rowOf('outcome')!;
    expect([...outcome.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['success', 'failed']);
    const finding = rowOf('state-mismatch')!;
    expect([...finding.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['—', 'State returned differs from state sent']);
    expect(screen.getByText('Findings')).toBeTruthy();
    // state differs in every login: compared by shape, never listed as a difference.
    expect(rowOf('state')).toBeUndefined();
    expect(screen.getByRole('columnheader', { name: /Working.*confidential-success\.har/ })).toBeTruthy();
  });

  it('lists scope, parameter and redirect_uri differences', async () => {
    const flows = (s: DiffSide) => s.analysis.flows;
    expect(flows(working).length).toBeGreaterThan(0);
    const left = codeFlow({ authorizeParams: { scope: 'openid profile email', prompt: 'login' } });
    const right = codeFlow({ authorizeParams: { scope: 'openid', redirect_uri: 'https://app.example.com/cb2' }, callbackUrl: 'https://app.example.com/cb2' });
    const l = { name: 'a.json', analysis: (await analyzeEvents(left)).report };
    const r = { name: 'b.json', analysis: (await analyzeEvents(right)).report };
    render(<DiffView left={l} right={r} />);
    expect(rowOf('scope')?.textContent).toMatch(/only here: profile email/);
    expect(rowOf('prompt')?.textContent).toMatch(/login—/);
    expect(rowOf('redirect_uri')?.textContent).toContain('https://app.example.com/cb2');
  });

  it('says so when two flows do not differ', () => {
    render(<DiffView left={working} right={{ ...working, name: 'copy.har' }} />);
    expect(screen.getByText(/No difference in parameters, redirect_uri, scopes, steps reached or findings/)).toBeTruthy();
  });

  it('renders hostile values as text', async () => {
    const left = codeFlow({ authorizeParams: { prompt: HOSTILE.img } });
    const right = codeFlow({ authorizeParams: { prompt: HOSTILE.script } });
    const { container } = render(
      <DiffView left={{ name: HOSTILE.img, analysis: (await analyzeEvents(left)).report }} right={{ name: 'b', analysis: (await analyzeEvents(right)).report }} />,
    );
    expect(container.textContent).toContain(HOSTILE.script);
    expect(container.querySelector('img, script')).toBeNull();
  });
});

describe('diff view models', () => {
  it('orders rows by section and marks where the steps part', async () => {
    const bad = await side('forged-state.har');
    const good = await side('confidential-success.har');
    const strips = stepStrips(good.analysis.flows[0]!, bad.analysis.flows[0]!);
    expect(strips.firstDifference).not.toBeNull();
    expect(strips.left.slice(0, strips.firstDifference!)).toEqual(strips.right.slice(0, strips.firstDifference!));
    const rows = diffRows([
      { kind: 'finding', check: 'x', severity: 'error', side: 'right', title: 'X' },
      { kind: 'field', field: 'redirectUri', left: 'a', right: 'b' },
    ]);
    expect(rows.map((r) => r.section)).toEqual(['Flow', 'Findings']);
  });
});

describe('Diff mode of the viewer', () => {
  it('loads a working and a failing file and shows the differences', async () => {
    render(<Viewer viewerUrl={null} fragment={null} importSettings={{ worker: false }} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Diff' }));
    const load = (label: string, file: string) => {
      const input = screen.getByLabelText(`${label} trace file`) as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File([readFileSync(join(HAR_DIR, file), 'utf8')], file)], configurable: true });
      fireEvent.change(input);
    };
    load('Working', 'confidential-success.har');
    load('Failing', 'forged-state.har');
    const table = await waitFor(() => {
      const t = document.querySelector('.ol-diff-table');
      expect(t).not.toBeNull();
      return t as HTMLElement;
    }, { timeout: 10_000 });
    expect(within(table).getByText('state-mismatch')).toBeTruthy();
    // A refused file in one slot says so there and keeps the diff as it was.
    const input = screen.getByLabelText('Failing trace file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{"format":"oauth-lens-trace","version":3}'], 'v3.json')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Failing trace' })).getByRole('alert').textContent).toMatch(/version 3 is not supported/));
    expect(within(document.querySelector('.ol-diff-table') as HTMLElement).getByText('state-mismatch')).toBeTruthy();
  });
});
