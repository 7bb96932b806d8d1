import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as root, sourceFiles as files } from './source-files';

/**
 * Captured values are hostile and are rendered as text only. The bundles do not even contain
 * Preact's dangerouslySetInnerHTML support (build/lint-safe.ts removes it), so a use would
 * silently render nothing: none is allowed, and no code writes HTML into the DOM directly.
 */
describe('no raw HTML in the UI', () => {
  for (const dir of ['components', 'entrypoints']) {
    for (const file of files(join(root, dir))) {
      it(relative(root, file), () => {
        const text = readFileSync(file, 'utf8');
        expect(text).not.toMatch(/dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/);
      });
    }
  }
});
