import { foreignRedaction, type ForeignRedaction } from '../../placeholders/foreign';
import type { Flow } from '../../model/flow';
import type { Evidence } from '../../model/finding';

/** Quoted values in a message: checks quote the values they judge ("state \"…\" is weak"). */
const QUOTED = /"([^"]{1,200})"/g;

/**
 * The placeholder a finding would judge, when it would judge one: an evidence value or expected
 * value, or a quoted value of the message, that another tool left in place of the real value.
 */
export function placeholderJudged(report: { message: string; evidence?: readonly Evidence[] }): ForeignRedaction | null {
  for (const e of report.evidence ?? []) {
    const found = foreignRedaction(e.value) ?? (e.expected !== undefined ? foreignRedaction(e.expected) : null);
    if (found) return found;
  }
  for (const m of report.message.matchAll(QUOTED)) {
    const found = foreignRedaction(m[1]!);
    if (found) return found;
  }
  return null;
}

export interface RedactedValue {
  name: string;
  tool: string;
}

/** The protocol values of this flow that another tool replaced with a placeholder, once per name. */
export function redactedValues(flow: Flow): RedactedValue[] {
  const params = [
    ...(flow.authorize?.params ?? []),
    ...(flow.callback?.params ?? []),
    ...flow.tokens.flatMap((t) => [...t.params, ...Object.entries(t.response ?? {}).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : '' }))]),
  ];
  const seen = new Map<string, string>();
  for (const p of params) {
    const found = foreignRedaction(p.value);
    if (found && !seen.has(p.name)) seen.set(p.name, found.tool);
  }
  return [...seen].map(([name, tool]) => ({ name, tool }));
}
