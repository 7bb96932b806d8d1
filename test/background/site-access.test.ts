import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerListeners } from '../../entrypoints/background/listeners';
import { BackgroundService } from '../../entrypoints/background/service';
import { SiteAccessGate } from '../../entrypoints/background/site-access';
import { FakeEvent, makeFakeApi, makeFakePermissions } from './fake-api';
import { navigationFilters } from '../../lib/site-access/navigation-filter';
import { siteAccessOf } from '../../lib/site-access/patterns';

const running: BackgroundService[] = [];

const NAV_EVENTS = ['onCommitted', 'onReferenceFragmentUpdated', 'onHistoryStateUpdated', 'onCreatedNavigationTarget', 'onDOMContentLoaded'] as const;

/** webNavigation events that record each listener's filter (fake-browser's ignore it). */
function recordingNavigation(fake: ReturnType<typeof makeFakeApi>) {
  const events = Object.fromEntries(NAV_EVENTS.map((name) => [name, new FakeEvent<[Record<string, unknown>]>()])) as Record<(typeof NAV_EVENTS)[number], FakeEvent<[Record<string, unknown>]>>;
  (fake.api as { webNavigation: unknown }).webNavigation = events;
  return events;
}

function start(origins: string[], navigation?: (fake: ReturnType<typeof makeFakeApi>) => void) {
  const fake = makeFakeApi();
  navigation?.(fake);
  const perms = makeFakePermissions(origins);
  const access = new SiteAccessGate(perms.permissions);
  const service = new BackgroundService(fake.api, { flushDelayMs: 5, after: access.ready, allows: (url) => access.allows(url) });
  running.push(service);
  registerListeners(fake.browserApi, service, { firefox: false, access });
  return { fake, perms, access, service };
}

const urlsOf = (fake: ReturnType<typeof makeFakeApi>) =>
  fake.webRequest.onBeforeRequest.registrations.map((r) => (r.extra[0] as { urls: string[] }).urls);

/** A token in the fragment of a page: kept by the capture on any site it may watch. */
type FragmentDetails = Parameters<typeof fakeBrowser.webNavigation.onReferenceFragmentUpdated.trigger>[0];
const fragment = (url: string, tabId: number): FragmentDetails => ({
    tabId,
    frameId: 0,
    parentFrameId: -1,
    url: `${url}#access_token=AT&token_type=Bearer&state=S`,
    timeStamp: Date.now(),
    processId: 1,
    transitionType: 'link',
    transitionQualifiers: [],
    documentId: 'd',
    documentLifecycle: 'active',
    frameType: 'outermost_frame',
  });

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.flush()));
  fakeBrowser.reset();
});

describe('site access in the background', () => {
  it('narrows the webRequest filter to the granted sites once they are read, and follows changes', async () => {
    const { fake, perms, service } = start(['http://127.0.0.1/*']);
    // Registered synchronously at start, before anything is known.
    expect(urlsOf(fake)).toEqual([['<all_urls>']]);
    await service.ready;
    expect(urlsOf(fake)).toEqual([['http://127.0.0.1/*']]);
    expect(fake.webRequest.onCompleted.registrations).toHaveLength(1);

    perms.set([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(urlsOf(fake)).toEqual([]);
    expect(fake.webRequest.onErrorOccurred.registrations).toHaveLength(0);

    perms.set(['*://*/*', 'http://127.0.0.1/*']);
    await new Promise((r) => setTimeout(r, 0));
    expect(urlsOf(fake)).toEqual([['*://*/*']]);
  });

  it('gives every webNavigation listener the granted sites as its URL filter, none when nothing is granted', async () => {
    let nav: ReturnType<typeof recordingNavigation> | undefined;
    const { perms, service } = start(['http://127.0.0.1/*'], (fake) => (nav = recordingNavigation(fake)));
    const filtersOf = () => NAV_EVENTS.flatMap((name) => nav![name].registrations.map((r) => r.extra[0]));
    // Chromium registers 4 capture listeners, 2 for answer recovery and 1 for page text; unfiltered at start.
    expect(filtersOf()).toEqual(Array(7).fill(undefined));
    await service.ready;
    const limited = { url: navigationFilters(siteAccessOf(['http://127.0.0.1/*'])) };
    expect(filtersOf()).toEqual(Array(7).fill(limited));

    // A granted site's navigation still reaches the capture through the re-registered listener.
    nav!.onReferenceFragmentUpdated.fire({ ...fragment('http://127.0.0.1:3000/cb', 4) });
    expect(await service.events(4)).toHaveLength(1);

    perms.set([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(filtersOf()).toEqual([]);

    perms.set(['*://*/*']);
    await new Promise((r) => setTimeout(r, 0));
    expect(filtersOf()).toEqual(Array(7).fill(undefined));
  });

  it('drops navigation events of sites outside site access, keeps those of granted sites', async () => {
    const { service } = start(['http://127.0.0.1/*']);
    // Fired before the granted sites are read: applied after, with the answer.
    await fakeBrowser.webNavigation.onReferenceFragmentUpdated.trigger(fragment('http://localhost:3000/cb', 1));
    await fakeBrowser.webNavigation.onReferenceFragmentUpdated.trigger(fragment('http://127.0.0.1:3000/cb', 2));
    await service.ready;
    expect(await service.events(1)).toEqual([]);
    expect((await service.events(2)).map((e) => e.url)).toEqual([fragment('http://127.0.0.1:3000/cb', 2).url]);
  });

  it('keeps a popup opened as about:blank by a page of a granted site (its only link to the opener)', async () => {
    const { service } = start(['http://127.0.0.1/*']);
    await service.ready;
    await fakeBrowser.webNavigation.onCreatedNavigationTarget.trigger({ sourceTabId: 1, sourceProcessId: 1, sourceFrameId: 0, tabId: 2, url: 'about:blank', timeStamp: Date.now() });
    expect((await service.events(2)).map((e) => e.kind === 'navigation' && e.event)).toEqual(['created-target']);
  });

  it('watches every site when all sites are granted', async () => {
    const { access, service } = start(['*://*/*']);
    await service.ready;
    expect(access.allows('http://localhost:3000/cb')).toBe(true);
    await fakeBrowser.webNavigation.onReferenceFragmentUpdated.trigger(fragment('http://localhost:3000/cb', 1));
    expect(await service.events(1)).toHaveLength(1);
  });
});
