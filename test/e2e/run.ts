import type { DriverPage } from '../support/driver';
import type { Demo } from '../../demo/index';
import type { AnalysisReport } from '../../lib/model/analysis';
import { checkIds, ExtensionSession, scenario, stepKinds, type FlowExpectation } from './harness';

export interface ScenarioRun {
  session: ExtensionSession;
  page: DriverPage;
  tabId: number;
  analysis: AnalysisReport;
}

/** True once every expectation's steps and checks are visible (the rest is asserted by the test). */
export function satisfied(analysis: AnalysisReport, wanted: readonly FlowExpectation[]): boolean {
  if (analysis.flows.length < wanted.length) return false;
  return wanted.every((w, i) => {
    const flow = analysis.flows[i];
    if (!flow || flow.outcome !== w.outcome) return false;
    const kinds = stepKinds(flow);
    let at = 0;
    for (const kind of kinds) if (kind === w.steps[at]) at++;
    return at === w.steps.length && w.checks.every((id) => checkIds(flow).includes(id));
  });
}

/**
 * Runs one demo scenario in a fresh browser profile with the extension (`bodies`: response bodies
 * wanted, so Chromium opens DevTools), then asks the background for the analysis of the tab the
 * driver ended on (once the steps and checks expected are visible and, with `bodies`, the response
 * bodies are in, and every hop has its answer). The trace and the analysis are written to
 * test-results/e2e[-firefox]/<name>[-devtools].*.json for post-mortems.
 *
 * The session stays open for further questions; the caller closes it (afterEach).
 */
export async function runScenario(
  name: string,
  demo: Demo,
  expected: readonly FlowExpectation[],
  options: { bodies?: boolean; extensionDir?: string; onSession?: (s: ExtensionSession) => void } = {},
): Promise<ScenarioRun> {
  const session = await ExtensionSession.launch({ bodies: options.bodies === true, ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}) });
  options.onSession?.(session);
  const page = await scenario(name).run(session.scenarioDriver(demo.issuer), demo);
  const tabId = await session.tabIdOf(page);
  let analysis = await session.settledAnalysis(tabId, (a) => satisfied(a, expected));
  // Forwarded bodies can change the analysis (token response checks): analyse again once they are in.
  if (expected.some((w) => w.bodies?.length) && (await session.bodiesForwarded(tabId, analysis, expected))) {
    analysis = await session.settledAnalysis(tabId, (a) => satisfied(a, expected));
  }
  // A hop whose status is still on its way (Firefox: the body can come first): analyse once it is in.
  if (await session.hopsAnswered(tabId)) analysis = await session.settledAnalysis(tabId, (a) => satisfied(a, expected));
  await session.dump(`${name}${session.devtools ? '-devtools' : ''}`, tabId);
  return { session, page, tabId, analysis };
}
