import { expect } from 'vitest';
import check from '../../lib/checks/discovery-endpoint-mismatch';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow } from '../support/events';
import { callbackError } from '../support/error-flows';
import { metadata, metadataFetch } from '../support/metadata';

const TENANT = `${AS}/contoso`;

describeCheck(check, {
  fires: [
    {
      name: 'authorize goes to a hard-coded path, not the published one',
      events: [metadataFetch({ json: metadata({ authorization_endpoint: `${TENANT}/oauth2/v2.0/authorize`, token_endpoint: `${TENANT}/oauth2/v2.0/token` }) }), ...codeFlow()],
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.evidence[0]).toMatchObject({ value: `${AS}/authorize`, expected: `${TENANT}/oauth2/v2.0/authorize` });
      },
    },
    {
      name: 'token request to another path than token_endpoint',
      events: [metadataFetch({ json: metadata({ token_endpoint: `${AS}/oauth2/v2.0/token` }) }), ...codeFlow({ exchange: 'browser' })],
      expect: (f) => expect(f[0]?.message).toContain(`token_endpoint ${AS}/oauth2/v2.0/token`),
    },
    { name: 'Entra names the mismatch: AADSTS50194', events: callbackError('invalid_request', "AADSTS50194: Application 'x' is not configured as a multi-tenant application."), expect: (f) => expect(f[0]?.message).toContain('single-tenant') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'endpoints as published', events: [metadataFetch({ json: metadata() }), ...codeFlow({ exchange: 'browser' })] },
    {
      name: 'a document of another issuer on the same host that this flow did not load',
      events: [...codeFlow(), metadataFetch({ url: `${AS}/realms/other/.well-known/openid-configuration`, time: 1_700_000_000_000 + 20 * 60_000, json: metadata({ issuer: `${AS}/realms/other`, authorization_endpoint: `${AS}/realms/other/auth` }) })],
    },
  ],
});
