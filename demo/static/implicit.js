import { discover, finish, log } from './spa-lib.js';

// Legacy implicit flow: the tokens arrive in the fragment (OIDC-Core §3.2.2.5).
const params = new URLSearchParams(location.hash.slice(1));
history.replaceState(null, '', location.pathname); // drop the tokens from the address bar and history

try {
  if (params.get('error')) throw new Error(`provider answered ${params.get('error')}`);
  const res = await fetch('/implicit/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: params.get('state'), id_token: params.get('id_token') }),
  });
  const session = await res.json();
  if (!res.ok) throw new Error(session.error);
  log(`session created for ${session.sub}`);
  const meta = await discover();
  const info = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${params.get('access_token')}` } });
  if (!info.ok) throw new Error(`userinfo failed: HTTP ${info.status}`);
  const user = await info.json();
  finish('success', `Hello ${user.name ?? user.sub} (${user.email ?? 'no email'})`);
} catch (e) {
  finish('error', String(e));
}
