import { originOf } from '../flow/params';
import type { AnalysisReport } from '../model/analysis';

/**
 * Where to fetch a flow's metadata when the capture lacks it (opt-in: `--fetch-metadata`).
 * Only the flow's own issuer is ever contacted: its discovery document at
 * `issuer + /.well-known/openid-configuration` (OIDC-Disc §4.1, trailing slash removed), and a
 * `jwks_uri` only when it is on the issuer's origin.
 */
export interface MetadataTarget {
  issuer: string;
  discoveryUrl: string;
  /** Start of the earliest flow of this issuer: fetched documents are placed just before it. */
  beforeTime: number;
}

export function metadataTargets(report: AnalysisReport): MetadataTarget[] {
  const byIssuer = new Map<string, MetadataTarget>();
  for (const flow of report.flows) {
    const issuer = flow.issuer;
    if (!issuer || !/^https?:\/\//.test(issuer) || originOf(issuer) === null) continue;
    if (flow.steps.some((s) => s.kind === 'discovery')) continue;
    const time = Date.parse(flow.startTime);
    const known = byIssuer.get(issuer);
    if (known) known.beforeTime = Math.min(known.beforeTime, time);
    else byIssuer.set(issuer, { issuer, discoveryUrl: `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, beforeTime: time });
  }
  return [...byIssuer.values()];
}

/** The JWKS location a fetched document names, if it is on the issuer's own origin. */
export function sameOriginJwksUri(issuer: string, document: Record<string, unknown> | null): string | null {
  const uri = document?.jwks_uri;
  return typeof uri === 'string' && originOf(uri) !== null && originOf(uri) === originOf(issuer) ? uri : null;
}
