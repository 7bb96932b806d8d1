// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import type { PanelData } from '../../components/view-models/panel-types';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { brokerEvents, type BrokerHar } from '../support/broker-hars';

// The panel on a brokered login (lib/flow/broker-link.ts): the flow list says which flow went
// through which broker, the summary names both and selects the other flow, and an app flow whose
// upstream leg failed says where it broke. The HARs are hand-built (test/fixtures/brokers).

afterEach(cleanup);

async function panelData(file: BrokerHar): Promise<PanelData> {
  const events = brokerEvents(file);
  return { events, analysis: (await analyzeEvents(events)).report };
}

const flowList = () => screen.getByRole('listbox', { name: /flows/i });
const option = (text: RegExp) => within(flowList()).getAllByRole('option').find((o) => text.test(o.textContent ?? ''))!;
const summary = () => document.querySelector('.ol-summary')!;

describe('panel: brokered login', () => {
  it('Auth0 → Google: the rows say "via Google" and "upstream of Auth0"; the summary links the two flows', async () => {
    render(<App data={await panelData('auth0-connection-google.har')} />);
    const app = option(/tenant\.eu\.auth0\.com/);
    expect(app.querySelector('.ol-flow-broker')?.textContent).toBe('via Google');
    expect(option(/accounts\.google\.com/).querySelector('.ol-flow-broker')?.textContent).toBe('upstream of Auth0');

    fireEvent.click(app);
    expect(summary().textContent).toContain('Brokered login: via Google, through Auth0.');
    fireEvent.click(screen.getByRole('button', { name: 'Show the upstream Google flow' }));
    expect(within(flowList()).getByRole('option', { selected: true }).textContent).toContain('accounts.google.com');
    expect(summary().textContent).toContain('Upstream leg of a brokered login: Auth0 signs the user in with Google here');
    fireEvent.click(screen.getByRole('button', { name: "Show the app's Auth0 flow" }));
    expect(within(flowList()).getByRole('option', { selected: true }).textContent).toContain('tenant.eu.auth0.com');
  });

  it('Google refuses Auth0\'s callback: the app flow "Failed at the upstream Google step"', async () => {
    render(<App data={await panelData('auth0-google-redirect-uri-mismatch.har')} />);
    fireEvent.click(option(/tenant\.eu\.auth0\.com/));
    expect(summary().querySelector('strong')?.textContent).toBe('Failed at the upstream Google step (error-page)');
    expect(option(/tenant\.eu\.auth0\.com/).querySelector('.ol-outcome-icon title')?.textContent).toBe('Failed at the upstream Google step (error-page)');
  });

  it('Supabase → GitHub: the app flow, which sends no client_id by design, says so in its row and summary', async () => {
    render(<App data={await panelData('supabase-github-pkce.har')} />);
    const app = option(/abcdefghijklmnopqrst\.supabase\.co/);
    expect(app.querySelector('.ol-flow-client')?.textContent).toBe('no client_id (Supabase Auth broker)');
    fireEvent.click(app);
    const fact = [...summary().querySelectorAll('.ol-fact')].find((f) => f.querySelector('dt')?.textContent === 'client_id')!;
    expect(fact.querySelector('dd')?.textContent).toBe('no client_id (Supabase Auth broker)');
    expect(option(/github\.com/).querySelector('.ol-flow-client')?.textContent).toBe('Ov23liAbCdEfGhIjKlMn');
  });

  it('two independent logins in two tabs: no broker tag, no link', async () => {
    render(<App data={await panelData('two-tabs-independent.har')} />);
    expect(document.querySelectorAll('.ol-flow-broker')).toHaveLength(0);
    expect(document.querySelector('.ol-broker-fact')).toBeNull();
  });
});
