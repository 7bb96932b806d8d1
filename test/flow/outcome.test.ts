import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { outcomeLabel } from '../../lib/flow/outcome-label';
import { codeFlow, REDIRECT_URI, STATE } from '../support/events';
import { callbackError, tokenError } from '../support/error-flows';
import type { CapturedEvent } from '../../lib/model/event';

// Issue 17 point 4: the outcome says what happened, the severity of findings what is wrong.

async function only(events: CapturedEvent[]) {
  const { report } = await analyzeEvents(events);
  const flow = report.flows.find((f) => f.steps.some((s) => s.kind === 'authorize'))!;
  return { flow, label: outcomeLabel(flow), errors: flow.findings.filter((f) => f.severity === 'error').map((f) => f.check) };
}

describe('flow outcome', () => {
  it('a login that completed without state is Completed, whatever its findings say', async () => {
    const { flow, label } = await only(codeFlow({ authorizeParams: { state: null }, callbackParams: { state: null } }));
    expect(flow.findings.map((f) => f.check)).toContain('state-missing');
    expect(flow.outcome).toBe('success');
    expect(flow.failedAt ?? null).toBeNull();
    expect(label).toMatch(/^Completed/);
  });

  it('a clean login is Completed', async () => {
    const { flow, label } = await only(codeFlow());
    expect(flow.outcome).toBe('success');
    expect(label).toBe('Completed');
  });

  it('an error response at the callback fails at the callback step', async () => {
    const { flow, label } = await only(callbackError('access_denied'));
    expect(flow.outcome).toBe('failed');
    expect(flow.steps[flow.failedAt!]?.kind).toBe('callback');
    expect(label).toBe(`Failed at step ${flow.failedAt! + 1} (callback)`);
  });

  it('a refused token call fails at the token step', async () => {
    const { flow, label } = await only(tokenError({ error: 'invalid_grant' }));
    expect(flow.outcome).toBe('failed');
    expect(label).toBe(`Failed at step ${flow.failedAt! + 1} (token)`);
  });

  it('the app answering its callback with HTTP 500 fails at the callback', async () => {
    const events = codeFlow().map((e) => (e.kind === 'request' && e.url.startsWith(`${REDIRECT_URI}?`) ? { ...e, status: 500, redirectUrl: undefined } : e));
    const { flow } = await only(events);
    expect(flow.outcome).toBe('failed');
    expect(flow.steps[flow.failedAt!]?.kind).toBe('callback');
  });

  it('a login that never came back is Incomplete', async () => {
    const events = codeFlow().filter((e) => !(e.kind === 'request' && e.url.startsWith(`${REDIRECT_URI}?`)));
    const { flow, label } = await only(events);
    expect(flow.outcome).toBe('incomplete');
    expect(label).toMatch(/^Incomplete/);
  });

  it('a state mismatch the app accepted is Completed and says a correct client would reject it', async () => {
    const events = codeFlow({ callbackParams: { state: `${STATE}-other` } });
    const { flow, label, errors } = await only(events);
    const finding = flow.findings.find((f) => f.check === 'state-mismatch');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/A correct client rejects this response/);
    expect(flow.outcome).toBe('success');
    expect(label).toBe(`Completed, ${errors.length} error${errors.length === 1 ? '' : 's'}`);
  });
});
