import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_IDS, DECLINING_ACCOUNT, startDemo, TEST_ACCOUNT, type Demo } from '../../demo/index';
import { Walker } from './walker';

// The demo against its real provider, without a browser: redirects followed by hand.

function param(url: string | null, name: string): string | null {
  return url ? new URL(url).searchParams.get(name) : null;
}

describe('demo in automatic-interaction mode', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => {
    await demo.close();
  });

  it('serves discovery with the endpoints the scenarios rely on', async () => {
    const meta = (await (await fetch(`${demo.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(demo.issuer);
    expect(meta.authorization_response_iss_parameter_supported).toBe(true);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta).toHaveProperty('pushed_authorization_request_endpoint');
    expect(meta).toHaveProperty('end_session_endpoint');
    expect(meta).toHaveProperty('userinfo_endpoint');
    expect(meta.response_types_supported).toContain('id_token token');
    expect(new URL(demo.rpAltUrl).hostname).toBe('localhost');
    expect(new URL(demo.rpAltUrl).port).toBe(new URL(demo.rpUrl).port);
  });

  it('logs the test account in through the confidential client and a server-side exchange', async () => {
    const walker = new Walker();
    const hops = await walker.follow(`${demo.rpUrl}/login/web`);
    const authorize = hops[0]!.location!;
    expect(param(authorize, 'client_id')).toBe(CLIENT_IDS.web);
    expect(param(authorize, 'code_challenge_method')).toBe('S256');
    const callback = hops.find((h) => h.url.startsWith(`${demo.rpUrl}/cb/web`))!;
    expect(param(callback.url, 'state')).toBe(param(authorize, 'state'));
    expect(param(callback.url, 'iss')).toBe(demo.issuer);
    expect(param(callback.url, 'code')).toBeTruthy();
    const last = hops.at(-1)!;
    expect(last.url).toBe(`${demo.rpUrl}/profile`);
    expect(last.body).toContain(TEST_ACCOUNT.name);
  });

  it('lists every scenario on the home page and sets the Lax browser cookie', async () => {
    const home = await new Walker().request(`${demo.rpUrl}/`);
    expect(home.status).toBe(200);
    for (const href of ['/login/web', '/spa', '/login/bad-redirect', '/login/denied', '/login/forged-state', '/login/implicit', '/login/par']) {
      expect(home.body).toContain(`href="${href}"`);
    }
    expect(home.body).toContain(`href="${demo.rpAltUrl}/login/form-post"`);
    expect(home.body).toContain(TEST_ACCOUNT.password);
  });

  it('logs out through the end_session endpoint back to the app', async () => {
    const walker = new Walker();
    await walker.follow(`${demo.rpUrl}/login/web`);
    const hops = await walker.follow(`${demo.rpUrl}/logout`);
    expect(hops[0]!.location).toMatch(new RegExp(`^${demo.issuer}/session/end\\?`));
    expect(param(hops[0]!.location, 'id_token_hint')).toBeTruthy();
    const confirm = hops.at(-1)!;
    expect(confirm.body).toContain('op.logoutForm');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1] ?? '';
    const done = await walker.request(`${demo.issuer}/session/end/confirm`, { method: 'POST', form: new URLSearchParams({ xsrf, logout: 'yes' }) });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(new RegExp(`^${demo.rpUrl}/\\?state=`));
  });

  it('answers an unregistered redirect_uri with its own error page and no redirect', async () => {
    const hops = await new Walker().follow(`${demo.rpUrl}/login/bad-redirect`);
    expect(hops).toHaveLength(2);
    expect(hops[1]!.status).toBe(400);
    expect(hops[1]!.location).toBeNull();
    expect(hops[1]!.body).toContain('redirect_uri did not match');
  });

  it('returns access_denied when the declining account is asked for consent', async () => {
    const hops = await new Walker().follow(`${demo.rpUrl}/login/denied`);
    expect(param(hops[0]!.location, 'login_hint')).toBe(DECLINING_ACCOUNT.email);
    const callback = hops.find((h) => h.url.startsWith(`${demo.rpUrl}/cb/web`))!;
    expect(param(callback.url, 'error')).toBe('access_denied');
    expect(param(callback.url, 'state')).toBe(param(hops[0]!.location, 'state'));
  });

  it('rewrites the state on /cb/proxied only, and the app rejects it', async () => {
    const hops = await new Walker().follow(`${demo.rpUrl}/login/forged-state`);
    const callback = hops.find((h) => h.url.startsWith(`${demo.rpUrl}/cb/proxied`))!;
    expect(param(callback.url, 'code')).toBeTruthy();
    expect(param(callback.url, 'state')).not.toBe(param(hops[0]!.location, 'state'));
    expect(callback.status).toBe(400);
    expect(callback.body).toContain('state mismatch');
  });

  it('keeps only client_id and request_uri in the browser for PAR', async () => {
    const hops = await new Walker().follow(`${demo.rpUrl}/login/par`);
    const keys = [...new URL(hops[0]!.location!).searchParams.keys()].sort();
    expect(keys).toEqual(['client_id', 'request_uri']);
    expect(hops.at(-1)!.body).toContain(TEST_ACCOUNT.name);
  });

  it('puts implicit tokens in the fragment of the Location', async () => {
    const hops = await new Walker().follow(`${demo.rpUrl}/login/implicit`);
    const toCallback = hops.find((h) => h.location?.startsWith(`${demo.rpUrl}/implicit/cb`))!;
    const fragment = new URLSearchParams(new URL(toCallback.location!).hash.slice(1));
    expect(fragment.get('access_token')).toBeTruthy();
    expect(fragment.get('id_token')).toBeTruthy();
    expect(fragment.get('state')).toBe(param(hops[0]!.location, 'state'));
  });

  it('drops the form_post transaction when its cookie does not come back', async () => {
    const walker = new Walker();
    const hops = await walker.follow(`${demo.rpUrl}/login/form-post`);
    const form = hops.at(-1)!;
    expect(form.body).toContain('method="post"');
    const fields = new URLSearchParams([...form.body.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&#x2F;/g, '/').replace(/&#x3A;/g, ':')]));
    // Same site: the browser stand-in sends the Lax cookies and the login completes.
    const ok = await walker.request(`${demo.rpUrl}/cb/form`, { method: 'POST', form: fields });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`${demo.rpUrl}/profile`);
    // Cross-site: a fresh stand-in without cookies, as Chromium does for SameSite=Lax on a cross-site POST.
    const dropped = await new Walker().request(`${demo.rpUrl}/cb/form`, { method: 'POST', form: fields });
    expect(dropped.status).toBe(400);
    expect(dropped.body).toContain('rp_form_tx');
  });

  it('allows browser token requests only from the app origins (CORS)', async () => {
    const preflight = (origin: string) =>
      fetch(`${demo.issuer}/token`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=authorization_code&client_id=${CLIENT_IDS.spa}&code=x` });
    expect((await preflight(demo.rpUrl)).headers.get('access-control-allow-origin')).toBe(demo.rpUrl);
    expect((await preflight('http://evil.invalid')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('demo in form-interaction mode', () => {
  it('shows a login form, refuses a wrong password and stops everything on close', async () => {
    const demo = await startDemo({ interaction: 'form' });
    try {
      const walker = new Walker();
      const hops = await walker.follow(`${demo.rpUrl}/login/web`);
      const login = hops.at(-1)!;
      expect(login.url).toMatch(/\/interaction\//);
      expect(login.body).toContain('id="sign-in"');
      const wrong = await walker.request(`${login.url}/login`, { method: 'POST', form: new URLSearchParams({ login: TEST_ACCOUNT.email, password: 'nope' }) });
      expect(wrong.status).toBe(200);
      expect(wrong.body).toContain('Wrong email or password');
      const right = await walker.request(`${login.url}/login`, { method: 'POST', form: new URLSearchParams({ login: TEST_ACCOUNT.email, password: TEST_ACCOUNT.password }) });
      expect(right.status).toBe(303);
      const consent = (await walker.follow(right.location!)).at(-1)!;
      expect(consent.body).toContain('id="deny"');
    } finally {
      await demo.close();
    }
    await expect(fetch(`${demo.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
    await expect(fetch(demo.rpUrl)).rejects.toThrow();
  });
});
