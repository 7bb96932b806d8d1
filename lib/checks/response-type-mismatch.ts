import { defineCheck } from './types';

type Part = 'code' | 'id_token' | 'token';
const PARTS: readonly Part[] = ['code', 'id_token', 'token'];
const PARAM: Record<Part, string> = { code: 'code', id_token: 'id_token', token: 'access_token' };

/**
 * MRT §5, RFC 6749 §4.1.2, §4.2.2: a success response carries exactly what response_type asked
 * for. Error responses carry none of it and are left to the error checks.
 */
export default defineCheck({
  section: 'callback',
  severity: 'error',
  title: 'Callback does not fit the requested response_type',
  refs: [{ spec: 'MRT', section: '5' }, { spec: 'RFC 6749', section: '4.1.2' }, { spec: 'RFC 6749', section: '4.2.2' }],
  cause: 'Provider settings (implicit or hybrid disabled or enabled), or a library sending a different response_type than intended.',
  fix: 'Make the requested response_type match the client registration and what the library expects.',
  messages: {
    mismatch: 'response_type "{responseType}" was requested but the callback ({location}) returned {returned}: {parts}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const cb = flow.callback;
    if (!a || !cb || cb.error !== null || a.responseType === null) return;
    const requested = new Set(a.responseType.split(' ').filter(Boolean));
    const got: Record<Part, boolean> = { code: cb.code !== null, id_token: cb.idToken !== null, token: cb.accessToken !== null };
    const missing = PARTS.filter((p) => requested.has(p) && !got[p]);
    const extra = PARTS.filter((p) => !requested.has(p) && got[p]);
    if (missing.length === 0 && extra.length === 0) return;
    const returned = PARTS.filter((p) => got[p]).map((p) => PARAM[p]);
    const parts = [
      missing.length ? `missing ${missing.map((p) => PARAM[p]).join(', ')}` : '',
      extra.length ? `unrequested ${extra.map((p) => PARAM[p]).join(', ')}` : '',
    ].filter(Boolean);
    ctx.report({
      step: cb.step,
      messageId: 'mismatch',
      data: { responseType: a.responseType, location: cb.location, returned: returned.join(', ') || 'no response parameters', parts: parts.join('; ') },
      evidence: [{ label: 'response parameters', value: returned.join(' ') || '(none)', expected: PARTS.filter((p) => requested.has(p)).map((p) => PARAM[p]).join(' '), step: cb.step }],
    });
  },
});
