import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in a real page. Extension pages forbid inline scripts (CSP `script-src 'self'`), so
 * the source goes in through CDP evaluation, which the page's CSP does not govern.
 *
 * Rules: WCAG 2.0 / 2.1 A and AA, plus axe's best-practice rules that the issue names
 * (one main landmark, a level-one heading, content inside landmarks).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;
export const AXE_BEST_PRACTICE_RULES = ['landmark-one-main', 'page-has-heading-one', 'region'] as const;

/** One violated rule: its id, impact and the nodes (selector and axe's summary of why). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string; summary: string }>;
}

interface AxeResultsInPage {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    async ({ tags, rules }) => {
      const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResultsInPage> } }).axe;
      const wcag = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      const extra = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return [...wcag.violations, ...extra.violations].map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
      }));
    },
    { tags: [...AXE_TAGS], rules: [...AXE_BEST_PRACTICE_RULES] },
  );
  return results;
}

/** "rule (impact): selector — why" per node, for a readable assertion message. */
export const describeViolations = (violations: readonly AxeViolation[]): string[] =>
  violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${n.target} — ${n.summary}`));
