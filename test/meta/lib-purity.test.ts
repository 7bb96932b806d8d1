import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as root, sourceFiles as files } from './source-files';

/** docs/architecture.md "Layers": lib/ runs in vitest's node environment and in the CLI, so it touches no browser API. */
describe('lib/ purity', () => {
  const FORBIDDEN: Array<[string, RegExp]> = [
    ['browser extension API', /\b(?:browser|chrome)\.(?:runtime|tabs|webRequest|webNavigation|storage|devtools|action|scripting)\b/],
    ['WXT import', /from ['"](?:wxt|#imports)/],
    ['Preact import', /from ['"]preact/],
    ['DOM global', /\b(?:document|window|localStorage|sessionStorage)\./],
    ['import from entrypoints/components', /from ['"](?:\.\.\/)+(?:entrypoints|components)\//],
  ];
  for (const file of files(join(root, 'lib'))) {
    it(relative(root, file), () => {
      // Comments may talk about windows and documents; only code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const [what, pattern] of FORBIDDEN) expect(pattern.test(text), `${what} in ${relative(root, file)}`).toBe(false);
    });
  }
});
