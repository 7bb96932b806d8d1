import { expect } from 'vitest';
import check from '../../lib/checks/discovery-fetch-failed';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow } from '../support/events';
import { metadata, metadataFetch } from '../support/metadata';

describeCheck(check, {
  fires: [
    {
      name: '404 for a wrong realm',
      events: [metadataFetch({ url: `${AS}/realms/wrong/.well-known/openid-configuration`, status: 404, text: '<html>Not Found</html>' }), ...codeFlow()],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('HTTP 404');
        expect(f[0]?.step).not.toBeNull();
      },
    },
    { name: 'CORS failure', events: [metadataFetch({ error: 'net::ERR_FAILED' }), ...codeFlow()], expect: (f) => expect(f[0]?.message).toContain('network or CORS error (net::ERR_FAILED)') },
    { name: '200 with an HTML login page', events: [metadataFetch({ text: '<!doctype html><title>Sign in</title>' }), ...codeFlow()], expect: (f) => expect(f[0]?.message).toContain('not a JSON object') },
    { name: '200 JSON error object without issuer', events: [metadataFetch({ json: { error: 'tenant not found' } }), ...codeFlow()] },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean metadata', events: [metadataFetch({ json: metadata() }), ...codeFlow()] },
    { name: 'body not captured: unknown, silent', events: [metadataFetch({}), ...codeFlow()] },
    { name: '304 revalidation', events: [metadataFetch({ status: 304 }), ...codeFlow()] },
  ],
});
