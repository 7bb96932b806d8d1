import { expect } from 'vitest';
import check from '../../lib/checks/error-response-temporarily-unavailable';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { callbackError, resourceCall, tokenError } from '../support/error-flows';

describeCheck(check, {
  fires: [
    { name: 'callback error=temporarily_unavailable', events: callbackError('temporarily_unavailable', 'Maintenance'), expect: (f) => expect(f[0]?.severity).toBe('warning') },
    {
      name: 'token endpoint 429 with Retry-After and no error body',
      events: codeFlow({ exchange: 'browser', tokenStatus: 429, tokenResponse: { message: 'slow down' } }).map((e) =>
        e.kind === 'request' && e.url.endsWith('/token') ? { ...e, responseHeaders: [...(e.responseHeaders ?? []), { name: 'Retry-After', value: '30' }] } : e,
      ),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('HTTP 429 Too Many Requests (rate limited); Retry-After: 30');
      },
    },
    { name: 'token endpoint 503 with the error value: reported once', events: tokenError({ error: 'temporarily_unavailable' }, 503), expect: (f) => expect(f).toHaveLength(1) },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'a resource server 503 is not the authorization server', events: resourceCall(503, []) },
  ],
});
