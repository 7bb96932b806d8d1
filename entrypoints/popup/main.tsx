import '../../lib/model/zod-jitless';
import '../../components/panel.css';
import { render } from 'preact';
import { PopupRoot } from '../../components/PopupRoot';
import { askFirst } from '../../components/hooks/use-tab-state';

// popup.html: the toolbar button's popup (action.default_popup / browser_action.default_popup).
// Marks for bench/popup-chromium.ts: script running, background answered, rows painted.
performance.mark('ol-popup-script');
// Asked before the first render, so the answer travels while the page paints.
const first = askFirst();
const root = document.getElementById('app');
if (root) render(<PopupRoot first={first} />, root);
