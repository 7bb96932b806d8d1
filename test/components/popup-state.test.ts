import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleRuntimeMessage } from '../../entrypoints/background/runtime-messages';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { RuntimeResponseSchema, TabStateResponseSchema } from '../../lib/model/messages';
import { parseTabStateAnswer } from '../../lib/model/popup-state';
import { ROOT } from '../meta/source-files';
import { panelScenarios } from '../support/panel-fixtures';

const row = { id: 'f1', outcome: 'failed', outcomeText: 'Failed at step 3 (callback)', client: 'web', provider: 'Demo', firstError: 'state mismatch' };

describe("the popup's tab-state answer (lib/model/popup-state.ts, checked without zod)", () => {
  it("takes what the background sends for a real capture, rows and paused flag, and zod's union agrees", async () => {
    const { report } = await analyzeEvents(await panelScenarios());
    const sent = await handleRuntimeMessage({ type: 'tab-state', tabId: 1 }, { analysis: async () => report, events: async () => [], paused: async () => true });
    // What crosses runtime.sendMessage: JSON.
    const answer = parseTabStateAnswer(JSON.parse(JSON.stringify(sent)));
    expect(answer?.ok).toBe(true);
    if (!answer?.ok) return;
    expect(answer.rows).toHaveLength(report.flows.length);
    expect(answer.paused).toBe(true);
    expect(RuntimeResponseSchema.safeParse(sent).success).toBe(true);
    // Rows only: nothing of the analysis (steps, evidence, captured values) travels to the popup.
    expect(Object.keys(answer)).toEqual(['ok', 'rows', 'paused']);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(report).length / 5);
  });

  it('passes the failure shape through and refuses everything else', () => {
    expect(parseTabStateAnswer({ ok: false, error: 'no such tab' })).toEqual({ ok: false, error: 'no such tab' });
    expect(parseTabStateAnswer({ ok: true, rows: [row, { ...row, id: 'f2', firstError: null }], paused: false })?.ok).toBe(true);
    const hostile: unknown[] = [
      undefined,
      null,
      'ok',
      [],
      { ok: true, rows: [row] },
      { ok: true, rows: {}, paused: false },
      { ok: true, rows: [{ ...row, outcome: 'exploded' }], paused: false },
      { ok: true, rows: [{ ...row, firstError: 7 }], paused: false },
      { ok: true, rows: [{ ...row, client: undefined }], paused: false },
      { ok: true, rows: [{ ...row, html: '<img onerror=x>' }], paused: false },
      { ok: true, rows: [null], paused: false },
      { ok: true, rows: [row], paused: 'no' },
      { ok: 'true', rows: [row], paused: false },
      { ok: false, error: { message: 'x' } },
      { ok: true, analysis: { version: 2, flows: [], findings: [] }, paused: false },
    ];
    for (const raw of hostile) {
      expect(parseTabStateAnswer(raw), JSON.stringify(raw)).toBeNull();
      expect(TabStateResponseSchema.safeParse(raw).success).toBe(false);
    }
  });
});

/** Project files the popup's entry loads at run time (`import type` is erased; packages are leaves). */
function runtimeImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, base].find((p) => /\.tsx?$/.test(p) && existsSync(p));
      if (target) visit(target);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('the popup bundle', () => {
  it('the walker sees zod where it is loaded (the panel)', () => {
    expect(runtimeImports(join(ROOT, 'entrypoints', 'devtools-panel', 'main.tsx')).packages).toContain('zod');
  });

  it('loads only what it renders: no zod, no analysis, checks or provider profiles', () => {
    const { files, packages } = runtimeImports(join(ROOT, 'entrypoints', 'popup-script.tsx'));
    expect(files).toContain('components/Popup.tsx');
    expect(files).toContain('lib/model/popup-state.ts');
    expect(packages.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
    expect(files.filter((f) => /^lib\/(?:analysis|checks|flow|providers|capture|trace|redact)\//.test(f) || f === 'lib/model/messages.ts')).toEqual([]);
  });

  it("popup.html loads its one script and its own stylesheet, not the panel's", () => {
    const html = readFileSync(join(ROOT, 'entrypoints', 'popup', 'index.html'), 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script async vite-ignore src="/popup-script.js">']);
    expect([...html.matchAll(/@import '([^']+)'/g)].map((m) => m[1])).toEqual(['../../components/popup.css']);
    expect(readFileSync(join(ROOT, 'components', 'popup.css'), 'utf8')).not.toContain('panel.css');
  });
});
