import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORIZE_REQUEST_CHECKS } from '../../lib/checks/groups/authorize-request';
import { CALLBACK_CHECKS } from '../../lib/checks/groups/callback';
import { ERRORS_AND_METADATA_CHECKS } from '../../lib/checks/groups/errors-and-metadata';
import { TOKEN_CHECKS } from '../../lib/checks/groups/token';
import { CHECKS } from '../../lib/checks/index';

const root = join(__dirname, '..', '..');
const GROUPS = { AUTHORIZE_REQUEST_CHECKS, CALLBACK_CHECKS, TOKEN_CHECKS, ERRORS_AND_METADATA_CHECKS };

describe('check registry', () => {
  it('is sorted by id and has no duplicates', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every check file, and each id equals its file name', () => {
    const files = readdirSync(join(root, 'lib', 'checks'))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'engine.ts', 'refs.ts', 'catalog.ts', 'catalog-markdown.ts'].includes(f) && !f.startsWith('_'))
      .map((f) => f.replace(/\.ts$/, ''));
    const ids = CHECKS.map((c) => c.id);
    expect(ids.sort()).toEqual(files.sort());
  });

  it('uses kebab-case ids and puts every check in exactly one group (the sections of docs/checks.md)', () => {
    for (const c of CHECKS) expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const grouped = Object.values(GROUPS).flatMap((group) => group.map((c) => c.id));
    expect(grouped.sort()).toEqual(CHECKS.map((c) => c.id).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('gives every check metadata a user can act on', () => {
    for (const c of CHECKS) {
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.fix.length, c.id).toBeGreaterThan(5);
      expect(c.cause.length, c.id).toBeGreaterThan(5);
      expect(c.refs.length, `${c.id} cites no spec`).toBeGreaterThan(0);
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
