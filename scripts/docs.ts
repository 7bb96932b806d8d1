import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalog } from '../lib/checks/catalog';
import { catalogMarkdown } from '../lib/checks/catalog-markdown';

/** `npm run docs`: writes docs/checks.md from the check definitions (test/meta/checks-doc.test.ts keeps it current). */
const out = join(import.meta.dirname, '../docs/checks.md');
writeFileSync(out, catalogMarkdown(checkCatalog()));
console.log(`wrote ${out}`);
