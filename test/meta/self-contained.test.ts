import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own: no code reads a file outside it, and no comment sends the
 * reader to a document that is not in it (cite docs/*.md, the RFCs or the OpenID specs instead).
 */

const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['lib', 'cli', 'components', 'entrypoints', 'test', 'bench', 'demo', 'bin', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|js|mjs)$|^oauth-lens$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : files(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

const SOURCES = DIRS.flatMap((d) => files(join(ROOT, d))).concat(['vitest.config.ts', 'wxt.config.ts'].map((f) => join(ROOT, f)));

/** Documents that lived beside the repository while it was young; the repository has its own now. */
const OUTSIDE_DOCUMENT = /(?<![\w/])(?:checks|design|style|browser-testing)\.md\b|\bproviders\.json\b/;
/** A path that climbs out of the repository to a sibling folder. */
const OUTSIDE_PATH = /['"`]\.\.['"`]\s*,\s*['"`]shared['"`]|\.\.\/shared\b|\/work\/shared\b/;

describe('the repository stands on its own', () => {
  it('reads no sources outside the repository and finds some', () => {
    expect(SOURCES.length).toBeGreaterThan(100);
  });

  it.each(SOURCES.map((f) => [relative(ROOT, f), f]))('%s cites only documents inside the repository', (_name, file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const outside = lines.flatMap((line, i) => (OUTSIDE_DOCUMENT.test(line) || OUTSIDE_PATH.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(outside).toEqual([]);
  });
});
