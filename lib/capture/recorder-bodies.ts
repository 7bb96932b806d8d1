import { MAX_BODY_CHARS, type RequestEvent, type ResponseBody } from '../model/event';

/** The Recorder's bodies and its bound on in-flight maps (lib/capture/recorder.ts). */

export type BodyInput = Omit<ResponseBody, 'truncated'> & { truncated?: boolean };

/** Whether a body is kept once its hop's answer is known: false drops it, true keeps it, a body keeps that one instead (a bounded part of it). */
export type BodyCondition = (hop: RequestEvent) => boolean | BodyInput;

/** A body whose keep-condition needs the response status, read before that status arrived. */
export interface HeldBody {
  tabId: number;
  body: BodyInput;
  onlyIf: BodyCondition;
}

/**
 * Requests whose end never arrives (a worker restart, a redirect to a custom scheme) would stay
 * in the in-flight maps; beyond this many, the oldest are forgotten.
 */
const MAX_IN_FLIGHT = 2_000;

export function capMap<K, V>(map: Map<K, V>): void {
  if (map.size <= MAX_IN_FLIGHT) return;
  for (const key of map.keys()) {
    map.delete(key);
    if (map.size <= MAX_IN_FLIGHT * 0.9) break;
  }
}

/** A body cut to MAX_BODY_CHARS, marked truncated when it was cut or already was. */
export function boundBody(body: BodyInput): ResponseBody {
  const over = body.text.length > MAX_BODY_CHARS;
  const out: ResponseBody = {
    text: over ? body.text.slice(0, MAX_BODY_CHARS) : body.text,
    truncated: over || body.truncated === true,
    source: body.source,
  };
  if (body.mimeType) out.mimeType = body.mimeType;
  return out;
}
