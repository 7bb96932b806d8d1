import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PopupRoot } from '../components/PopupRoot';
import { askFirst, type FirstAnswer } from '../components/hooks/use-tab-state';

// The toolbar button's popup (popup.html, action.default_popup / browser_action.default_popup).
// An unlisted script, so WXT builds it alone into one self-contained file: the popup then loads
// its HTML, this script and its own small stylesheet (components/popup.css), not the module
// chunks and stylesheet the panel's pages share (issue 15: open in under 100 ms).
export default defineUnlistedScript(() => {
  // Marks for bench/popup-chromium.ts: script running, background answered, first render done, rows painted.
  performance.mark('ol-popup-script');
  // Asked before the first render. The background answers in a few milliseconds: waiting up to
  // FIRST_WAIT_MS for it makes the first frame the one with the rows, instead of a frame with
  // "Reading this tab…" followed by a second render, layout and paint. A background that is slow
  // (a stopped service worker starting) gets the "Reading" frame after that wait.
  const FIRST_WAIT_MS = 60;
  let known: FirstAnswer | null = null;
  const first = askFirst().then((answer) => (known = answer));
  // popup.html loads this script `async`: it may run before the body is parsed.
  const parsed = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
  const waited = Promise.race([first, new Promise((resolve) => setTimeout(resolve, FIRST_WAIT_MS))]);
  void Promise.all([parsed, waited]).then(() => {
    const root = document.getElementById('app');
    if (!root) return;
    render(<PopupRoot first={first} known={known} />, root);
    performance.mark('ol-popup-render');
  });
});
