import { useState } from 'preact/hooks';
import { describeInternalError, isOAuthLensError, OAuthLensError } from '../../lib/errors';
import type { FlowReport } from '../../lib/model/analysis';
import { buildExportFile, buildMarkdownSummary, buildShareLink, type ExportFormat } from '../../lib/trace/export-build';
import { eventsOfFlows } from '../../lib/trace/flow-events';
import type { ExportAction, ExportScope, Message } from '../view-models/ui-types';
import type { FileIo } from '../platform/file-io';
import type { PanelData } from '../view-models/panel-types';

export interface ExportState {
  busy: string | null;
  confirming: boolean;
  manual: { title: string; text: string } | null;
  run(action: ExportAction): void;
  confirm(): void;
  cancelConfirm(): void;
  closeManual(): void;
}

interface ExportInput {
  data: PanelData;
  flow: FlowReport | null;
  scope: ExportScope;
  viewerUrl: string | null;
  io: FileIo;
  onMessage(message: Message | null): void;
}

const kb = (chars: number) => `${Math.max(1, Math.round(chars / 1024))} KB`;

/**
 * The Export menu's actions. Redaction is lib's (lib/trace/export-build → redactTrace); this
 * hook picks the events, hands the result to the file/clipboard helpers and reports in one line.
 */
export function useExport({ data, flow, scope, viewerUrl, io, onMessage }: ExportInput): ExportState {
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [manual, setManual] = useState<ExportState['manual']>(null);

  const events = () => (scope === 'flow' && flow ? eventsOfFlows(data.events, [flow]) : data.events);
  const what = () => (scope === 'flow' && flow ? 'this flow' : `${data.analysis.flows.length} flow(s)`);

  const task = (label: string, work: () => Promise<void>) => {
    setBusy(label);
    onMessage(null);
    work()
      .catch((error: unknown) =>
        onMessage({ tone: 'error', text: isOAuthLensError(error) ? error.message : `Export failed (${describeInternalError(error)}); nothing was written.` }),
      )
      .finally(() => setBusy(null));
  };

  const saveFile = (format: ExportFormat) =>
    task(format === 'trace-unredacted' ? 'Writing the unredacted trace…' : 'Redacting…', async () => {
      const file = await buildExportFile(format, events());
      io.download(file);
      onMessage(
        file.redacted
          ? { tone: 'ok', text: `Saved ${file.filename}: ${what()}, ${file.events} events, redacted.` }
          : { tone: 'warn', text: `Saved ${file.filename}: NOT redacted — it holds live secrets. Do not share it.` },
      );
    });

  const copy = async (title: string, text: string, done: string) => {
    if (await io.copy(text)) onMessage({ tone: 'ok', text: done });
    else setManual({ title, text });
  };

  const run = (action: ExportAction) => {
    switch (action) {
      case 'trace':
      case 'har':
        return saveFile(action);
      case 'unredacted':
        return setConfirming(true);
      case 'markdown':
        return task('Redacting and summarising…', async () => {
          const md = await buildMarkdownSummary(events());
          await copy('Markdown summary', md, `Markdown summary of ${what()} copied (redacted, ${md.split('\n').length} lines).`);
        });
      case 'share':
        return task('Redacting and compressing…', async () => {
          if (!viewerUrl) throw new OAuthLensError('bad-input', 'Share links open in the viewer page, which is not available here; save the trace file instead.');
          try {
            const url = await buildShareLink(events(), viewerUrl);
            await copy(
              'Share link',
              url,
              `Share link to ${what()} copied (${kb(url.length)}, redacted). The trace rides in the #fragment, which browsers never send to a server; it opens in the OAuth Lens viewer.`,
            );
          } catch (error) {
            if (isOAuthLensError(error) && error.code === 'too-large') {
              onMessage({ tone: 'warn', text: error.message, action: { label: 'Save the redacted trace file', run: () => saveFile('trace') } });
              return;
            }
            throw error;
          }
        });
    }
  };

  return {
    busy,
    confirming,
    manual,
    run,
    confirm() {
      setConfirming(false);
      saveFile('trace-unredacted');
    },
    cancelConfirm: () => setConfirming(false),
    closeManual: () => setManual(null),
  };
}
