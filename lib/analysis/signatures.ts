import { verifyJws, type SignatureStatus } from '../jwt/verify';
import { stringField } from '../flow/params';
import type { JwksDoc } from '../model/analysis-context';
import type { Flow } from '../model/flow';
import { isRedacted } from './digests';
import { isForeignPlaceholder } from '../placeholders/foreign';

/** ID Tokens of a flow: from the authorization response and from every token response. */
export function idTokensIn(flow: Flow): string[] {
  const out: string[] = [];
  if (flow.callback?.idToken) out.push(flow.callback.idToken);
  for (const t of flow.tokens) {
    const idToken = stringField(t.response, 'id_token');
    if (idToken) out.push(idToken);
  }
  return out;
}

/** Every ID Token of every flow whose issuer's JWKS was captured, verified (jose is async; checks are not). */
export async function verifySignatures(
  flows: readonly Flow[],
  jwksFor: (flow: Flow) => JwksDoc | null,
): Promise<ReadonlyMap<string, SignatureStatus>> {
  const signatures = new Map<string, SignatureStatus>();
  for (const flow of flows) {
    const keys = jwksFor(flow)?.keys;
    if (!keys) continue;
    for (const token of idTokensIn(flow)) {
      // A redacted ID Token has no signature left to verify (docs/trace-format.md "JWTs").
      if (!signatures.has(token) && !isRedacted(token) && !isForeignPlaceholder(token)) signatures.set(token, await verifyJws(token, keys));
    }
  }
  return signatures;
}
