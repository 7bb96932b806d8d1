import type { Param, RequestEvent } from '../model/event';
import type { CallbackResponse, ResponseLocation } from '../model/flow';
import { RESPONSE_PARAMS } from './classify';
import { bodyParams, fragmentParams, getParam, hasParam, queryParams } from './params';

/**
 * Where the authorization response parameters sit: a form_post body, the fragment or the query
 * (FormPost §2; Multiple Response Type Encoding §2.1). The first place holding any of them wins.
 */
export function readResponseParams(event: RequestEvent, fullUrl: string): { location: ResponseLocation; params: Param[] } {
  const candidates: Array<{ location: ResponseLocation; params: Param[] }> = [
    { location: 'form', params: event.method.toUpperCase() === 'POST' ? bodyParams(event) : [] },
    { location: 'fragment', params: fragmentParams(fullUrl) },
    { location: 'query', params: queryParams(event.url) },
  ];
  const hit = candidates.find((c) => RESPONSE_PARAMS.some((n) => hasParam(c.params, n)));
  return hit ?? { location: 'query', params: queryParams(event.url) };
}

export function buildCallback(
  step: number,
  event: RequestEvent,
  fullUrl: string,
  matchedBy: CallbackResponse['matchedBy'],
): CallbackResponse {
  const { location, params } = readResponseParams(event, fullUrl);
  const get = (name: string) => getParam(params, name);
  return {
    step,
    location,
    params,
    code: get('code'),
    state: get('state'),
    error: get('error'),
    errorDescription: get('error_description'),
    iss: get('iss'),
    idToken: get('id_token'),
    accessToken: get('access_token'),
    matchedBy,
  };
}
