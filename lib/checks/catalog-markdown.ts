import type { CatalogEntry, CatalogGroup } from './catalog';

/** Text for Markdown: no HTML, no accidental emphasis or links (captured values never reach here). */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function entryLines(e: CatalogEntry): string[] {
  const refs = e.refs.map((r) => (r.href ? `[${md(r.text)}](${r.href})` : md(r.text))).join(', ');
  const lines = [
    `<a id="${e.id}"></a>`,
    `### \`${e.id}\` — ${md(e.title)}`,
    '',
    `**Severity:** ${e.severity} · **Spec:** ${refs}`,
    '',
    `**Likely cause.** ${md(e.cause)}`,
    '',
    `**Fix.** ${md(e.fix)}`,
    '',
  ];
  if (e.providerCodes.length) {
    lines.push('**Provider codes that point here:**', '');
    for (const p of e.providerCodes) lines.push(`- ${md(p.provider)} \`${p.code.replaceAll('`', "'")}\`: ${md(p.meaning)}`);
    lines.push('');
  }
  return lines;
}

/** docs/checks.md: every registered check, grouped as the registry groups them (`npm run docs`). */
export function catalogMarkdown(groups: readonly CatalogGroup[]): string {
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  const lines = [
    '# Check catalog',
    '',
    '<!-- Generated from the check definitions in lib/checks by `npm run docs`; do not edit by hand. -->',
    '',
    `${count} checks. Each has an id (the \`check\` of a finding and the name of its file in`,
    '`lib/checks/`), a default severity, the likely cause, the fix and the spec sections it rests on;',
    'where a provider shows its own error code for the problem, the code is listed with it',
    '(`lib/diagnosis/provider-error-codes.ts`). The extension shows the same catalog offline on its',
    'catalog page, and each finding links to its entry there.',
    '',
    ...groups.map((g) => `- [${md(g.title)}](#${g.id}) (${g.entries.length})`),
    '',
  ];
  for (const g of groups) {
    lines.push(`<a id="${g.id}"></a>`, `## ${md(g.title)}`, '');
    for (const e of g.entries) lines.push(...entryLines(e));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
