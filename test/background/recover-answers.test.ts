import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerRecovery, type TimingScripting } from '../../entrypoints/background/recover-answers';
import { BackgroundService } from '../../entrypoints/background/service';
import type { TimingEntry } from '../../lib/capture/recovery';
import { base } from '../capture/details';
import { makeFakeApi } from './fake-api';

const CALLBACK = 'http://127.0.0.1:3000/cb?code=c1&state=s1';
const T = Date.now();

/** chrome.scripting as the recovery calls it: records each injection (target and URLs asked), answers with `entries`. */
function fakeScripting(answer: () => TimingEntry[] | Error) {
  const calls: Array<{ tabId: number; frameIds: number[]; urls: string[] }> = [];
  const scripting: TimingScripting = {
    async executeScript(injection) {
      calls.push({ ...injection.target, urls: injection.args[0] });
      const result = answer();
      if (result instanceof Error) throw result;
      return [{ result }];
    },
  };
  return { scripting, calls };
}

const running: BackgroundService[] = [];
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.flush()));
  fakeBrowser.reset();
});

async function serviceWithLostCallback() {
  const service = new BackgroundService(makeFakeApi().api, { flushDelayMs: 5 });
  running.push(service);
  await service.ready;
  // The callback began; its answer never came (the worker was stopped: issue 17 point 6).
  service.receive({ on: 'before-request', d: base({ requestId: '7', url: CALLBACK, time: T }) });
  return service;
}

const entry: TimingEntry = { entryType: 'navigation', name: CALLBACK, type: 'navigate', status: 200, startedAt: T - 30, answeredAt: T + 40 };

describe('AnswerRecovery: lost answers read back from the page', () => {
  it("asks the callback's frame about that URL only, and keeps the status as recovered", async () => {
    const service = await serviceWithLostCallback();
    const { scripting, calls } = fakeScripting(() => [entry]);
    await new AnswerRecovery(service, scripting).onFrame({ tabId: 1, frameId: 0 });
    expect(calls).toEqual([{ tabId: 1, frameIds: [0], urls: [CALLBACK] }]);
    const [hop] = await service.events(1);
    expect(hop).toMatchObject({ url: CALLBACK, recovered: { from: 'navigation-timing', status: 200, at: T + 40 } });
    expect(hop?.kind === 'request' && hop.status).toBeUndefined();
  });

  it('asks nothing of a frame without hops awaiting an answer, and keeps nothing from a refused or malformed answer', async () => {
    const service = await serviceWithLostCallback();
    const quiet = fakeScripting(() => [entry]);
    await new AnswerRecovery(service, quiet.scripting).onFrame({ tabId: 1, frameId: 2 });
    await new AnswerRecovery(service, quiet.scripting).onFrame({ tabId: 5, frameId: 0 });
    expect(quiet.calls).toEqual([]);
    for (const answer of [() => new Error('Cannot access contents of the page'), () => [{ ...entry, status: 'ok' }] as unknown as TimingEntry[]]) {
      await new AnswerRecovery(service, fakeScripting(answer).scripting).onFrame({ tabId: 1, frameId: 0 });
    }
    const [hop] = await service.events(1);
    expect(hop?.kind === 'request' && hop.recovered).toBeUndefined();
  });
});
