import type { Plugin } from 'vite';

/**
 * Removes from the bundles the two code paths that `web-ext lint` (addons-linter) flags and that
 * OAuth Lens never runs, so the store packages lint with 0 warnings:
 *
 * - zod's `allowsEval` probe calls the `Function` constructor to see whether its JIT may run.
 *   Every bundle sets `z.config({ jitless: true })` first (lib/model/zod-jitless.ts), so the probe
 *   is skipped at run time; here it is removed from the text as well, so a bundle that ever forgot
 *   the config still cannot evaluate a string (extension CSP would refuse it and log a report).
 * - Preact's `dangerouslySetInnerHTML` support assigns `innerHTML`. No component uses it
 *   (test/meta/no-raw-html.test.ts) and captured values must only ever be rendered as text, so
 *   the assignment becomes a no-op.
 *
 * Each rewrite must match exactly once in its module: a dependency update that changes the code
 * fails the build with a message naming the pattern, instead of silently bringing the warning back.
 */
interface Rewrite {
  /** The module, by the end of its resolved path (forward slashes). */
  module: RegExp;
  pattern: RegExp;
  replacement: string;
  why: string;
}

export const REWRITES: readonly Rewrite[] = [
  {
    module: /\/node_modules\/zod\/v4\/core\/util\.js$/,
    pattern: /const F = Function;\s*new F\(""\);\s*return true;/,
    replacement: 'return false;',
    why: "zod's eval probe (allowsEval)",
  },
  {
    module: /\/node_modules\/preact\/dist\/preact\.mjs$/,
    pattern: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replacement: '(0)',
    why: "Preact's dangerouslySetInnerHTML assignment",
  },
];

/** Applies the rewrites that target `id`; throws when one of them does not match exactly once. */
export function rewriteModule(id: string, code: string): string | null {
  const path = id.split('?')[0]!.replace(/\\/g, '/');
  let out: string | null = null;
  for (const r of REWRITES) {
    if (!r.module.test(path)) continue;
    const text: string = out ?? code;
    const global = new RegExp(r.pattern.source, 'g');
    const count = text.match(global)?.length ?? 0;
    if (count !== 1) throw new Error(`lint-safe: expected ${r.why} once in ${path}, found it ${count} times; update build/lint-safe.ts`);
    out = text.replace(r.pattern, r.replacement);
  }
  return out;
}

export function lintSafe(): Plugin {
  return {
    name: 'oauth-lens:lint-safe',
    enforce: 'pre',
    transform(code, id) {
      const out = rewriteModule(id, code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
