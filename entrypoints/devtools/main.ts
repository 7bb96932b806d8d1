import { browser } from 'wxt/browser';

// The devtools page only creates the panel; the panel is an ordinary extension page.
void browser.devtools.panels.create('OAuth Lens', '/icon/32.png', '/devtools-panel.html');
