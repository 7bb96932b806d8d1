// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile, type FileLike, type ImportProgress } from '../../lib/trace/import-core';
import type { PanelData } from '../../components/view-models/panel-types';
import { Viewer } from '../../components/Viewer';
import { Workspace } from '../../components/Workspace';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { codeFlow } from '../support/events';
import { FIXED_NOW, HOSTILE, hostileFlow } from '../support/panel-fixtures';

/** Import in the panel and the viewer: good files in, hostile files refused or inert, never half-imported. */
const HAR_DIR = join(import.meta.dirname, '..', 'fixtures', 'har');
const forgedHar = readFileSync(join(HAR_DIR, 'forged-state.har'), 'utf8');
const SETTINGS = { worker: false } as const;

afterEach(cleanup);

const fileInput = () => screen.getByLabelText('Import a trace or HAR file') as HTMLInputElement;
function choose(input: HTMLInputElement, file: FileLike): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}
const textFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const findings = () => [...document.querySelectorAll('.ol-finding-meta .ol-mono')].map((e) => e.textContent);
const flowRows = () => document.querySelectorAll('.ol-flow-row').length;
const importedName = () => screen.queryByRole('region', { name: 'Imported trace' })?.querySelector('.ol-bar-name')?.textContent ?? null;

function renderViewer() {
  return render(<Viewer viewerUrl="chrome-extension://test/viewer.html" fragment={null} importSettings={SETTINGS} now={FIXED_NOW} />);
}

async function refusal(): Promise<string> {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Import refused'));
    expect(alert).toBeTruthy();
    return alert!.querySelector('.ol-bar-text')!.textContent!;
  });
}

