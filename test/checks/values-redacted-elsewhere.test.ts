import { expect } from 'vitest';
import check from '../../lib/checks/values-redacted-elsewhere';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'state and code_challenge replaced by a HAR sanitizer',
      events: codeFlow({ authorizeParams: { state: '[state redacted]', code_challenge: '[code_challenge redacted]' }, callbackParams: { state: '[state redacted]' } }),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toBe("state, code_challenge were redacted in this HAR by a HAR sanitizer (Google's or Cloudflare's har-sanitizer): not checked.");
      },
    },
    {
      name: 'a code replaced with *** by hand',
      events: codeFlow({ callbackParams: { code: '***' } }),
      expect: (f) => expect(f[0]?.message).toBe('code was redacted in this HAR by hand redaction (*** or xxx): not checked.'),
    },
  ],
  silent: [{ name: 'a raw capture', events: codeFlow() }],
});
