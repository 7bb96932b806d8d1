import '../../lib/model/zod-jitless';
import '../../components/panel.css';
import { render } from 'preact';
import { viewerUrl } from '../../components/hooks/use-bridge';
import { Viewer } from '../../components/Viewer';

// viewer.html: opens share links (`#trace=…`, read here and never sent anywhere), files and diffs.
const root = document.getElementById('app');
if (root) {
  const url = viewerUrl();
  const show = () => render(<Viewer viewerUrl={url} fragment={location.hash || null} />, root);
  show();
  // Pasting another share link into the address bar only changes the fragment.
  addEventListener('hashchange', show);
}
