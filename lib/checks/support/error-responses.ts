import { matchProviderError, describeProviderError, type ProviderErrorMatch } from '../../diagnosis/match-provider-error';
import { getParam, headerValues, queryParams, responseObject, stringField, urlBase } from '../../flow/params';
import type { Severity } from '../../model/finding';
import type { Flow, Step } from '../../model/flow';
import { formatMessage, type CheckContext } from '../types';
import { challengesOf } from './www-authenticate';

/**
 * Every OAuth `error` value a flow shows, with where it came from (RFC 6749 §4.1.2.1, §5.2):
 * the authorization response (query, fragment or form_post; RFC 6749 §4.1.2.1), an
 * authorization-server error page whose URL carries `error`, a token-endpoint body (400, 401,
 * or 200 at GitHub; RFC 6749 §5.2), PAR / device-authorization bodies (RFC 9126 §2.3,
 * RFC 8628 §3.2), and resource servers' `WWW-Authenticate` (RFC 6750 §3, RFC 9449 §7.1).
 */
export type ErrorSource = 'callback' | 'error-page' | 'token' | 'endpoint' | 'resource';

export interface SeenError {
  error: string;
  description: string | null;
  source: ErrorSource;
  /** Human words for the place, e.g. "the callback (query)", "the token endpoint (HTTP 400)". */
  where: string;
  step: number;
  status: number | null;
  url: string;
  /** Token endpoint: the grant_type that was refused. */
  grantType: string | null;
  /** Resource: the challenge scheme ("Bearer", "DPoP"). */
  scheme: string | null;
  /** Provider codes of lib/diagnosis/provider-error-codes.ts found in the error and its description. */
  providers: ProviderErrorMatch[];
}

/** The authorization server's URL for provider matching: the callback itself is the app's URL. */
function serverUrl(flow: Flow): string | undefined {
  const authorize = flow.authorize ? flow.steps[flow.authorize.step]?.url : undefined;
  return authorize ?? (flow.serverOrigin ? `${flow.serverOrigin}/` : undefined);
}

function seen(base: Omit<SeenError, 'providers' | 'grantType' | 'scheme'> & Partial<Pick<SeenError, 'grantType' | 'scheme'>>, providerUrl: string | undefined): SeenError {
  const text = base.description ? `${base.error}: ${base.description}` : base.error;
  return { grantType: null, scheme: null, ...base, providers: matchProviderError(text, providerUrl === undefined ? {} : { url: providerUrl }) };
}

const ENDPOINT_NAMES: Partial<Record<Step['kind'], string>> = {
  par: 'the pushed authorization request endpoint',
  'device-authorization': 'the device authorization endpoint',
  revocation: 'the revocation endpoint',
  introspection: 'the introspection endpoint',
};

export function errorsIn(flow: Flow): SeenError[] {
  const out: SeenError[] = [];
  const cb = flow.callback;
  if (cb?.error) {
    const step = flow.steps[cb.step];
    const where = cb.location === 'form' ? 'the callback (form_post body)' : `the callback (${cb.location})`;
    out.push(seen({ error: cb.error, description: cb.errorDescription, source: 'callback', where, step: cb.step, status: step?.status ?? null, url: step?.url ?? '' }, serverUrl(flow)));
  }
  for (const t of flow.tokens) {
    const step = flow.steps[t.step];
    const header = step?.event ? challengesOf(headerValues(step.event.responseHeaders, 'www-authenticate')).find((c) => c.params.error) : undefined;
    const error = stringField(t.response, 'error') ?? header?.params.error ?? null;
    if (!error || !step) continue;
    const description = stringField(t.response, 'error_description') ?? header?.params.error_description ?? null;
    const where = `the token endpoint (HTTP ${t.status ?? '?'})`;
    out.push(seen({ error, description, source: 'token', where, step: t.step, status: t.status, url: step.url, grantType: t.grantType }, step.url));
  }
  flow.steps.forEach((step, index) => {
    if (!step.event) return;
    if (step.kind === 'error-page') {
      const params = queryParams(step.url);
      const error = getParam(params, 'error');
      if (error) out.push(seen({ error, description: getParam(params, 'error_description'), source: 'error-page', where: `the authorization server's error page (HTTP ${step.status ?? '?'})`, step: index, status: step.status, url: step.url }, step.url));
    }
    const endpoint = ENDPOINT_NAMES[step.kind];
    if (endpoint) {
      const body = responseObject(step.event);
      const error = stringField(body, 'error');
      if (error) out.push(seen({ error, description: stringField(body, 'error_description'), source: 'endpoint', where: `${endpoint} (HTTP ${step.status ?? '?'})`, step: index, status: step.status, url: step.url }, step.url));
    }
    if (step.kind === 'userinfo' || step.kind === 'resource') {
      for (const c of challengesOf(headerValues(step.event.responseHeaders, 'www-authenticate'))) {
        const error = c.params.error;
        if (!error) continue;
        const where = `the resource server ${urlBase(step.url) ?? step.url} (HTTP ${step.status ?? '?'}, WWW-Authenticate: ${c.scheme})`;
        out.push(seen({ error, description: c.params.error_description ?? null, source: 'resource', where, step: index, status: step.status, url: step.url, scheme: c.scheme }, step.url));
      }
    }
  });
  return out.sort((a, b) => a.step - b.step);
}

