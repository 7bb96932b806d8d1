import type { CapturedEvent } from '../../lib/model/event';
import { APP, AS, chain, hop } from './events';

const T = 1_700_000_100_000;
export const LOGGED_OUT = `${APP}/logged-out`;
export const LOGOUT_STATE = 'bG9nb3V0LXN0YXRlLTEyMzQ1Njc4';

export interface LogoutOptions {
  params?: Record<string, string | null>;
  /** What the server does: redirect back (with this query), or stay on a page with this status. */
  back?: { query?: string } | { stayStatus: number; body?: string };
}

/** RP-initiated logout (RPLogout §2): app /logout → end_session_endpoint → post_logout_redirect_uri. */
export function logoutFlow(options: LogoutOptions = {}): CapturedEvent[] {
  const params: Record<string, string> = {};
  const base: Record<string, string | null> = { id_token_hint: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', post_logout_redirect_uri: LOGGED_OUT, state: LOGOUT_STATE, ...options.params };
  for (const [k, v] of Object.entries(base)) if (v !== null) params[k] = v;
  const endSession = `${AS}/session/end?${new URLSearchParams(params).toString()}`;
  const back = options.back ?? { query: `state=${encodeURIComponent(params.state ?? '')}` };
  if ('stayStatus' in back) {
    return [
      ...chain([
        { url: `${APP}/logout`, time: T },
        { url: endSession, time: T + 50, status: back.stayStatus, ...(back.body ? { responseText: back.body } : {}) },
      ]),
    ];
  }
  return chain([
    { url: `${APP}/logout`, time: T },
    { url: endSession, time: T + 50 },
    { url: `${LOGGED_OUT}${back.query ? `?${back.query}` : ''}`, time: T + 100 },
  ]);
}

/** A later, separate navigation in the same tab (e.g. after a confirmation prompt). */
export function laterVisit(url: string, after = 30_000): CapturedEvent {
  return hop({ url, time: T + after });
}

