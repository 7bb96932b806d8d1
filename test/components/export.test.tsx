// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileIo, SavedFile } from '../../components/platform/file-io';
import type { PanelData } from '../../components/view-models/panel-types';
import { Workspace } from '../../components/Workspace';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { CapturedEvent } from '../../lib/model/event';
import { TraceV1Schema } from '../../lib/model/trace';
import { decodeShareFragment } from '../../lib/trace/share-link';
import { makeTrace } from '../../lib/trace/trace-v1';
import { codeFlow, hop } from '../support/events';
import { leakForms, plantedFlow, type Planted } from '../redact/planted';

/**
 * The Export menu: every redacted path (trace, HAR, Markdown, share link) carries none of the
 * planted secrets, and the unredacted trace is written only after the warning is confirmed.
 */
const P: Planted = {
  code: 'CdPlantedCode0123456789abc',
  state: 'StPlantedState0123456789',
  nonce: 'NcPlantedNonce0123456789',
  verifier: 'VfPlantedVerifier0123456789012345678901234567',
  accessToken: 'AtPlantedAccess0123456789xyz',
  refreshToken: 'RtPlantedRefresh0123456789xyz',
  clientSecret: 'CsPlantedSecret0123456789',
  password: 'PwPlanted-hunter2-0123',
  cookie: 'CkPlantedCookie0123456789',
  email: 'planted.person@leak.example',
  sub: 'SubPlanted0123456789',
};
const VIEWER = 'chrome-extension://abcdefgh/viewer.html';

let events: CapturedEvent[];
let data: PanelData;
let leaks: string[];
beforeAll(async () => {
  const planted = await plantedFlow(P);
  events = planted.events;
  leaks = leakForms(P, planted.idToken);
  data = { events, analysis: (await analyzeEvents(events)).report };
});
afterEach(cleanup);

function fakeIo(clipboard = true) {
  const downloads: SavedFile[] = [];
  const copies: string[] = [];
  const io: FileIo = {
    download: vi.fn((f: SavedFile) => void downloads.push(f)),
    copy: vi.fn(async (t: string) => {
      copies.push(t);
      return clipboard;
    }),
  };
  return { io, downloads, copies };
}

function renderPanel(io: FileIo, panelData = data) {
  return render(
    <Workspace live={{ data: panelData, status: { paused: false, preserve: false, connection: 'live' }, actions: {} }} viewerUrl={VIEWER} io={io} importSettings={{ worker: false }} />,
  );
}

function pick(item: RegExp) {
  fireEvent.click(screen.getByRole('button', { name: /Export/ }));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
}

function expectNoLeak(text: string, where: string) {
  for (const secret of leaks) expect(text.includes(secret), `${where} leaks ${secret}`).toBe(false);
}

