import '../../lib/model/zod-jitless';
import '../../components/panel.css';
import { render } from 'preact';
import { Panel } from '../../components/Panel';
import { resolveFlowId, resolveTabId } from '../../components/hooks/use-bridge';

const root = document.getElementById('app');
if (root) {
  render(<Panel tabId={resolveTabId()} initialFlow={resolveFlowId()} />, root);
  // Only a `--mode preview` build (test/support/panel-preview.ts) carries the screenshot hook;
  // Vite replaces MODE with a literal, so production bundles drop this branch and the module.
  if (import.meta.env.MODE === 'preview') void import('./preview-hook').then((m) => m.installPreviewHook(root));
}
