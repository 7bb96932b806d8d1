/**
 * `npm run bench`: every figure of issue 9, one table, bench/results.json, exit 1 when a budget
 * is missed. Each figure is a ratio against a floor measured in the same run, so a noisy or slow
 * machine moves both sides. Not part of `npm test` (test/bench/smoke.test.ts keeps these alive).
 *
 *   npm run bench                       all figures (~3–5 min on 2 cores)
 *   npm run bench -- capture analyze    only the named groups
 *   npm run bench -- page-load-mechanism  what in webRequest costs page loads (never run by default)
 *   npm run bench -- page-load-firefox    the page-load figure in Firefox ESR (never run by default)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchAnalyze, benchBigHarMemory, benchPages } from './analyze';
import { benchCapture } from './capture';
import { benchCliStart } from './cli-start';
import { formatTable, type Figure } from './figure';
import { benchMemory } from './memory';
import { benchPageLoad, benchPageLoadMechanism } from './page-load';
import { benchPageLoadFirefox } from './page-load-firefox';
import { benchPanelChromium } from './panel-chromium';
import { benchPanelRender } from './panel-render';
import { benchPopupChromium } from './popup-chromium';
import { benchPopupRender } from './popup-render';

const GROUPS: Record<string, () => Promise<Figure[]> | Figure[]> = {
  capture: () => benchCapture(),
  memory: () => benchMemory(),
  analyze: () => benchAnalyze(),
  'cli-start': () => benchCliStart(),
  pages: () => benchPages(),
  'big-har': () => benchBigHarMemory(),
  'panel-dom': () => benchPanelRender(),
  popup: () => benchPopupRender(),
  'popup-chromium': () => benchPopupChromium(),
  panel: () => benchPanelChromium(),
  'page-load': () => benchPageLoad(),
};

/** Groups run only when named: they explain a figure rather than hold a budget. */
const ON_REQUEST: Record<string, () => Promise<Figure[]> | Figure[]> = {
  'page-load-mechanism': () => benchPageLoadMechanism(),
  'page-load-firefox': () => benchPageLoadFirefox(),
};

const load = (l: number[]): string => l.map((n) => n.toFixed(2)).join(' ');

async function main(): Promise<number> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !(a in GROUPS) && !(a in ON_REQUEST));
  if (unknown.length) {
    console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${[...Object.keys(GROUPS), ...Object.keys(ON_REQUEST)].join(', ')}`);
    return 2;
  }
  const loadBefore = loadavg();
  const figures: Figure[] = [];
  const started = performance.now();
  for (const [name, run] of [...Object.entries(GROUPS), ...Object.entries(ON_REQUEST)]) {
    if (asked.length ? !asked.includes(name) : name in ON_REQUEST) continue;
    const t = performance.now();
    try {
      figures.push(...(await run()));
    } catch (error) {
      console.error(`bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      figures.push({ name: `${name} (failed to run)`, value: NaN, unit: '', ratio: NaN, budget: NaN, ok: false });
    }
    console.error(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const budgeted = figures.filter((f) => Number.isFinite(f.budget));
  console.log(formatTable(figures));
  console.log(`\n${budgeted.filter((f) => f.ok).length}/${budgeted.length} within budget in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`load average (1, 5, 15 min) on ${availableParallelism()} cores: before ${load(loadBefore)}, after ${load(loadavg())}`);
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  return figures.every((f) => f.ok) ? 0 : 1;
}

process.exitCode = await main();
