import type { Evidence } from '../model/finding';
import { paramsHidden, responseTypeParts } from './support/authorize-facts';
import { discoveryOfServer } from './support/server-metadata';
import { brokerHop, knownDeviation } from '../providers/match';
import { defineCheck } from './types';

/** RFC 6749 §3.1: parameters "MUST NOT be included more than once"; §4.1.1 requires response_type and client_id. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Malformed authorization request',
  refs: [{ spec: 'RFC 6749', section: '3.1' }, { spec: 'RFC 6749', section: '3.1.1' }, { spec: 'RFC 6749', section: '4.1.1' }, { spec: 'RFC 8414', section: '2' }],
  cause: 'A URL built by hand, a misconfigured library, or parameters appended twice (one copy from configuration, one from code).',
  fix: 'Build the request with a maintained client library, send each parameter once, and take the allowed values from discovery.',
  messages: {
    malformed: 'The authorization request is malformed: {problems}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a) return;
    const problems: string[] = [];
    const evidence: Evidence[] = [];
    // Values carried in `request` / `request_uri` count as sent (RFC 9101 §5, RFC 9126 §4).
    const hidden = paramsHidden(a);
    // A provider documented to take no response_type (GitHub, Slack, Facebook) is not malformed: provider-known-deviation says so once.
    const noResponseType = knownDeviation(flow, 'authorize-without-response-type') !== null;
    // A broker's own hop (Supabase provider=&redirect_to=) names neither: the broker is the upstream provider's client.
    const broker = knownDeviation(flow, 'broker-authorize') !== null && brokerHop(flow.steps[a.step]?.url ?? '', a.params) !== null;
    for (const name of ['response_type', 'client_id'] as const) {
      const value = name === 'response_type' ? a.responseType : a.clientId;
      if (value !== null || hidden || broker || (name === 'response_type' && noResponseType)) continue;
      problems.push(`${name} is missing`);
      evidence.push({ label: name, value: '(absent)', step: a.step });
    }
    const counts = new Map<string, number>();
    for (const p of a.params) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    for (const [name, count] of counts) {
      if (count < 2) continue;
      const values = a.params.filter((p) => p.name === name).map((p) => p.value);
      problems.push(`${name} is sent ${count} times (${values.map((v) => `"${v}"`).join(', ')})`);
      evidence.push({ label: `${name} (repeated)`, value: values.join(' | '), step: a.step });
    }
    const metadata = discoveryOfServer(flow, ctx)?.document;
    const supported = metadata?.response_types_supported;
    if (a.responseType && Array.isArray(supported)) {
      // Compare as sets: "id_token code" and "code id_token" are the same response type (RFC 6749 §3.1.1).
      const key = (rt: string) => [...new Set(responseTypeParts(rt))].sort().join(' ');
      const allowed = supported.filter((s): s is string => typeof s === 'string');
      if (!allowed.some((s) => key(s) === key(a.responseType!))) {
        problems.push(`response_type "${a.responseType}" is not in the server's response_types_supported (${allowed.join(', ') || 'empty'})`);
        evidence.push({ label: 'response_type', value: a.responseType, expected: `one of: ${allowed.join(', ')}`, step: a.step });
      }
    }
    if (!problems.length) return;
    ctx.report({ step: a.step, messageId: 'malformed', data: { problems: problems.join('; ') }, evidence });
  },
});
