import { render } from 'preact';
import * as z from 'zod';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { CapturedEventSchema } from '../../lib/model/event';
import { App } from '../../components/App';
import type { PanelData, ThemeName } from '../../components/view-models/panel-types';

const ShowSchema = z.object({
  events: z.array(CapturedEventSchema),
  theme: z.enum(['light', 'dark', 'auto']).default('auto'),
  now: z.number().optional(),
});

/** Screenshot harness only: renders hand-built events through the real analysis and <App/>. */
export function installPreviewHook(root: HTMLElement): void {
  Object.assign(window, {
    __oauthLensPreview: async (input: unknown) => {
      const { events, theme, now } = ShowSchema.parse(input);
      const { report } = await analyzeEvents(events);
      render(
        <App
          data={{ events, analysis: report }}
          theme={theme as ThemeName}
          status={{ paused: false, preserve: true, connection: 'live', source: 'tab 7' }}
          actions={{ onClear() {}, onPause() {}, onPreserve() {}, onExport() {}, onImport() {} }}
          {...(now !== undefined ? { now } : {})}
        />,
        root,
      );
      return report.flows.length;
    },
    // bench/panel-chromium.ts: render already-analysed data (what the background sends), so the
    // time measured is the panel's own; null unmounts, so the next call is a first render again.
    __oauthLensPreviewData: (data: PanelData | null) => {
      render(null, root);
      if (data) render(<App data={data} status={{ paused: false, preserve: true, connection: 'live', source: 'tab 7' }} />, root);
    },
  });
}
