import type { IncomingMessage } from 'node:http';
import { randomToken } from './rp-oidc';
import { parseCookies } from './http-util';

/**
 * The sample app's server-side state. A browser is identified by the `rp_sid` cookie
 * (SameSite=Lax, HttpOnly); login transactions are kept per state value, as RFC 9700 §4.7.1
 * and docs/checks.md `state-mismatch` recommend — except in the deliberately broken "single slot"
 * scenario, which keeps one current transaction and so lets a second tab overwrite the first.
 */
export interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  clientId: string;
  createdAt: number;
}

export interface Session {
  sub: string;
  claims: Record<string, unknown>;
  idToken: string;
  scope: string;
  via: string;
}

export const SID_COOKIE = 'rp_sid';
export const FORM_TX_COOKIE = 'rp_form_tx';

interface BrowserState {
  transactions: Map<string, Transaction>;
  slot: Transaction | null;
  session: Session | null;
}

export class RpStore {
  readonly #browsers = new Map<string, BrowserState>();

  /** The browser's id from its cookie, or a new one the caller must set with `sidCookie`. */
  browserId(req: IncomingMessage): { sid: string; isNew: boolean } {
    const sid = parseCookies(req).get(SID_COOKIE);
    if (sid && this.#browsers.has(sid)) return { sid, isNew: false };
    const fresh = randomToken();
    this.#browsers.set(fresh, { transactions: new Map(), slot: null, session: null });
    return { sid: fresh, isNew: true };
  }

  /** The browser id only if the request carried a known cookie (no new id is made). */
  existingBrowser(req: IncomingMessage): string | null {
    const sid = parseCookies(req).get(SID_COOKIE);
    return sid && this.#browsers.has(sid) ? sid : null;
  }

  addTransaction(sid: string, tx: Transaction): void {
    this.#state(sid).transactions.set(tx.state, tx);
  }

  setSlot(sid: string, tx: Transaction): void {
    this.#state(sid).slot = tx;
  }

  /** Takes (and removes: state is single-use) the transaction for `state`, from the map or the slot. */
  takeTransaction(sid: string, state: string): Transaction | null {
    const browser = this.#state(sid);
    const tx = browser.transactions.get(state);
    if (tx) {
      browser.transactions.delete(state);
      return tx;
    }
    if (browser.slot?.state === state) {
      const slot = browser.slot;
      browser.slot = null;
      return slot;
    }
    return null;
  }

  setSession(sid: string, session: Session | null): void {
    this.#state(sid).session = session;
  }

  session(sid: string | null): Session | null {
    return sid ? (this.#browsers.get(sid)?.session ?? null) : null;
  }

  #state(sid: string): BrowserState {
    const state = this.#browsers.get(sid);
    if (!state) throw new Error('unknown browser id');
    return state;
  }
}

export function sidCookie(sid: string): string {
  return `${SID_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`;
}
