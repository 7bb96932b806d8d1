import { describe, expect, it } from 'vitest';
import check, { issuersFor } from '../../lib/checks/discovery-issuer-mismatch';
import { describeCheck } from '../support/check-cases';
import { AS, codeFlow } from '../support/events';
import { metadata, metadataFetch } from '../support/metadata';

describeCheck(check, {
  fires: [
    {
      name: 'issuer with another host (proxy rewrite)',
      events: [metadataFetch({ json: metadata({ issuer: 'http://keycloak:8080/realms/acme' }) }), ...codeFlow()],
      expect: (f) => {
        expect(f[0]?.severity).toBe('error');
        expect(f[0]?.evidence[0]).toMatchObject({ value: 'http://keycloak:8080/realms/acme', expected: AS });
        expect(f[0]?.message).toContain('http vs https');
      },
    },
    {
      name: 'path differs (realm)',
      events: [metadataFetch({ url: `${AS}/realms/acme/.well-known/openid-configuration`, json: metadata({ issuer: `${AS}/realms/other` }) }), ...codeFlow()],
      expect: (f) => expect(f[0]?.message).toContain('path /realms/other vs /realms/acme'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'issuer equals the fetch URL prefix', events: [metadataFetch({ json: metadata() }), ...codeFlow()] },
    { name: 'Auth0-style trailing slash issuer', events: [metadataFetch({ json: metadata({ issuer: `${AS}/` }) }), ...codeFlow()] },
    { name: 'RFC 8414 path insertion', events: [metadataFetch({ url: `${AS}/.well-known/oauth-authorization-server/tenant1`, json: metadata({ issuer: `${AS}/tenant1` }) }), ...codeFlow()] },
    { name: 'fetch failed: nothing to compare', events: [metadataFetch({ status: 404 }), ...codeFlow()] },
  ],
});

describe('issuersFor', () => {
  it('knows the OIDC suffix form and the RFC 8414 insertion form', () => {
    expect(issuersFor('https://a.example/t/v2.0/.well-known/openid-configuration?appid=1')).toContain('https://a.example/t/v2.0');
    expect(issuersFor('https://a.example/.well-known/oauth-authorization-server/x')).toContain('https://a.example/x');
    expect(issuersFor('https://a.example/.well-known/openid-configuration')).toEqual(['https://a.example', 'https://a.example/']);
    expect(issuersFor('not a url')).toEqual([]);
  });
});
