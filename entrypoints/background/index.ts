import '../../lib/model/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ServiceApi } from './api';
import { registerListeners } from './listeners';
import { BackgroundService } from './service';
import { SiteAccessGate } from './site-access';

// WXT calls main synchronously when the worker script runs, so the listeners below are in place
// before the event that woke a stopped MV3 worker is dispatched. main must stay synchronous.
export default defineBackground(() => {
  const access = new SiteAccessGate(browser.permissions);
  const service = new BackgroundService(browser as unknown as ServiceApi, { after: access.ready, allows: (url) => access.allows(url) });
  registerListeners(browser, service, { firefox: import.meta.env.FIREFOX === true, access });
});
