import type { PanelStatus } from './view-models/panel-types';
import { plural } from './view-models/format';

const CONNECTION: Record<PanelStatus['connection'], string> = {
  connecting: 'Connecting…',
  live: 'Recording',
  offline: 'Disconnected — reconnecting',
  static: 'Static trace',
};

/** Counts that change with every captured event: not a live region (the panel announces new failures on its own). */
export function StatusBar({ status, flows, failed, steps, events }: { status: PanelStatus; flows: number; failed: number; steps: number; events: number }) {
  const state = status.connection === 'live' && status.paused ? 'Paused' : CONNECTION[status.connection];
  return (
    <footer class="ol-statusbar">
      <span class={`ol-conn ol-conn-${status.paused ? 'paused' : status.connection}`}>{state}</span>
      {status.source ? <span>{status.source}</span> : null}
      <span>{plural(flows, 'flow')}</span>
      {failed ? <span class="ol-sev-error">{failed} failed</span> : null}
      <span>{plural(steps, 'step')}</span>
      <span>{plural(events, 'event')}</span>
      {status.preserve ? <span>preserving log</span> : null}
    </footer>
  );
}
