import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../lib/checks/catalog';
import { catalogMarkdown } from '../../lib/checks/catalog-markdown';
import { CHECKS } from '../../lib/checks/index';

const root = join(__dirname, '..', '..');

describe('docs/checks.md', () => {
  const catalog = checkCatalog();
  const doc = readFileSync(join(root, 'docs/checks.md'), 'utf8');

  it('is what `npm run docs` writes from the check definitions (run it after changing a check)', () => {
    expect(doc === catalogMarkdown(catalog), 'docs/checks.md is stale: run `npm run docs`').toBe(true);
  });

  it('has one section per registered check, with its severity, spec links and fix', () => {
    for (const c of CHECKS) {
      expect(doc, c.id).toContain(`<a id="${c.id}"></a>\n### \`${c.id}\``);
    }
    const entry = catalog.flatMap((g) => g.entries).find((e) => e.id === 'state-mismatch')!;
    expect(entry.refs[0]).toEqual({ text: 'RFC 6749 §4.1.2', label: 'RFC 6749 §4.1.2', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2' });
    expect(catalog.flatMap((g) => g.entries)).toHaveLength(CHECKS.length);
  });

  it('lists the provider codes that map to a check', () => {
    const entry = catalog.flatMap((g) => g.entries).find((e) => e.id === 'redirect-uri-not-registered-hint')!;
    expect(entry.providerCodes).toContainEqual(expect.objectContaining({ provider: 'Microsoft Entra', code: 'AADSTS50011' }));
    expect(doc).toContain('Microsoft Entra `AADSTS50011`');
  });
});