/** The errors of a flow whose value is one of `values`. */
export function errorsWith(flow: Flow, values: readonly string[]): SeenError[] {
  return errorsIn(flow).filter((e) => values.includes(e.error));
}

/** The messages of the error-response checks (each lists them as its `messages`). */
export const ERROR_RESPONSE_MESSAGES = {
  seen: '{where} {verb} error={error}{description}.{providerMeanings}{explanation}',
} as const;

function seenErrorData(e: SeenError) {
  return {
    where: e.where.charAt(0).toUpperCase() + e.where.slice(1),
    verb: e.source === 'callback' ? 'received' : e.source === 'error-page' ? 'shows' : 'answered',
    error: e.error,
    description: e.description ? ` ("${e.description}")` : '',
    providerMeanings: e.providers.map((p) => ` ${describeProviderError(p)}.`).join(''),
  };
}

/** "the token endpoint (HTTP 400) answered error=invalid_grant ("Code not valid")." plus provider meanings. */
export function describeSeenError(e: SeenError): string {
  return formatMessage(ERROR_RESPONSE_MESSAGES.seen, { ...seenErrorData(e), explanation: '' });
}

export interface ReportErrorOptions {
  severity?: (e: SeenError) => Severity;
  /** A sentence appended to the message (e.g. what the correlation says about the cause). */
  explain?: (e: SeenError) => string | null;
  cause?: (e: SeenError) => string | undefined;
}

/**
 * One finding per error seen, naming where it came from, its description and provider codes;
 * provider codes pointing at other checks than the reporting one are named as related.
 */
export function reportErrors(ctx: CheckContext<typeof ERROR_RESPONSE_MESSAGES>, errors: readonly SeenError[], options: ReportErrorOptions = {}): void {
  for (const e of errors) {
    const extra = options.explain?.(e);
    const severity = options.severity?.(e);
    const cause = options.cause?.(e);
    const notes = e.providers.flatMap((p) => (p.note ? [p.note] : []));
    const related = [...new Set(e.providers.flatMap((p) => p.checks))].filter((id) => id !== ctx.checkId);
    const tail = [extra, ...notes, related.length ? `Related checks: ${related.join(', ')}.` : null].filter(Boolean).join(' ');
    ctx.report({
      step: e.step,
      messageId: 'seen',
      data: { ...seenErrorData(e), explanation: tail ? ` ${tail}` : '' },
      ...(severity ? { severity } : {}),
      ...(cause ? { cause } : {}),
      evidence: [
        { label: 'error', value: e.error, step: e.step },
        ...(e.description ? [{ label: 'error_description', value: e.description, step: e.step }] : []),
        ...e.providers.map((p) => ({ label: `${p.provider} code`, value: `${p.code}: ${p.meaning}`, step: e.step })),
      ],
    });
  }
}

/** The grant of a device-flow poll (RFC 8628 §3.4). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
