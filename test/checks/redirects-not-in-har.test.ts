import { expect } from 'vitest';
import check from '../../lib/checks/redirects-not-in-har';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { foldedBySafari, loginWithFoldedCallback } from '../support/folded-har';

describeCheck(check, {
  fires: [
    {
      name: "a login from Safari's HAR export (its events marked at import)",
      events: foldedBySafari(codeFlow()),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.severity).toBe('info');
        expect(f[0]?.message).toContain("Safari's Web Inspector");
        expect(f[0]?.message).toContain('the redirect hops of this login are not in it');
      },
    },
    {
      name: 'the callback folded into the chain that came back to the app: named, with where the browser came back',
      events: foldedBySafari(loginWithFoldedCallback()),
      expect: (f) => {
        expect(f).toHaveLength(1);
        expect(f[0]?.message).toContain('the callback to https://app.example.com/callback is in no entry');
        expect(f[0]?.evidence).toEqual([{ label: 'came back to the app at', value: 'POST https://app.example.com/' }]);
      },
    },
  ],
  silent: [
    { name: 'a Chrome or Firefox HAR, or a live capture (nothing marked)', events: codeFlow() },
    { name: 'the same unmarked events without a callback', events: loginWithFoldedCallback() },
  ],
});
