import '../../components/panel.css';
import { render } from 'preact';
import { Welcome } from '../../components/Welcome';
import { openOptionsPage } from '../../components/platform/extension-pages';

// welcome.html: opened once on install (background) and from the popup's "Getting started".
const root = document.getElementById('app');
if (root) render(<Welcome browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'} onSiteAccess={() => void openOptionsPage()} />, root);
