import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lib/checks/index';

const root = join(__dirname, '..', '..');
const catalog = readFileSync(join(root, '..', 'shared', 'checks.md'), 'utf8');
const catalogIds = new Set([...catalog.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!));
/** Checks we added beyond the catalog; each must say why in its file. */
const EXTRA_IDS = new Set<string>([
  // §2.4 asks for signature checks when the JWKS was captured but names no id for a bad signature.
  'id-token-signature-invalid',
]);

describe('check registry', () => {
  it('is sorted by id and has no duplicates', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every check file, and each id equals its file name', () => {
    const files = readdirSync(join(root, 'lib', 'checks'))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'engine.ts'].includes(f) && !f.startsWith('_'))
      .map((f) => f.replace(/\.ts$/, ''));
    const ids = CHECKS.map((c) => c.id);
    expect(ids.sort()).toEqual(files.sort());
  });

  it('uses only catalog ids (or declared additions)', () => {
    for (const c of CHECKS) expect(catalogIds.has(c.id) || EXTRA_IDS.has(c.id), `${c.id} is not in checks.md`).toBe(true);
  });

  it('gives every check metadata a user can act on', () => {
    for (const c of CHECKS) {
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.fix.length, c.id).toBeGreaterThan(5);
      expect(c.cause.length, c.id).toBeGreaterThan(5);
      expect(c.spec, c.id).toMatch(/RFC|OIDC|OpenID|FormPost|MRT|HTML|Operational|draft-|RPLogout|Core|Disc/);
    }
  });

  it('has a test file per check with firing and silent cases', () => {
    for (const c of CHECKS) {
      const file = join(root, 'test', 'checks', `${c.id}.test.ts`);
      expect(existsSync(file), `missing ${file}`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text, c.id).toContain('describeCheck(');
      expect(text, `${c.id}: needs a firing case`).toMatch(/fires:\s*\[\s*\{/);
      expect(text, `${c.id}: needs a silent case`).toMatch(/silent:\s*\[\s*\{/);
    }
  });
});
