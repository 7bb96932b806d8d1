/**
 * Panel render cost: a 50k-step capture against a 500-step one, in happy-dom. Virtualized lists
 * should make the ratio far below 100× (the data ratio); the figure printed is the evidence.
 * Run: node --import tsx bench/panel-render.ts
 */
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import type { AnalysisReport, FlowReport, StepReport } from '../lib/model/analysis';
import type { CapturedEvent, RequestEvent } from '../lib/model/event';
import type { PanelData } from '../components/view-models/panel-types';
import { figure, type Figure } from './figure';

const KINDS: StepReport['kind'][] = ['app', 'authorize', 'login', 'login', 'callback', 'token', 'userinfo', 'jwks', 'discovery', 'resource'];

/** A report shaped like analyzeEvents output: `flows` flows of `stepsPerFlow` steps, with findings. */
export function syntheticPanelData(totalSteps: number, stepsPerFlow: number): PanelData {
  const events: CapturedEvent[] = [];
  const flows: FlowReport[] = [];
  const t0 = Date.UTC(2025, 0, 1);
  const flowCount = Math.max(1, Math.round(totalSteps / stepsPerFlow));
  for (let f = 0; f < flowCount; f++) {
    const steps: StepReport[] = [];
    for (let s = 0; s < stepsPerFlow; s++) {
      const id = `e${f}-${s}`;
      const url = `https://idp${f % 7}.example.com/${KINDS[s % KINDS.length]}?client_id=c${f % 13}&state=s${f}x${s}`;
      const time = t0 + f * 10_000 + s * 37;
      const event: RequestEvent = {
        kind: 'request', id, requestId: `r${f}-${s}`, tabId: 1, frameId: 0, parentFrameId: -1, type: 'main_frame', method: 'GET', url,
        status: s % 5 === 4 ? 302 : 200, startTime: time, endTime: time + 20, requestHeaders: [], responseHeaders: [],
      };
      events.push(event);
      steps.push({ kind: KINDS[s % KINDS.length]!, method: 'GET', url, status: event.status ?? null, time, observed: true, tabId: 1, frameId: 0, context: 'top', eventId: id });
    }
    flows.push({
      id: `f${f}`, grant: 'authorization_code', clientId: `c${f % 13}`, issuer: `https://idp${f % 7}.example.com`, redirectUri: 'https://app.example.com/cb',
      outcome: f % 3 === 0 ? 'failed' : 'success', startTime: t0 + f * 10_000, steps,
      findings: f % 3 === 0 ? [{ check: 'state-mismatch', severity: 'error', title: 'State differs', message: 'm', cause: 'c', fix: 'x', spec: 'RFC 6749 §10.12', step: Math.min(4, stepsPerFlow - 1), evidence: [{ label: 'state', value: 'a1', expected: 'a2' }] }] : [],
    });
  }
  const analysis: AnalysisReport = { version: 2, flows, findings: [] };
  return { events, analysis };
}

/** Installs a happy-dom window as the global DOM when none exists (node). */
export function ensureDom(): void {
  if (typeof globalThis.document !== 'undefined') return;
  const window = new Window({ width: 1280, height: 800 });
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'Event', 'KeyboardEvent', 'ResizeObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'SVGElement']) {
    if (!(key in g) || key === 'window' || key === 'document') g[key] = (window as unknown as Record<string, unknown>)[key];
  }
}

export interface RenderFigure {
  steps: number;
  flows: number;
  mountMs: number;
  selectMs: number;
  domNodes: number;
}

/** Median of `runs` mounts of <App/>, plus one keyboard selection change. */
export async function measurePanelRender(totalSteps: number, stepsPerFlow: number, runs = 5): Promise<RenderFigure> {
  ensureDom();
  const { h, render } = await import('preact');
  const { App } = await import('../components/App');
  const data = syntheticPanelData(totalSteps, stepsPerFlow);
  const mounts: number[] = [];
  let selectMs = 0;
  let domNodes = 0;
  for (let i = 0; i < runs; i++) {
    const root = document.createElement('div');
    document.body.appendChild(root);
    const t = performance.now();
    render(h(App, { data }), root);
    mounts.push(performance.now() - t);
    const list = root.querySelector('[aria-label="Flows, newest first"]');
    const t2 = performance.now();
    list?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    selectMs = performance.now() - t2;
    domNodes = root.querySelectorAll('*').length;
    render(null, root);
    root.remove();
  }
  mounts.sort((a, b) => a - b);
  return { steps: totalSteps, flows: data.analysis.flows.length, mountMs: mounts[Math.floor(mounts.length / 2)]!, selectMs, domNodes };
}

async function main(): Promise<void> {
  const show = (label: string, f: RenderFigure) =>
    console.log(`${label.padEnd(28)} ${String(f.steps).padStart(6)} steps ${String(f.flows).padStart(5)} flows  mount ${f.mountMs.toFixed(1).padStart(7)} ms  select ${f.selectMs.toFixed(1).padStart(6)} ms  ${f.domNodes} DOM nodes`);
  // Warm up the JIT and module graph so the first figure is not import time.
  await measurePanelRender(500, 10, 2);
  const smallMany = await measurePanelRender(500, 10);
  const largeMany = await measurePanelRender(50_000, 10);
  const smallOne = await measurePanelRender(500, 500);
  const largeOne = await measurePanelRender(50_000, 50_000);
  show('500 steps / 50 flows', smallMany);
  show('50k steps / 5000 flows', largeMany);
  show('500 steps / 1 flow', smallOne);
  show('50k steps / 1 flow', largeOne);
  console.log(`ratio (many flows) mount ${(largeMany.mountMs / smallMany.mountMs).toFixed(2)}×, select ${(largeMany.selectMs / smallMany.selectMs).toFixed(2)}× for 100× the data`);
  console.log(`ratio (one long flow) mount ${(largeOne.mountMs / smallOne.mountMs).toFixed(2)}× for 100× the data`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) await main();

/**
 * Mount of <App/> in happy-dom, 50k steps against 500 (5000 flows of 10 steps against 50): a
 * quick in-process check of the virtualized lists; bench/panel-chromium.ts is the figure in a
 * real browser.
 */
export async function benchPanelRender(smallSteps = 500, largeSteps = 50_000): Promise<Figure[]> {
  await measurePanelRender(smallSteps, 10, 2); // warm-up: JIT and module graph
  const small = await measurePanelRender(smallSteps, 10);
  const large = await measurePanelRender(largeSteps, 10);
  return [figure(`panel mount in happy-dom, ${largeSteps} steps vs ${smallSteps}`, large.mountMs, 'ms', large.mountMs / small.mountMs, 1.5)];
}
