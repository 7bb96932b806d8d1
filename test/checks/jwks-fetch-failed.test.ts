import { expect } from 'vitest';
import check from '../../lib/checks/jwks-fetch-failed';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow } from '../support/events';
import { JWKS, metadata, metadataFetch } from '../support/metadata';

const doc = metadataFetch({ json: metadata() });
const keys = (init: Parameters<typeof metadataFetch>[0]) => metadataFetch({ url: `${AS}/jwks`, time: 1_700_000_003_000, ...init });

describeCheck(check, {
  fires: [
    { name: 'jwks_uri answers 500', events: [doc, ...codeFlow(), keys({ status: 500, json: { error: 'boom' } })], expect: (f) => expect(f[0]?.message).toContain('HTTP 500') },
    { name: 'JSON without keys', events: [doc, ...codeFlow(), keys({ json: { key: 'x' } })], expect: (f) => expect(f[0]?.message).toContain('no "keys" array') },
    { name: 'CORS failure on the jwks_uri', events: [doc, ...codeFlow(), keys({ error: 'net::ERR_FAILED' })] },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'keys loaded', events: [doc, ...codeFlow(), keys({ json: JWKS })] },
    { name: 'body not captured', events: [doc, ...codeFlow(), keys({})] },
  ],
});
