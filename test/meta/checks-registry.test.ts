import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../lib/checks/catalog';
import { CHECKS } from '../../lib/checks/index';
import { formatMessage, type Placeholders } from '../../lib/checks/types';

const root = join(__dirname, '..', '..');

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

  it('uses kebab-case ids and puts every check in a section of docs/checks.md', () => {
    const sections = SECTIONS.map((s) => s.id as string);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(sections, c.id).toContain(c.section);
    }
  });

  it('lists the registry one check a line, in id order, and check files do not repeat their id', () => {
    const index = readFileSync(join(root, 'lib', 'checks', 'index.ts'), 'utf8');
    const keys = [...index.matchAll(/^  '([a-z0-9-]+)': \w+,$/gm)].map((m) => m[1]);
    expect(keys).toEqual(CHECKS.map((c) => c.id));
    for (const c of CHECKS) {
      const text = readFileSync(join(root, 'lib', 'checks', `${c.id}.ts`), 'utf8');
      expect(text, `${c.id} names its own id`).not.toMatch(/\bid: '|\bself: '/);
    }
  });

  it('gives every check message templates whose placeholders are words', () => {
    for (const c of CHECKS) {
      const templates = Object.entries(c.messages);
      expect(templates.length, `${c.id} has no messages`).toBeGreaterThan(0);
      for (const [id, template] of templates) {
        expect(id, c.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        for (const [, name] of template.matchAll(/\{([^}]*)\}/g)) expect(name, `${c.id}.${id}`).toMatch(/^[a-z][A-Za-z0-9]*$/);
      }
    }
  });

  it('fills a template from data, once (a value that looks like a placeholder stays as it is)', () => {
    const template = 'state "{state}" sent in {count} flows{tail}' as const;
    const data: Record<Placeholders<typeof template>, string | number> = { state: '{count}', count: 2, tail: '' };
    expect(formatMessage(template, data)).toBe('state "{count}" sent in 2 flows');
    expect(formatMessage('no {placeholder} filled')).toBe('no {placeholder} filled');
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
