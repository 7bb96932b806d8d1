import type { CapturedEvent } from '../../lib/model/event';
import { APP, authorizeUrl, CHALLENGE, CLIENT_ID, hop, REDIRECT_URI, STATE } from './events';

/** Events as a HAR import marks them when the recorder folds redirect chains (Safari's Web Inspector). */
export function foldedBySafari(events: CapturedEvent[]): CapturedEvent[] {
  return events.map((e) => (e.kind === 'request' ? { ...e, redirectsFoldedBy: 'safari' as const } : e));
}

/**
 * A server-side app's login as a HAR that folds redirect chains shows it, before marking: the
 * click on "Log in" is one entry at the authorization URL (its login form), and the login POST,
 * which went login → 302 callback → 302 app page, is one entry "POST <app>/". The callback is in
 * no entry. `lateBy` is how long after the authorization request the app page was loaded.
 */
export function loginWithFoldedCallback(lateBy = 6_000): CapturedEvent[] {
  const t = 1_700_000_000_000;
  const params = { client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', state: STATE, code_challenge: CHALLENGE, code_challenge_method: 'S256' };
  return [
    hop({ url: `${APP}/`, time: t - 3_000 }),
    hop({ url: authorizeUrl(params), time: t }),
    hop({ url: `${APP}/`, method: 'POST', time: t + lateBy, form: { username: 'alice', password: 'pw' } }),
  ];
}
