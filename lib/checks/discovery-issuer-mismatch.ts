import { safeUrl } from '../flow/params';
import { describeDifference } from './support/describe-difference';
import { isMetadataUrl, ownerFlow, requestEvent } from './support/metadata-fetch';
import { defineCheck } from './types';

/**
 * The issuers a metadata URL may belong to. OIDC-Disc §4.1 appends the well-known path to the
 * issuer; RFC 8414 §3.1 inserts it between host and issuer path. Both remove a terminating "/"
 * of the issuer first, so an issuer with a trailing slash yields the same URL (Auth0 does this).
 */
export function issuersFor(url: string): string[] {
  const u = safeUrl(url);
  const m = u ? /^(.*?)\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(\/.*)?$/.exec(u.pathname) : null;
  if (!u || !m) return [];
  const appended = m[1] ?? '';
  const inserted = m[2] ?? '';
  const bases = new Set([`${u.origin}${appended}${inserted}`]);
  if (appended && inserted) bases.add(`${u.origin}${inserted}`).add(`${u.origin}${appended}`);
  return [...bases].flatMap((b) => [b, `${b}/`]);
}

/** OIDC-Disc §4.3; RFC 8414 §3.3: the `issuer` in the document must equal the issuer it was fetched for. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'error',
  title: 'Discovery issuer differs from the URL it was fetched from',
  refs: [{ spec: 'OIDC-Disc', section: '4.3' }, { spec: 'RFC 8414', section: '3.3' }],
  cause: 'The authority is configured with the wrong host or path, a proxy rewrites hosts, or a trailing slash differs.',
  fix: 'Configure the authority as the exact issuer the document publishes; behind proxies, make the server publish its public URL.',
  messages: {
    issuerMismatch: 'The discovery document fetched from {url} says issuer "{issuer}", but that URL belongs to issuer "{nearest}" ({difference}). Clients must reject such metadata, and ID Token iss checks will fail against one of the two.',
  },
  run(flow, ctx) {
    for (const doc of ctx.analysis.discovery) {
      if (!isMetadataUrl(doc.url) || doc.issuer === null) continue;
      const event = requestEvent(ctx.analysis, doc.eventId);
      const owner = event ? ownerFlow(ctx.analysis, event) : null;
      if (!owner || owner.flow !== flow) continue;
      const expected = issuersFor(doc.url);
      if (expected.length === 0 || expected.includes(doc.issuer)) continue;
      const nearest = expected[0]!;
      const step = owner.step === null ? {} : { step: owner.step };
      ctx.report({
        step: owner.step,
        messageId: 'issuerMismatch',
        data: { url: doc.url, issuer: doc.issuer, nearest, difference: String(describeDifference(doc.issuer, nearest)) },
        evidence: [{ label: 'issuer', value: doc.issuer, expected: nearest, ...step }],
      });
    }
  },
});
