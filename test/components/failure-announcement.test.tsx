// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import type { PanelData, PanelStatus } from '../../components/view-models/panel-types';
import { announceNewFailures } from '../../components/view-models/failure-announcement';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { AnalysisReport } from '../../lib/model/analysis';
import type { CapturedEvent } from '../../lib/model/event';
import { FIXED_NOW, rehost, stateMismatchFlow, successFlow, tokenRejectedFlow } from '../support/panel-fixtures';

/**
 * The panel's polite live region: one sentence per newly failing flow, nothing for the failures
 * already there when the panel opened, nothing for working logins, nothing twice.
 */
const MIN = 60_000;
let rejected: CapturedEvent[];
let mismatch: CapturedEvent[];
let success: CapturedEvent[];
const analyze = async (events: CapturedEvent[]): Promise<AnalysisReport> => (await analyzeEvents(events)).report;

beforeAll(async () => {
  rejected = rehost(tokenRejectedFlow(FIXED_NOW - 9 * MIN), 'auth.acme-corp.test', 'spa.acme-corp.test', 'acme-spa');
  mismatch = rehost(stateMismatchFlow(FIXED_NOW - 3 * MIN), 'auth.acme-corp.test', 'portal.acme-corp.test', 'acme-portal');
  success = await successFlow(FIXED_NOW - 6 * MIN);
});
afterEach(cleanup);

describe('announceNewFailures', () => {
  it('remembers the failures present at first, then announces each new one once', async () => {
    const opened = (await analyze(rejected)).flows;
    expect(announceNewFailures(null, opened)).toBeNull();

    const withSuccess = (await analyze([...rejected, ...success])).flows;
    expect(announceNewFailures(opened, withSuccess)).toBeNull();

    const both = await analyze([...rejected, ...success, ...mismatch]);
    const failedAt = both.flows.find((f) => f.clientId === 'acme-portal')!.failedAt!;
    expect(announceNewFailures(withSuccess, both.flows)).toBe(`New failed login: acme-portal at step ${failedAt + 1} (callback)`);
    // The same analysis again (another update of the same tab) says nothing.
    expect(announceNewFailures(both.flows, (await analyze([...rejected, ...success, ...mismatch])).flows)).toBeNull();
    expect(announceNewFailures(both.flows, both.flows)).toBeNull();
  });

  it('is not fooled by flow ids moving when older flows are evicted', async () => {
    const both = await analyze([...rejected, ...mismatch]);
    const evicted = await analyze(mismatch);
    expect(evicted.flows[0]!.id).toBe('f1');
    expect(announceNewFailures(both.flows, evicted.flows)).toBeNull();
  });

  it('announces the same login failing again (new events), and several new failures in one sentence', async () => {
    const opened = (await analyze(mismatch)).flows;
    const retried = rehost(stateMismatchFlow(FIXED_NOW - 2 * MIN), 'auth.acme-corp.test', 'portal.acme-corp.test', 'acme-portal');
    const once = (await analyze([...mismatch, ...retried])).flows;
    expect(announceNewFailures(opened, once)).toMatch(/^New failed login: acme-portal at step \d+ \(callback\)$/);

    const other = rehost(stateMismatchFlow(FIXED_NOW - MIN), 'sso.initech.test', 'intranet.initech.test', 'initech-portal');
    const third = rehost(stateMismatchFlow(FIXED_NOW - MIN / 2), 'auth.acme-corp.test', 'portal.acme-corp.test', 'acme-portal');
    const two = announceNewFailures(once, (await analyze([...mismatch, ...retried, ...other, ...third])).flows);
    expect(two).toMatch(/^2 new failed logins: initech-portal at step \d+ \(callback\); acme-portal at step \d+ \(callback\)$/);
  });
});

describe('the panel announces new failing flows politely', () => {
  const LIVE: PanelStatus = { paused: false, preserve: false, connection: 'live' };
  const region = () => document.querySelector('.ol-announcer')!;

  it('says nothing on open, one sentence per new failure, and nothing for static traces', async () => {
    const data = async (events: CapturedEvent[]): Promise<PanelData> => ({ events, analysis: await analyze(events) });
    const opened = await data(rejected);
    const later = await data([...rejected, ...mismatch]);
    const { rerender } = render(<App data={opened} status={LIVE} now={FIXED_NOW} />);
    expect(region().getAttribute('aria-live')).toBe('polite');
    expect(region().getAttribute('role')).toBe('status');
    expect(region().textContent).toBe('');

    rerender(<App data={later} status={LIVE} now={FIXED_NOW} />);
    expect(region().textContent).toMatch(/^New failed login: acme-portal at step \d+ \(callback\)$/);
    const node = region().firstElementChild;
    // An update that brings nothing new leaves the sentence as it was (not read again).
    rerender(<App data={{ ...later }} status={LIVE} now={FIXED_NOW} />);
    expect(region().firstElementChild).toBe(node);
    cleanup();

    // An imported or shared trace is not news.
    render(<App data={opened} now={FIXED_NOW} />);
    expect(region().textContent).toBe('');
  });
});
