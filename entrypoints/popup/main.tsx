import '../../components/panel.css';
import { render } from 'preact';
import { PopupRoot } from '../../components/PopupRoot';
import { askFirst, type FirstAnswer } from '../../components/hooks/use-tab-state';

// popup.html: the toolbar button's popup (action.default_popup / browser_action.default_popup).
// Marks for bench/popup-chromium.ts: script running, background answered, rows painted.
performance.mark('ol-popup-script');
// Asked before the first render. The background answers in a few milliseconds: waiting up to
// FIRST_WAIT_MS for it makes the first frame the one with the rows, instead of a frame with
// "Reading this tab…" followed by a second render, layout and paint. A background that is slow
// (a stopped service worker starting) gets the "Reading" frame after that wait.
const FIRST_WAIT_MS = 60;
let known: FirstAnswer | null = null;
const first = askFirst().then((answer) => (known = answer));
const root = document.getElementById('app');
if (root) {
  void Promise.race([first, new Promise((resolve) => setTimeout(resolve, FIRST_WAIT_MS))]).then(() => render(<PopupRoot first={first} known={known} />, root));
}
