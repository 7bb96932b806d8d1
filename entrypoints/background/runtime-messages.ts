import type { AnalysisReport } from '../../lib/model/analysis';
import type { CapturedEvent } from '../../lib/model/event';
import { popupRows } from '../../lib/flow/popup-rows';
import { RuntimeRequestSchema, type RuntimeResponse } from '../../lib/model/messages';
import { redactTrace } from '../../lib/trace/outside-flows';
import { makeTrace } from '../../lib/trace/trace-v1';

export interface RuntimeHandlerDeps {
  analysis(tabId?: number): Promise<AnalysisReport>;
  events(tabId?: number): Promise<CapturedEvent[]>;
  paused(tabId: number): Promise<boolean>;
}

/**
 * docs/architecture.md "Messages": `analysis`, `export-trace` and `tab-state` (the toolbar popup) from any extension page.
 * Malformed messages get `{ ok: false, error }` naming the first problem.
 */
export async function handleRuntimeMessage(message: unknown, deps: RuntimeHandlerDeps): Promise<RuntimeResponse> {
  const parsed = RuntimeRequestSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `malformed message${where}: ${issue?.message ?? 'invalid'}` };
  }
  const request = parsed.data;
  try {
    switch (request.type) {
      case 'analysis':
        return { ok: true, analysis: await deps.analysis(request.tabId) };
      case 'export-trace': {
        const trace = makeTrace(await deps.events(request.tabId));
        // Redacted unless the caller explicitly asks for raw values (docs/trace-format.md "Redaction").
        return { ok: true, trace: request.redact === false ? trace : await redactTrace(trace) };
      }
      case 'tab-state':
        // The popup's lines only: it never needs (nor bundles) the analysis.
        return { ok: true, rows: popupRows(await deps.analysis(request.tabId)), paused: await deps.paused(request.tabId) };
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
