import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundService } from '../../entrypoints/background/service';
import { registerListeners } from '../../entrypoints/background/listeners';
import { makeFakeApi } from './fake-api';

const NAV_EVENTS = ['onBeforeNavigate', 'onCommitted', 'onCompleted', 'onCreatedNavigationTarget', 'onDOMContentLoaded', 'onErrorOccurred', 'onHistoryStateUpdated', 'onReferenceFragmentUpdated', 'onTabReplaced'] as const;

describe('fakeBrowser.reset() (test/support/fake-browser-reset.ts)', () => {
  it.each(NAV_EVENTS)('removes webNavigation.%s listeners', async (name) => {
    const event = fakeBrowser.webNavigation[name] as unknown as { addListener(cb: () => void): void; trigger(): Promise<unknown[]> };
    const listener = vi.fn();
    event.addListener(listener);
    fakeBrowser.reset();
    expect(await event.trigger()).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
  });

  it('leaves no listener of a registered background behind', async () => {
    const fake = makeFakeApi();
    const service = new BackgroundService(fake.api, { flushDelayMs: 5 });
    const receive = vi.spyOn(service, 'receive');
    registerListeners(fake.browserApi, service, { firefox: false });
    const details = { tabId: 1, frameId: 0, url: 'http://127.0.0.1:3000/', timeStamp: 1, transitionType: 'link', transitionQualifiers: [], processId: 1, documentId: 'd', documentLifecycle: 'active', frameType: 'outermost_frame', parentFrameId: -1 };
    await fakeBrowser.webNavigation.onCommitted.trigger(details as never);
    expect(receive).toHaveBeenCalledTimes(1);
    await service.flush();
    fakeBrowser.reset();
    await fakeBrowser.webNavigation.onCommitted.trigger(details as never);
    expect(receive).toHaveBeenCalledTimes(1);
  });
});
