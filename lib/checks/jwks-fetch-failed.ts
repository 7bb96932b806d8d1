import { metadataFetchCheck } from './support/metadata-fetch-check';

/** OIDC-Disc §3: `jwks_uri` must serve a JWK Set, i.e. a JSON object with a `keys` array (RFC 7517 §5). */
export default metadataFetchCheck({
  documents: (analysis) => analysis.jwks,
  shape: (json) => (Array.isArray(json.keys) ? null : 'the JSON has no "keys" array'),
  urlLabel: 'jwks_uri',
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'The JWKS (signing keys) could not be loaded',
  refs: [{ spec: 'OIDC-Disc', section: '3' }],
  cause: 'A wrong jwks_uri (tenant or realm), a network or CORS failure, or an endpoint that does not serve a JWK Set.',
  fix: 'Use the jwks_uri from the discovery document of the right issuer; for SPAs, check that the provider serves it with CORS for this origin.',
  messages: {
    fetchFailed: 'Loading the signing keys from {url} failed: {reason}. ID Token signatures cannot be verified without them.',
  },
});
