import { SignJWT } from 'jose';
import type { CapturedEvent } from '../../lib/model/event';
import { AS, APP, CLIENT_ID, codeFlow, hop, REDIRECT_URI } from '../support/events';

/** Secrets planted in every place docs/trace-format.md "What is redacted" lists, so a test can prove none survives. */
export interface Planted {
  code: string;
  state: string;
  nonce: string;
  verifier: string;
  accessToken: string;
  refreshToken: string;
  clientSecret: string;
  password: string;
  cookie: string;
  email: string;
  sub: string;
}

const HS_KEY = new TextEncoder().encode('test-only-hmac-key-for-fixtures-0123456789');

export async function plantedFlow(p: Planted): Promise<{ events: CapturedEvent[]; idToken: string }> {
  const idToken = await new SignJWT({ iss: AS, aud: CLIENT_ID, sub: p.sub, nonce: p.nonce, email: p.email, iat: 1, exp: 2 })
    .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
    .sign(HS_KEY);
  const events = codeFlow({
    authorizeParams: { state: p.state, nonce: p.nonce, code_challenge: null, code_challenge_method: null, login_hint: p.email },
    callbackParams: { code: p.code },
    exchange: 'browser',
    tokenForm: { code: p.code, code_verifier: p.verifier },
    tokenResponse: { access_token: p.accessToken, refresh_token: p.refreshToken, id_token: idToken, token_type: 'Bearer', expires_in: 300 },
  });
  for (const e of events) {
    if (e.kind !== 'request') continue;
    if (e.url.includes('/interaction/abc/login')) e.requestBody = { kind: 'form', fields: [{ name: 'login', value: p.email }, { name: 'password', value: p.password }] };
    if (e.url.startsWith(REDIRECT_URI)) {
      e.requestHeaders = [{ name: 'Referer', value: `${AS}/authorize/abc?login_hint=${encodeURIComponent(p.email)}` }];
      e.responseHeaders = [{ name: 'Set-Cookie', value: `session=${p.cookie}; Path=/; Secure; HttpOnly; SameSite=Lax` }];
    }
    if (e.url === `${AS}/token`) {
      e.requestHeaders = [...(e.requestHeaders ?? []), { name: 'Authorization', value: `Basic ${btoa(`${CLIENT_ID}:${p.clientSecret}`)}` }];
    }
  }
  events.push(
    hop({
      url: `${AS}/me`,
      type: 'xmlhttprequest',
      time: 1_700_000_003_000,
      requestHeaders: [{ name: 'Authorization', value: `Bearer ${p.accessToken}` }, { name: 'Cookie', value: `session=${p.cookie}` }],
      responseJson: { sub: p.sub, email: p.email, name: 'Planted Person' },
    }),
    hop({
      url: `${APP}/error?error_description=${encodeURIComponent(`user ${p.email} not allowed`)}`,
      time: 1_700_000_004_000,
      responseText: `<p>Denied for ${p.email}</p><script>var t = "${idToken}";</script>`,
      error: `net::ERR_FAILED at ${REDIRECT_URI}?code=${p.code}`,
    }),
  );
  return { events, idToken };
}

/** Every form a planted value could leak in: raw, percent-encoded, base64 of Basic credentials. */
export function leakForms(p: Planted, idToken: string): string[] {
  const raw = Object.values(p);
  return [
    ...raw,
    ...raw.map((v) => encodeURIComponent(v)),
    btoa(`${CLIENT_ID}:${p.clientSecret}`),
    idToken,
    ...idToken.split('.').filter((s) => s.length > 8),
  ];
}
