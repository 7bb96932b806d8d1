// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { eventLookup } from '../../components/view-models/flow-view';
import { StepDetails, type StepTab } from '../../components/StepDetails';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { CapturedEvent } from '../../lib/model/event';
import { FIXED_NOW, noPkceServerFlow, secrets, successFlow, tokenRejectedFlow } from '../support/panel-fixtures';

afterEach(cleanup);

async function show(events: CapturedEvent[], kind: string, tab: StepTab) {
  const { report } = await analyzeEvents(events);
  const flow = report.flows.find((f) => f.steps.some((s) => s.kind === kind))!;
  const index = flow.steps.findIndex((s) => s.kind === kind);
  const step = flow.steps[index]!;
  const map = eventLookup(events);
  return render(<StepDetails flow={flow} step={step} index={index} event={step.eventId ? (map.get(step.eventId) ?? null) : null} events={map} tab={tab} now={FIXED_NOW} />);
}

describe('StepDetails', () => {
  it('splits the URL and explains each OAuth parameter', async () => {
    const { container } = await show(await successFlow(FIXED_NOW), 'authorize', 'request');
    expect(screen.getByText('Query parameters')).toBeTruthy();
    const row = [...container.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === 'code_challenge')!;
    expect(row.textContent).toContain(secrets('ok').challenge);
    expect(row.textContent).toContain('RFC 7636 §4.2');
    const host = [...container.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === 'host')!;
    expect(host.textContent).toContain('idp.example.com');
  });

  it('shows the token error body as pretty JSON in the response tab', async () => {
    const { container } = await show(tokenRejectedFlow(FIXED_NOW), 'token', 'response');
    const pre = container.querySelector('pre')!;
    expect(pre.textContent).toContain('"error": "invalid_grant"');
    expect(pre.textContent).toContain('\n');
  });

  it('decodes the ID token with absolute and relative times, unverified', async () => {
    await show(await successFlow(FIXED_NOW - 20 * 60_000), 'token', 'tokens');
    expect(screen.getByText('id_token (response body)')).toBeTruthy();
    expect(screen.getByText('signature not verified')).toBeTruthy();
    expect(screen.getByText('248289761001')).toBeTruthy();
    // exp = iat + 1 h, iat = the token response 20 minutes before `now`: exp is 40 min ahead.
    expect(screen.getByText(/in 40 min/)).toBeTruthy();
  });

  it('relates the PKCE verifier to the challenge', async () => {
    await show(await successFlow(FIXED_NOW), 'token', 'tokens');
    await waitFor(() => expect(screen.getByText('verifier matches the challenge')).toBeTruthy());
    expect(screen.getAllByText(secrets('ok').challenge).length).toBe(2);
  });

  it('flags a verifier that does not hash to the challenge', async () => {
    const events = (await successFlow(FIXED_NOW)).map((e) =>
      e.kind === 'request' && e.requestBody?.kind === 'form'
        ? { ...e, requestBody: { kind: 'form' as const, fields: e.requestBody.fields.map((f) => (f.name === 'code_verifier' ? { ...f, value: `${f.value}-tampered` } : f)) } }
        : e,
    );
    await show(events, 'token', 'tokens');
    await waitFor(() => expect(screen.getByText('verifier does not match the challenge')).toBeTruthy());
  });

  it('lists cookies set with their attributes', async () => {
    const { container } = await show(noPkceServerFlow(FIXED_NOW), 'app', 'cookies');
    const row = [...container.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('tx'))!;
    expect(row.textContent).toContain('SameSite=Lax');
    expect(row.textContent).toContain('HttpOnly');
  });

  it('explains a step the browser could not see', async () => {
    await show(noPkceServerFlow(FIXED_NOW), 'token', 'request');
    expect(screen.getByText('Not observable from the browser.')).toBeTruthy();
  });
});
