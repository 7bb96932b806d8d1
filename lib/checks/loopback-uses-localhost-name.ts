import { originOf, safeUrl } from '../flow/params';
import { defineCheck } from './types';

/**
 * RFC 8252 §8.3: a native app's loopback redirect should use the IP literal, because the name
 * `localhost` may resolve to another interface or be intercepted. A web app served from that
 * same localhost origin (a dev server) started the login itself, so the hint does not apply.
 */
export default defineCheck({
  section: 'authorize-request',
  severity: 'info',
  title: 'Loopback redirect uses the name localhost',
  refs: [{ spec: 'RFC 8252', section: '7.3' }, { spec: 'RFC 8252', section: '8.3' }],
  cause: 'The name may resolve to a different interface, or be intercepted by a firewall.',
  fix: 'Prefer http://127.0.0.1:{port} or http://[::1]:{port}; the authorization server should accept any port for loopback.',
  messages: {
    localhostName: 'The loopback redirect_uri "{redirectUri}" uses the name localhost; a native or CLI app should listen on and send the IP literal (http://127.0.0.1{port}{pathname}).',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const u = a?.redirectUri ? safeUrl(a.redirectUri) : null;
    if (!a || !u || u.hostname.toLowerCase() !== 'localhost') return;
    const redirectOrigin = originOf(u.href);
    const startedBySameOrigin = flow.steps.slice(0, a.step).some((s) => s.kind === 'app' && originOf(s.url) === redirectOrigin);
    if (startedBySameOrigin) return;
    const port = u.port ? `:${u.port}` : '';
    ctx.report({
      step: a.step,
      messageId: 'localhostName',
      data: { redirectUri: String(a.redirectUri), port, pathname: u.pathname },
      evidence: [{ label: 'redirect_uri host', value: 'localhost', expected: '127.0.0.1 or [::1]', step: a.step }],
    });
  },
});
