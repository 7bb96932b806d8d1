import '../../lib/model/zod-jitless';
import { browser } from 'wxt/browser';
import type { Entry } from 'har-format';
import { PANEL_PORT_NAME, type PanelMessage } from '../../lib/model/messages';
import { DiscoveredEndpoints, isDiscoveryUrl } from '../../lib/capture/discovered-endpoints';
import { clampBody, readContent, wantsBody, type ContentSource } from './body-filter';

// The devtools page creates the panel and, while DevTools is open, forwards the response bodies
// of token/userinfo/discovery/JWKS requests (invisible to webRequest in Chrome) to the background.
void browser.devtools.panels.create('OAuth Lens', '/icon/32.png', '/devtools-panel.html');

const tabId = browser.devtools.inspectedWindow.tabId;
let port: ReturnType<typeof browser.runtime.connect> | null = null;
/** Endpoints named by the discovery documents this tab loaded (UserInfo at `/me`, …). */
const endpoints = new DiscoveredEndpoints();

function send(message: PanelMessage): void {
  try {
    if (!port) {
      const fresh = browser.runtime.connect({ name: PANEL_PORT_NAME });
      // A stopped MV3 worker drops the port; the next body opens a new one.
      fresh.onDisconnect.addListener(() => (port = null));
      port = fresh;
    }
    port.postMessage(message);
  } catch {
    port = null;
  }
}

// The body is read with readContent (body-filter.ts): Chromium 156 hands the page its native,
// callback-style API even through webextension-polyfill. Only base64 bodies are skipped.
browser.devtools.network.onRequestFinished.addListener((request) => {
  const entry = request as unknown as Entry & ContentSource;
  if (!wantsBody(entry, endpoints)) return;
  void readContent(entry).then(([content, encoding]) => {
    if (typeof content !== 'string' || encoding === 'base64') return;
    if (isDiscoveryUrl(entry.request.url)) endpoints.learn(content);
    const { text, truncated } = clampBody(content);
    const startTime = Date.parse(entry.startedDateTime);
    send({
      type: 'panel/attach-body',
      tabId,
      url: entry.request.url,
      method: entry.request.method,
      ...(Number.isNaN(startTime) ? {} : { startTime }),
      body: { text, truncated, ...(entry.response.content.mimeType ? { mimeType: entry.response.content.mimeType } : {}) },
    });
  });
});
