import { bodyParams, fragmentParams, getParam, headerValue, parseJsonObject, queryParams } from '../../lib/flow/params';
import type { FlowReport, StepReport } from '../../lib/model/analysis';
import type { Param, RequestEvent } from '../../lib/model/event';
import type { EventLookup } from './flow-view';
import { looksLikeJwt } from '../../lib/jwt/decode';

export interface FoundToken {
  source: string;
  token: string;
}

/** Every JWT a step carries: parameters, the Location it redirected to, Authorization, JSON body. */
export function tokensIn(step: StepReport, event: RequestEvent | null): FoundToken[] {
  const out: FoundToken[] = [];
  const seen = new Set<string>();
  const add = (source: string, token: string) => {
    if (!looksLikeJwt(token) || seen.has(source + token)) return;
    seen.add(source + token);
    out.push({ source, token });
  };
  const fromParams = (params: Param[], where: string) => params.forEach((p) => add(`${p.name} (${where})`, p.value));
  fromParams(queryParams(step.url), 'query');
  fromParams(fragmentParams(step.url), 'fragment');
  if (!event) return out;
  fromParams(bodyParams(event), 'form body');
  if (event.redirectUrl) {
    fromParams(queryParams(event.redirectUrl), 'Location query');
    fromParams(fragmentParams(event.redirectUrl), 'Location fragment');
  }
  const auth = headerValue(event.requestHeaders, 'authorization');
  const bearer = auth ? /^(?:bearer|dpop)\s+(.+)$/i.exec(auth) : null;
  if (bearer?.[1]) add('Authorization header', bearer[1].trim());
  const dpop = headerValue(event.requestHeaders, 'dpop');
  if (dpop) add('DPoP proof header', dpop);
  const body = event.responseBody ? parseJsonObject(event.responseBody.text) : null;
  for (const [k, v] of Object.entries(body ?? {})) if (typeof v === 'string') add(`${k} (response body)`, v);
  return out;
}

export interface PkceValues {
  verifier: string | null;
  challenge: string | null;
  method: string | null;
}

/** The PKCE pair around this step: the challenge from the flow's authorization request (or PAR). */
export function pkceFor(flow: FlowReport, step: StepReport, events: EventLookup): PkceValues | null {
  if (step.kind !== 'token' && step.kind !== 'authorize' && step.kind !== 'par') return null;
  const event = step.eventId ? (events.get(step.eventId) ?? null) : null;
  const verifier = event ? getParam(bodyParams(event), 'code_verifier') : null;
  let params: Param[] = [];
  for (const s of flow.steps) {
    if (s.kind === 'par' && s.eventId) {
      const par = events.get(s.eventId);
      if (par) params = bodyParams(par);
    }
    if (s.kind === 'authorize' && getParam(params, 'code_challenge') === null) params = queryParams(s.url);
  }
  const challenge = getParam(params, 'code_challenge');
  if (verifier === null && challenge === null) return null;
  return { verifier, challenge, method: getParam(params, 'code_challenge_method') };
}
