// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../components/App';
import type { SiteAccessActions, SiteAccessState } from '../../components/hooks/use-site-access';
import { SiteAccessPage } from '../../components/SiteAccessPage';
import { EMPTY_DATA } from '../../components/view-models/panel-types';
import type { FlowReport } from '../../lib/model/analysis';
import { siteAccessOf } from '../../lib/site-access/patterns';

afterEach(cleanup);

const AS = 'http://127.0.0.1:4000';
const APP = 'http://localhost:3000';
const login: FlowReport = {
  id: 'f1',
  grant: 'authorization_code',
  clientId: 'app',
  issuer: AS,
  redirectUri: `${APP}/cb`,
  outcome: 'success',
  startTime: 1767225600000,
  steps: [
    { kind: 'authorize', method: 'GET', url: `${AS}/auth?redirect_uri=${encodeURIComponent(`${APP}/cb`)}`, status: 302, time: 1767225600000, observed: true, tabId: 3, frameId: 0, context: 'top', eventId: null },
  ],
  findings: [],
};

function actions(): SiteAccessActions & { [K in keyof SiteAccessActions]: ReturnType<typeof vi.fn> } {
  return { chooseAllSites: vi.fn(), chooseOnlySites: vi.fn(), allow: vi.fn(), allowTyped: vi.fn(() => null), remove: vi.fn() } as never;
}

const state = (origins: string[], extra: Partial<SiteAccessState> = {}): SiteAccessState => ({ access: siteAccessOf(origins), flows: [login], tab: null, message: null, ...extra });

describe('site access options page', () => {
  it('is a labelled page: one h1 in a main landmark, radios with labels, "all sites" checked when granted', () => {
    render(<SiteAccessPage state={state(['*://*/*'])} actions={actions()} />);
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('OAuth Lens site access');
    expect((screen.getByLabelText(/Capture on all sites/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Only on these sites') as HTMLInputElement).checked).toBe(false);
  });

  it('says nothing is captured before a choice, and asks for all sites from the click', () => {
    const a = actions();
    render(<SiteAccessPage state={state([])} actions={a} />);
    expect(screen.getByRole('status').textContent).toContain('captures nothing');
    fireEvent.click(screen.getByLabelText(/Capture on all sites/));
    expect(a.chooseAllSites).toHaveBeenCalledTimes(1);
  });

  it('lists granted sites and offers the sites of captured logins and of this tab', () => {
    const a = actions();
    render(<SiteAccessPage state={state(['http://127.0.0.1/*'], { tab: { id: 3, title: 'Portal', url: 'https://portal.example/' } })} actions={a} />);
    expect(screen.getByRole('button', { name: 'Remove http://127.0.0.1' })).toBeTruthy();
    // The provider is granted already; the app is offered.
    expect(screen.queryByRole('button', { name: `Allow ${AS}` })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Allow ${APP}` }));
    expect(a.allow).toHaveBeenLastCalledWith(['http://localhost/*']);
    fireEvent.click(screen.getByRole('button', { name: /Allow this tab's sites \(2\)/ }));
    expect(a.allow).toHaveBeenLastCalledWith(['https://portal.example/*', 'http://localhost/*']);
  });
});

describe('the panel on limited site access', () => {
  it('says plainly that nothing is captured, and links to site access', () => {
    const onSiteAccess = vi.fn();
    render(<App data={EMPTY_DATA} status={{ paused: false, preserve: false, connection: 'live', siteAccess: siteAccessOf([]) }} actions={{ onSiteAccess }} />);
    expect(screen.getByText(/has no site access, so it captures nothing/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Site access…' }));
    expect(onSiteAccess).toHaveBeenCalledTimes(1);
  });
});