describe('import into the viewer', () => {
  it('imports a recorded HAR and re-analyses it', async () => {
    renderViewer();
    choose(fileInput(), textFile('forged-state.har', forgedHar));
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
    expect(importedName()).toBe('forged-state.har');
    expect(screen.getByRole('region', { name: 'Imported trace' }).textContent).toMatch(/HAR · 7 events/);
  });

  it('imports a trace v1 and recomputes the analysis from its events', async () => {
    const trace = makeTrace(codeFlow({ callbackParams: { state: 'not-the-state-sent' } }));
    renderViewer();
    choose(fileInput(), textFile('flow.trace.json', serializeTrace(trace)));
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
    expect(screen.getByRole('region', { name: 'Imported trace' }).textContent).toContain('trace v1');
  });

  it.each([
    ['wrong version', 'v2.json', JSON.stringify({ format: 'oauth-lens-trace', version: 2, events: [] }), /v2\.json: trace version 2 is not supported/],
    ['invalid JSON', 'broken.json', '{"format": "oauth-lens-trace", "events": [', /broken\.json: not valid JSON \(the file is truncated\)/],
    ['neither trace nor HAR', 'x.json', '{"hello": 1}', /neither an OAuth Lens trace .* nor a HAR file/],
    ['bad event', 'bad.json', JSON.stringify({ ...makeTrace(codeFlow()), events: [...codeFlow(), { kind: 'request', id: 7 }] }), /invalid trace: trace\.events\[\d+\]/],
  ])('refuses %s with one clear line and imports nothing', async (_label, name, text, message) => {
    renderViewer();
    choose(fileInput(), textFile(name, text));
    const line = await refusal();
    expect(line).toMatch(message);
    expect(line).toMatch(/Nothing was imported\.$/);
    expect(line).not.toMatch(/\n|at .*\.ts:\d+/); // one line, no stack
    expect(importedName()).toBeNull();
    expect(flowRows()).toBe(0);
  });

  it('refuses a binary (non UTF-8) file', async () => {
    renderViewer();
    choose(fileInput(), new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d])], 'x.har'));
    expect(await refusal()).toBe('Import refused: x.har: not a text file (a trace or HAR is UTF-8 JSON). Nothing was imported.');
    expect(flowRows()).toBe(0);
  });

  it('refuses a too-big file from its size, before reading a byte', async () => {
    const slice = vi.fn(() => {
      throw new Error('must not read');
    });
    const huge: FileLike = { name: 'huge.har', size: 200 * 1024 * 1024, slice };
    renderViewer();
    choose(fileInput(), huge);
    expect(await refusal()).toMatch(/huge\.har: file is 200 MB; the limit is 100 MB/);
    expect(slice).not.toHaveBeenCalled();
    expect(flowRows()).toBe(0);
  });

  it('keeps what was shown when a later import fails (nothing partly imported)', async () => {
    renderViewer();
    choose(fileInput(), textFile('forged-state.har', forgedHar));
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
    // Valid JSON, valid first events, one bad event at the end: the whole file is refused.
    const events = codeFlow({ exchange: 'browser' });
    const bad = JSON.stringify({ ...makeTrace(events), events: [...events, { ...events[0], kind: 'request', method: 42 }] });
    choose(fileInput(), textFile('half-good.json', bad));
    expect(await refusal()).toContain('half-good.json: invalid trace');
    expect(importedName()).toBe('forged-state.har');
    expect(flowRows()).toBe(1);
    expect(findings()).toContain('state-mismatch');
  });

  it('renders HTML in values as text', async () => {
    const { container } = renderViewer();
    choose(fileInput(), textFile('<img src=x onerror=alert(1)>.json', serializeTrace(makeTrace(hostileFlow(FIXED_NOW)))));
    await waitFor(() => expect(flowRows()).toBe(1), { timeout: 10_000 });
    fireEvent.click([...document.querySelectorAll('.ol-step-row')].find((r) => r.textContent?.includes('authorize'))!);
    fireEvent.click(screen.getByRole('tab', { name: 'Request' }));
    expect(container.textContent).toContain(HOSTILE.script);
    expect(importedName()).toBe('<img src=x onerror=alert(1)>.json');
    expect(container.querySelector('img, script')).toBeNull();
    for (const el of container.querySelectorAll('*')) for (const a of el.getAttributeNames()) expect(a.startsWith('on')).toBe(false);
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('does not let __proto__ or constructor keys pollute anything', async () => {
    const trace = serializeTrace(makeTrace(codeFlow({ callbackParams: { state: 'other' } })));
    const hostile = trace
      .replace('{\n  "format"', '{"__proto__": {"polluted": "top"}, "constructor": {"prototype": {"polluted": "ctor"}},\n  "format"')
      .replace('"redacted": false', '"redacted": false, "__proto__": {"polluted": "manifest"}')
      .replace(/"kind": "request",/, '"kind": "request", "__proto__": {"polluted": "event"},');
    expect(hostile).toContain('"__proto__": {"polluted": "event"}');
    renderViewer();
    choose(fileInput(), textFile('proto.json', hostile));
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('import next to live capture (panel)', () => {
  let live: PanelData;
  beforeAll(async () => {
    const events = codeFlow({ exchange: 'browser' });
    live = { events, analysis: (await analyzeEvents(events)).report };
  });

  it('shows the import as a separate source that closes back to live capture', async () => {
    const onClear = vi.fn();
    render(
      <Workspace
        live={{ data: live, status: { paused: false, preserve: false, connection: 'live', source: 'tab 3' }, actions: { onClear } }}
        viewerUrl={null}
        importSettings={SETTINGS}
        now={FIXED_NOW}
      />,
    );
    expect(screen.getByRole('button', { name: 'Clear' }).hasAttribute('disabled')).toBe(false);
    choose(fileInput(), textFile('forged-state.har', forgedHar));
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
    // Live controls would act on data that is not on screen: disabled while the import shows.
    expect(screen.getByRole('button', { name: 'Clear' }).hasAttribute('disabled')).toBe(true);
    expect(document.querySelector('.ol-statusbar')?.textContent).toContain('imported: forged-state.har');
    fireEvent.click(screen.getByRole('button', { name: 'Close — back to live capture' }));
    expect(importedName()).toBeNull();
    expect(document.querySelector('.ol-statusbar')?.textContent).toContain('tab 3');
    expect(findings()).not.toContain('state-mismatch');
  });

  it('a failed import leaves live capture on screen', async () => {
    render(<Workspace live={{ data: live, status: { paused: false, preserve: false, connection: 'live' }, actions: {} }} viewerUrl={null} importSettings={SETTINGS} />);
    const before = flowRows();
    choose(fileInput(), textFile('bad.har', '{"log": {"entries": "nope"}}'));
    expect(await refusal()).toContain('bad.har');
    expect(importedName()).toBeNull();
    expect(flowRows()).toBe(before);
  });
});

describe('importFile', () => {
  it('reports progress while reading in chunks, then checking and analysing', async () => {
    const seen: ImportProgress[] = [];
    const file = textFile('forged-state.har', forgedHar);
    const result = await importFile(file, { chunkBytes: 4096, onProgress: (p) => seen.push(p) });
    const reads = seen.filter((p) => p.phase === 'reading');
    expect(reads.length).toBe(Math.ceil(file.size / 4096));
    expect(reads.at(-1)).toEqual({ phase: 'reading', loaded: file.size, total: file.size });
    expect(seen.map((p) => p.phase).filter((p, i, a) => a[i - 1] !== p)).toEqual(['reading', 'parsing', 'analyzing']);
    expect(result.analysis.flows[0]?.findings.map((f) => f.check)).toContain('state-mismatch');
  });

  it('decodes UTF-8 split across chunk boundaries', async () => {
    const events = codeFlow();
    const first = events[0]!;
    if (first.kind === 'request') first.statusText = 'ünïcødé-€-😀'.repeat(50);
    const trace = makeTrace(events);
    const result = await importFile(textFile('u.json', serializeTrace(trace)), { chunkBytes: 7 });
    expect(JSON.stringify(result.events)).toContain('ünïcødé-€-😀');
  });
});

describe('drag and drop', () => {
  it('imports a dropped file and refuses several at once', async () => {
    renderViewer();
    const target = document.querySelector('.ol-workspace')!;
    const file = textFile('forged-state.har', forgedHar);
    const drag = (type: string, files: File[]) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
      target.dispatchEvent(event);
      return event;
    };
    expect(drag('dragenter', [file]).defaultPrevented).toBe(true);
    await waitFor(() => expect(document.querySelector('.ol-drop')?.textContent).toContain('Drop a trace or HAR file'));
    drag('drop', [file, file]);
    await waitFor(() => expect(document.querySelector('.ol-drop')).toBeNull());
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('Drop one file at a time'));
    drag('drop', [file]);
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
  });

  it('opens a share link fragment', async () => {
    const { redactTrace } = await import('../../lib/trace/outside-flows');
    const { encodeShareFragment } = await import('../../lib/trace/share-link');
    const fragment = encodeShareFragment(await redactTrace(makeTrace(codeFlow({ callbackParams: { state: 'forged' } }))));
    render(<Viewer viewerUrl={null} fragment={fragment} importSettings={SETTINGS} />);
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
    expect(screen.getByRole('region', { name: 'Imported trace' }).textContent).toMatch(/share link · \d+ events · redacted/);
  });

  it('opens a share link pasted from another install (another extension id)', async () => {
    const { redactTrace } = await import('../../lib/trace/outside-flows');
    const { shareUrl } = await import('../../lib/trace/share-link');
    const url = shareUrl('moz-extension://1b2c-other-install/viewer.html', await redactTrace(makeTrace(codeFlow({ callbackParams: { state: 'forged' } }))));
    renderViewer();
    fireEvent.input(screen.getByRole('textbox', { name: 'Share link' }), { target: { value: url } });
    fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    await waitFor(() => expect(findings()).toContain('state-mismatch'), { timeout: 10_000 });
  });
});
