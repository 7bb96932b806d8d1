import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REWRITES, rewriteModule } from '../../build/lint-safe';

/**
 * The build-time rewrites behind a 0-warning `web-ext lint` (build/lint-safe.ts), run against the
 * installed zod and Preact: each pattern is found once, and what addons-linter flags is gone.
 */
const require = createRequire(import.meta.url);
const zodUtil = join(dirname(require.resolve('zod/package.json')), 'v4', 'core', 'util.js');
const preactDist = join(dirname(require.resolve('preact/package.json')), 'dist', 'preact.mjs');

describe('lint-safe rewrites', () => {
  it('each rewrite targets one installed module', () => {
    const paths = [zodUtil, preactDist].map((p) => p.replace(/\\/g, '/'));
    for (const r of REWRITES) expect(paths.filter((p) => r.module.test(p)), r.why).toHaveLength(1);
  });

  it("removes zod's Function-constructor probe", () => {
    const source = readFileSync(zodUtil, 'utf8');
    expect(source).toMatch(/new F\(""\)/);
    const out = rewriteModule(zodUtil, source)!;
    expect(out).not.toMatch(/= Function;|new F\(/);
    expect(out).toContain('globalConfig.jitless');
  });

  it("removes Preact's innerHTML assignment and keeps its reads", () => {
    const source = readFileSync(preactDist, 'utf8');
    expect(source).toMatch(/\.innerHTML=/);
    const out = rewriteModule(preactDist, source)!;
    expect(out).not.toMatch(/\.innerHTML=/);
    expect(source.length - out.length).toBeGreaterThan(0);
  });

  it('fails loudly when a dependency update changed the code', () => {
    expect(() => rewriteModule(zodUtil, 'export const allowsEval = () => true;')).toThrow(/expected zod's eval probe .* once .* found it 0 times/);
  });

  it('leaves every other module alone', () => {
    expect(rewriteModule('/x/node_modules/zod/v4/core/schemas.js', 'new Function("")')).toBeNull();
  });
});
