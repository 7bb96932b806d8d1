import { describe, expect, it } from 'vitest';
import type { FlowReport, StepReport } from '../../lib/model/analysis';
import { sitesOfFlow, sitesOfTab, sitesOutsideAccess, sitesToOffer } from '../../lib/site-access/flow-sites';
import { siteAccessNotice } from '../../lib/site-access/notice';
import { siteAccessOf } from '../../lib/site-access/patterns';

const AS = 'http://127.0.0.1:4000';
const APP = 'http://localhost:3000';

function step(kind: StepReport['kind'], url: string, tabId = 7): StepReport {
  return { kind, method: 'GET', url, status: 302, time: 1767225600000, observed: true, tabId, frameId: 0, context: 'top', eventId: null };
}

function flow(steps: StepReport[], issuer: string | null = AS): FlowReport {
  return { id: 'f1', grant: 'authorization_code', clientId: 'app', issuer, redirectUri: `${APP}/cb`, outcome: 'success', startTime: 1767225600000, steps, findings: [] };
}

const login = flow([
  step('app', `${APP}/login`),
  step('authorize', `${AS}/auth?client_id=app&redirect_uri=${encodeURIComponent(`${APP}/cb`)}`),
  step('login', `${AS}/interaction/1`),
  step('callback', `${APP}/cb?code=1`),
  step('token', `${AS}/token`),
]);

describe('sites of a login', () => {
  it('names the identity provider and the app, one entry per host', () => {
    expect(sitesOfFlow(login)).toEqual([
      { label: AS, pattern: 'http://127.0.0.1/*', role: 'identity provider' },
      { label: APP, pattern: 'http://localhost/*', role: 'app' },
    ]);
  });

  it('sees the app through redirect_uri even when none of its steps was captured', () => {
    const partial = flow([step('authorize', `${AS}/auth?redirect_uri=${encodeURIComponent(`${APP}/cb`)}`)], null);
    expect(sitesOfFlow({ ...partial, redirectUri: null }).map((s) => s.label)).toEqual([AS, APP]);
  });

  it('says which sites are outside site access, and nothing on all sites', () => {
    expect(sitesOutsideAccess(login, siteAccessOf(['http://127.0.0.1/*'])).map((s) => s.label)).toEqual([APP]);
    expect(sitesOutsideAccess(login, siteAccessOf(['http://127.0.0.1/*', 'http://localhost/*']))).toEqual([]);
    expect(sitesOutsideAccess(login, siteAccessOf(['*://*/*']))).toEqual([]);
  });

  it('offers the sites of captured logins that are not granted, and a tab\'s own sites', () => {
    expect(sitesToOffer([login], siteAccessOf(['http://localhost/*'])).map((s) => s.pattern)).toEqual(['http://127.0.0.1/*']);
    expect(sitesOfTab({ id: 7, url: 'https://portal.example/home' }, [login]).map((s) => s.pattern)).toEqual([
      'https://portal.example/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
    expect(sitesOfTab({ id: 8, url: `${APP}/` }, [login]).map((s) => s.pattern)).toEqual(['http://localhost/*']);
  });
});

describe('the panel notice', () => {
  it('says plainly when a login touched a site not in the list', () => {
    const notice = siteAccessNotice(siteAccessOf(['http://127.0.0.1/*']), login);
    expect(notice).toContain('not in your site access list');
    expect(notice).toContain(`${APP} (app)`);
    expect(notice).not.toContain(AS);
  });

  it('says when nothing is captured at all, and is silent when all is covered', () => {
    expect(siteAccessNotice(siteAccessOf([]), undefined)).toContain('captures nothing');
    expect(siteAccessNotice(siteAccessOf(['*://*/*']), login)).toBeNull();
    expect(siteAccessNotice(siteAccessOf(['http://127.0.0.1/*', 'http://localhost/*']), login)).toBeNull();
    expect(siteAccessNotice(undefined, login)).toBeNull();
  });
});
