import type { DiscoveryDoc } from '../model/analysis-context';
import { originOf, stringField, urlBase } from '../flow/params';
import type { Flow } from '../model/flow';
import { errorsIn } from './support/error-responses';
import { isMetadataUrl } from './support/metadata-fetch';
import { defineCheck } from './types';

/** Metadata of the flow's server: same origin, and fetched within this flow or naming the callback's `iss`. */
function tiedDocs(flow: Flow, docs: readonly DiscoveryDoc[]): DiscoveryDoc[] {
  const inFlow = new Set(flow.steps.map((s) => s.event?.id));
  return docs.filter(
    (d) => d.document !== null && isMetadataUrl(d.url) && originOf(d.url) === flow.serverOrigin && (inFlow.has(d.eventId) || (d.issuer !== null && d.issuer === flow.callback?.iss)),
  );
}

/** RFC 8414 §2; RFC 9700 §2.6, §4.4: use the endpoints the issuer publishes, not hard-coded ones. */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'warning',
  title: 'Requests go to endpoints other than the ones discovery publishes',
  refs: [{ spec: 'RFC 9700', section: '2.6' }, { spec: 'RFC 9700', section: '4.4' }, { spec: 'RFC 8414', section: '2' }],
  cause: 'Hard-coded endpoints, a stale configuration, or a mix-up: Entra v1 vs v2 paths, another tenant, /common vs a tenant id.',
  fix: 'Take the endpoints from the discovery document of the issuer you configured.',
  messages: {
    endpointMismatch: 'The {endpoint} request went to {sent}, but the discovery document of issuer {issuer} publishes {field} {published}.',
    providerCode: '{code} ({provider}): {meaning}.{note}',
  },
  run(flow, ctx) {
    const docs = tiedDocs(flow, ctx.analysis.discovery);
    const compare = (field: 'authorization_endpoint' | 'token_endpoint', step: number) => {
      const url = flow.steps[step]?.url;
      const sent = url ? urlBase(url) : null;
      const published = docs.map((d) => ({ d, e: stringField(d.document, field) })).filter((x): x is { d: DiscoveryDoc; e: string } => x.e !== null);
      if (!sent || published.length === 0 || published.some((x) => urlBase(x.e) === sent)) return;
      const { d, e } = published[published.length - 1]!;
      ctx.report({
        step,
        messageId: 'endpointMismatch',
        data: { endpoint: field === 'token_endpoint' ? 'token' : 'authorization', sent, issuer: d.issuer ?? d.url, field, published: e },
        evidence: [{ label: field, value: sent, expected: e, step }],
      });
    };
    if (flow.authorize) compare('authorization_endpoint', flow.authorize.step);
    for (const t of flow.tokens) if (flow.steps[t.step]?.observed) compare('token_endpoint', t.step);
    // Provider codes (lib/diagnosis/provider-error-codes.ts): Entra names the mismatch itself (single-tenant app on /common, unknown tenant).
    for (const e of errorsIn(flow)) {
      for (const p of e.providers.filter((x) => x.checks.includes(ctx.checkId))) {
        ctx.report({ step: e.step, messageId: 'providerCode', data: { code: p.code, provider: p.provider, meaning: p.meaning, note: p.note ? ` ${p.note}` : '' }, evidence: [{ label: `${p.provider} code`, value: p.code, step: e.step }] });
      }
    }
  },
});
