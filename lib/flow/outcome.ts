import type { Finding } from '../model/finding';
import type { Flow, Outcome } from '../model/flow';
import { tokenFailed } from './token-exchange';

/**
 * failed: the server or the checks say it broke (error callback, error page, failed token call,
 * an error-level finding); success: the app got a code or tokens and nothing failed;
 * incomplete: still running, or the capture ends before the callback.
 */
export function decideOutcome(flow: Flow, findings: readonly Finding[]): Outcome {
  if (flow.callback?.error || flow.errorPage !== null) return 'failed';
  // The app's own answer to the callback: an error page means the login failed app-side (§1.3.8).
  const callbackStatus = flow.callback ? flow.steps[flow.callback.step]?.status ?? null : null;
  if (callbackStatus !== null && callbackStatus >= 400) return 'failed';
  if (flow.tokens.some(tokenFailed)) return 'failed';
  if (findings.some((f) => f.severity === 'error')) return 'failed';
  const cb = flow.callback;
  if (cb && (cb.code || cb.idToken || cb.accessToken)) return 'success';
  if (!flow.authorize && flow.tokens.length > 0) return 'success';
  if (flow.steps.some((s) => s.kind === 'logout') && flow.steps.length > 1) return 'success';
  return 'incomplete';
}
