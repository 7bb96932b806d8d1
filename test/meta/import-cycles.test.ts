import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, layerGraph, sourceFiles } from '../support/import-graph';

const root = join(__dirname, '..', '..');
const graph = importGraph(['lib', 'cli', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(root, dir))));
const named = (component: string[]) => component.map((f) => relative(root, f)).join(' ↔ ');

/**
 * The one circle still known: redaction recurses by nature (a URL inside a JWT claim inside a
 * URL parameter), and its value/url/jwt/scrub files call each other. It may not leave lib/redact.
 */
const known = (component: string[]) => component.every((f) => /^lib\/redact\/(?:jwt|url|value|scrub)\.ts$/.test(relative(root, f)));

describe('import graph', () => {
  it('reads the imports of every file (the walker itself works)', () => {
    const analyze = graph.get(join(root, 'lib', 'analysis', 'analyze.ts'));
    expect(analyze).toContain(join(root, 'lib', 'flow', 'correlate.ts'));
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('has no import circle between files of lib/, cli/, components/ and entrypoints/', () => {
    expect(cycles(graph).filter((c) => !known(c)).map(named)).toEqual([]);
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
