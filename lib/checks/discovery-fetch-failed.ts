import { isMetadataUrl } from './support/metadata-fetch';
import { metadataFetchCheck } from './support/metadata-fetch-check';

/** OIDC-Disc §4; RFC 8414 §3: the metadata request must answer 200 with a JSON object carrying `issuer`. */
export default metadataFetchCheck({
  documents: (analysis) => analysis.discovery.filter((doc) => isMetadataUrl(doc.url)),
  shape: (json) => (typeof json.issuer === 'string' ? null : 'the JSON has no "issuer" member, so it is not a metadata document'),
  urlLabel: 'discovery URL',
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'The discovery document could not be loaded',
  refs: [{ spec: 'OIDC-Disc', section: '4' }, { spec: 'RFC 8414', section: '3' }, { spec: 'RFC 9700', section: '2.6' }],
  cause: 'A wrong authority URL, a wrong tenant or realm, or CORS not enabled for the app origin on the metadata endpoint.',
  fix: 'Check the authority URL (it must be the issuer exactly); for SPAs, check that the provider serves metadata with CORS for this origin.',
  messages: {
    fetchFailed: 'Loading the discovery document {url} failed: {reason}. Without it the client cannot learn the endpoints and keys of the authorization server.',
  },
});
