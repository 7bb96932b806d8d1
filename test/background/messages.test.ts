import { describe, expect, it } from 'vitest';
import { handleRuntimeMessage } from '../../entrypoints/background/runtime-messages';
import { PanelMessageSchema, RuntimeRequestSchema } from '../../lib/model/messages';

const deps = {
  analysis: async () => ({ version: 2 as const, flows: [], findings: [] }),
  events: async () => [],
  paused: async (tabId: number) => tabId === 7,
};

describe('message unions', () => {
  it('accepts the documented runtime requests and nothing else', () => {
    expect(RuntimeRequestSchema.safeParse({ type: 'analysis' }).success).toBe(true);
    expect(RuntimeRequestSchema.safeParse({ type: 'analysis', tabId: 3 }).success).toBe(true);
    expect(RuntimeRequestSchema.safeParse({ type: 'export-trace', tabId: 3, redact: false }).success).toBe(true);
    expect(RuntimeRequestSchema.safeParse({ type: 'analysis', tabId: 1.5 }).success).toBe(false);
    expect(RuntimeRequestSchema.safeParse({ type: 'flows/snapshot' }).success).toBe(false);
  });

  it('accepts panel commands with their fields and rejects partial ones', () => {
    const ok = [
      { type: 'panel/subscribe', tabId: 1 },
      { type: 'panel/clear', tabId: 1 },
      { type: 'panel/pause', tabId: 1 },
      { type: 'panel/resume', tabId: 1 },
      { type: 'panel/preserve', tabId: 1, preserve: true },
      { type: 'panel/attach-body', tabId: 1, url: 'https://as/token', method: 'POST', startTime: 5, body: { text: '{}', mimeType: 'application/json' } },
    ];
    for (const m of ok) expect(PanelMessageSchema.safeParse(m).success).toBe(true);
    const bad = [
      { type: 'panel/preserve', tabId: 1 },
      { type: 'panel/attach-body', tabId: 1, url: 'https://as/token', method: 'POST' },
      { type: 'panel/subscribe' },
      { type: 'panel/explode', tabId: 1 },
    ];
    for (const m of bad) expect(PanelMessageSchema.safeParse(m).success).toBe(false);
  });

  it('answers a malformed runtime message with ok:false naming the field', async () => {
    expect(await handleRuntimeMessage({ type: 'export-trace', tabId: 'x' }, deps)).toEqual({ ok: false, error: expect.stringMatching(/^malformed message at tabId: /) });
    expect(await handleRuntimeMessage(undefined, deps)).toMatchObject({ ok: false });
    expect(await handleRuntimeMessage({ type: 'analysis' }, deps)).toEqual({ ok: true, analysis: { version: 2, flows: [], findings: [] } });
  });

  it('answers tab-state (the toolbar popup) with its rows, not the analysis, and the paused flag of that tab only', async () => {
    expect(await handleRuntimeMessage({ type: 'tab-state', tabId: 7 }, deps)).toEqual({ ok: true, rows: [], paused: true });
    expect(await handleRuntimeMessage({ type: 'tab-state', tabId: 8 }, deps)).toMatchObject({ ok: true, paused: false });
    expect(await handleRuntimeMessage({ type: 'tab-state' }, deps)).toEqual({ ok: false, error: expect.stringMatching(/^malformed message at tabId: /) });
  });

  it('turns a failing analysis into ok:false instead of throwing', async () => {
    const failing = { ...deps, analysis: async () => Promise.reject(new Error('boom')) };
    expect(await handleRuntimeMessage({ type: 'analysis' }, failing)).toEqual({ ok: false, error: 'boom' });
  });
});
