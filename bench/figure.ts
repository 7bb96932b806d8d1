/** One printed benchmark figure; `ratio` is against a floor measured in the same run (issue 9). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  ratio: number;
  budget: number;
  ok: boolean;
}

export function figure(name: string, value: number, unit: string, ratio: number, budget: number): Figure {
  return { name, value: round(value), unit, ratio: round(ratio, 3), budget, ok: ratio <= budget };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds taken by `fn`, best of `runs` (the floor is what the code costs without noise). */
export async function timeBest(fn: () => unknown | Promise<unknown>, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** The one table `npm run bench` prints (Markdown, so the README can show it as is). */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [
    ['name', 'value', 'unit', 'ratio', 'budget', 'ok'],
    ...figures.map((f) => [f.name, String(f.value), f.unit, f.ratio.toFixed(3), ...(Number.isFinite(f.budget) ? [`≤ ${f.budget}`, f.ok ? 'yes' : 'NO'] : ['—', '—'])]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 || c === 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w, c) => (c === 0 || c === 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
