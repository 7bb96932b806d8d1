import { expect } from 'vitest';
import check from '../../lib/checks/token-response-cacheable';
import type { CapturedEvent } from '../../lib/model/event';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

function cacheControl(value: string | null): CapturedEvent[] {
  const headers = [{ name: 'Content-Type', value: 'application/json' }, ...(value === null ? [] : [{ name: 'Cache-Control', value }])];
  return codeFlow({ exchange: 'browser' }).map((e) => (e.kind === 'request' && e.url.endsWith('/token') ? { ...e, responseHeaders: headers } : e));
}

describeCheck(check, {
  fires: [
    { name: 'no Cache-Control', events: cacheControl(null), expect: (f) => expect(f[0]?.message).toContain('no Cache-Control header') },
    { name: 'max-age instead of no-store', events: cacheControl('private, max-age=300'), expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'private, max-age=300', expected: 'no-store' }) },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'no-store', events: codeFlow({ exchange: 'browser' }) },
    { name: 'no-store among other directives', events: cacheControl('no-cache, no-store, must-revalidate') },
    { name: 'error response', events: codeFlow({ exchange: 'browser', tokenStatus: 400, tokenResponse: { error: 'invalid_grant' } }).map((e) => (e.kind === 'request' && e.url.endsWith('/token') ? { ...e, responseHeaders: [] } : e)) },
  ],
});
