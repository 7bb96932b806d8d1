import '../../lib/model/zod-jitless';
import '../../components/panel.css';
import { render } from 'preact';
import { PopupRoot } from '../../components/PopupRoot';

// popup.html: the toolbar button's popup (action.default_popup / browser_action.default_popup).
const root = document.getElementById('app');
if (root) render(<PopupRoot />, root);
