import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, layerGraph, sourceFiles } from '../support/import-graph';

const root = join(__dirname, '..', '..');
const graph = importGraph(['lib', 'cli', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(root, dir))));
const named = (component: string[]) => component.map((f) => relative(root, f)).join(' ↔ ');

/**
 * Circles still known, each with its reason. Redaction recurses by nature (a URL inside a JWT
 * claim inside a URL parameter); its three files call each other until they share one module.
 */
const KNOWN = new Set(['lib/redact/jwt.ts ↔ lib/redact/url.ts ↔ lib/redact/value.ts']);

describe('import graph', () => {
  it('reads the imports of every file (the walker itself works)', () => {
    const analyze = graph.get(join(root, 'lib', 'analysis', 'analyze.ts'));
    expect(analyze).toContain(join(root, 'lib', 'flow', 'correlate.ts'));
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('has no import circle between files of lib/, cli/, components/ and entrypoints/', () => {
    expect(cycles(graph).map(named).filter((c) => !KNOWN.has(c))).toEqual([]);
  });

  it('has no circle between folders (lib/flow → lib/redact → lib/flow and the like)', () => {
    // Folders one level below lib/, entrypoints/ and components/; cli/ and its commands/ are one layer.
    const layers = layerGraph(graph, root, 2);
    const top = (layer: string) => layer.replace(/^cli\/.*/, 'cli');
    const merged = new Map<string, string[]>();
    for (const [from, to] of layers) merged.set(top(from), [...(merged.get(top(from)) ?? []), ...to.map(top).filter((t) => t !== top(from))]);
    expect(cycles(merged).map((c) => c.join(' ↔ '))).toEqual([]);
  });
});