describe('export menu', () => {
  it('opens from the toolbar and closes with Escape', () => {
    renderPanel(fakeIo().io);
    const button = screen.getByRole('button', { name: /Export/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(screen.getAllByRole('menuitem').map((m) => m.querySelector('span')?.textContent)).toEqual([
      'Trace (redacted)',
      'HAR 1.2 (redacted)',
      'Markdown summary → clipboard',
      'Share link → clipboard',
      'Unredacted trace…',
    ]);
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('gives focus back to the Export button when it closes, and keeps it there while the export runs', async () => {
    const { io, downloads } = fakeIo();
    renderPanel(io);
    const button = screen.getByRole('button', { name: /Export/ });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Trace \(redacted\)/));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitem'));
    fireEvent.click(document.activeElement!);
    expect(document.activeElement).toBe(button);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(document.activeElement).toBe(button);
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('writes a redacted trace with none of the planted secrets, and equality still visible', async () => {
    const { io, downloads } = fakeIo();
    renderPanel(io);
    pick(/Trace \(redacted\)/);
    await waitFor(() => expect(downloads).toHaveLength(1));
    const file = downloads[0]!;
    expect(file.filename).toMatch(/^oauth-lens-[\d-T]+\.trace\.json$/);
    expectNoLeak(file.text, 'trace');
    const trace = TraceV1Schema.parse(JSON.parse(file.text));
    expect(trace.redaction.redacted).toBe(true);
    // The same state in authorize and callback became the same tag.
    const tags = [...file.text.matchAll(/state=(⟦state:[^⟧]+⟧)/g)].map((m) => m[1]);
    expect(new Set(tags).size).toBe(1);
    expect(document.body.textContent).toMatch(/Saved oauth-lens-.*redacted\./);
  });

  it('writes a redacted HAR 1.2', async () => {
    const { io, downloads } = fakeIo();
    renderPanel(io);
    pick(/HAR 1\.2/);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expectNoLeak(downloads[0]!.text, 'HAR');
    const har = JSON.parse(downloads[0]!.text) as { log: { version: string; _redacted: boolean; entries: unknown[] } };
    expect(har.log.version).toBe('1.2');
    expect(har.log._redacted).toBe(true);
    expect(har.log.entries.length).toBeGreaterThan(3);
  });

  it('copies a redacted Markdown summary', async () => {
    const { io, copies } = fakeIo();
    renderPanel(io);
    pick(/Markdown summary/);
    await waitFor(() => expect(copies).toHaveLength(1));
    expect(copies[0]).toMatch(/^# OAuth Lens report/);
    expect(copies[0]).toContain('### Timeline');
    expectNoLeak(copies[0]!, 'Markdown');
    expect(document.body.textContent).toMatch(/Markdown summary of this flow copied \(redacted/);
  });

  it('copies a share link to the viewer whose fragment holds a redacted trace', async () => {
    const { io, copies } = fakeIo();
    renderPanel(io);
    pick(/Share link/);
    await waitFor(() => expect(copies).toHaveLength(1));
    const url = copies[0]!;
    expect(url.startsWith(`${VIEWER}#trace=`)).toBe(true);
    const trace = decodeShareFragment(url);
    expect(trace.redaction.redacted).toBe(true);
    expectNoLeak(JSON.stringify(trace), 'share link');
    expectNoLeak(url, 'share link URL');
  });

  it('says when a share link would be too big and offers the file', async () => {
    const noisy = Array.from({ length: 400 }, (_, i) =>
      hop({ url: `https://app.example.com/r/${crypto.randomUUID()}?i=${i}`, responseHeaders: [{ name: 'X-Request-Id', value: crypto.randomUUID().repeat(4) }], time: 1_700_000_000_000 + i }),
    );
    const all = [...codeFlow({ exchange: 'browser' }), ...noisy];
    const big: PanelData = { events: all, analysis: (await analyzeEvents(all)).report };
    const { io, copies, downloads } = fakeIo();
    renderPanel(io, big);
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    fireEvent.click(screen.getByRole('menuitemradio', { name: /All flows/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: /Share link/ }));
    const offer = await screen.findByRole('button', { name: 'Save the redacted trace file' });
    expect(document.body.textContent).toMatch(/too big for a link .* share the file instead/);
    expect(copies).toHaveLength(0);
    fireEvent.click(offer);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(TraceV1Schema.parse(JSON.parse(downloads[0]!.text)).redaction.redacted).toBe(true);
  });

  it('shows the text to copy by hand when the clipboard refuses', async () => {
    const { io } = fakeIo(false);
    renderPanel(io);
    pick(/Markdown summary/);
    const dialog = await screen.findByRole('dialog', { name: 'Markdown summary' });
    expect((dialog.querySelector('textarea') as HTMLTextAreaElement).value).toMatch(/^# OAuth Lens report/);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('writes the unredacted trace only after the warning is confirmed', async () => {
    const { io, downloads } = fakeIo();
    renderPanel(io);
    pick(/Unredacted trace/);
    const dialog = screen.getByRole('alertdialog', { name: 'Export without redaction?' });
    expect(dialog.textContent).toMatch(/live.*authorization codes/);
    // Focus starts on Cancel, so a stray Enter cannot confirm.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(downloads).toHaveLength(0);

    pick(/Unredacted trace/);
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(downloads).toHaveLength(0);

    pick(/Unredacted trace/);
    fireEvent.click(screen.getByRole('button', { name: 'Export unredacted' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const file = downloads[0]!;
    expect(file.filename).toMatch(/UNREDACTED/);
    expect(file.text).toContain(P.code); // truly raw: the user asked for it
    expect(TraceV1Schema.parse(JSON.parse(file.text)).redaction.redacted).toBe(false);
    expect(document.body.textContent).toMatch(/NOT redacted/);
  });

  it('exports the flow on screen, or all flows', async () => {
    const two = [...codeFlow({ exchange: 'browser' }), ...codeFlow({ startTime: 1_700_000_100_000, authorizeParams: { client_id: 'other-app' }, exchange: 'browser' })];
    const twoData: PanelData = { events: two, analysis: (await analyzeEvents(two)).report };
    expect(twoData.analysis.flows).toHaveLength(2);
    const { io, downloads } = fakeIo();
    renderPanel(io, twoData);
    pick(/Trace \(redacted\)/);
    await waitFor(() => expect(downloads).toHaveLength(1));
    const one = TraceV1Schema.parse(JSON.parse(downloads[0]!.text));
    expect((await analyzeEvents(one.events)).report.flows).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    fireEvent.click(screen.getByRole('menuitemradio', { name: /All flows/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: /Trace \(redacted\)/ }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const all = TraceV1Schema.parse(JSON.parse(downloads[1]!.text));
    expect(all.events).toHaveLength(two.length);
    expect((await analyzeEvents(all.events)).report.flows).toHaveLength(2);
  });

  it('has nothing to export when nothing was captured', () => {
    const empty = makeTrace([]);
    render(<Workspace live={{ data: { events: empty.events, analysis: { version: 2, flows: [], findings: [] } }, status: { paused: false, preserve: false, connection: 'live' }, actions: {} }} viewerUrl={VIEWER} />);
    expect(screen.getByRole('button', { name: /Export/ }).hasAttribute('disabled')).toBe(true);
  });
});
