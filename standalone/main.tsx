import '../lib/model/zod-jitless';
import '../components/panel.css';
import { render } from 'preact';
import { Viewer } from '../components/Viewer';

// The standalone viewer (npm run build:viewer): the extension's viewer page as one HTML file for
// people without the extension, from file:// or any static host. A share link's trace travels in
// the `#trace=…` fragment, which browsers never send to a server; it is decoded here. Links made
// here point at this page's own address.
const root = document.getElementById('app');
if (root) {
  const here = `${location.origin === 'null' ? 'file://' : location.origin}${location.pathname}`;
  const show = () => render(<Viewer viewerUrl={here} fragment={location.hash || null} />, root);
  show();
  addEventListener('hashchange', show);
}
