import { responseObject } from '../flow/params';
import { flowIdList } from './support/flow-index';
import type { AuthorizeRequest, Flow } from '../model/flow';
import { authorizeTime, earlierFlowsWithSame } from './support/authorize-facts';
import { defineCheck } from './types';

/** Parameters the authorization endpoint reads next to a pushed request_uri (RFC 9126 §4). */
const ALLOWED = new Set(['client_id', 'request_uri']);
/** OIDC-Core §6.1 asks for these in the query too; harmless when they repeat the pushed values. */
const OIDC_DUPLICATES = new Set(['response_type', 'scope']);

function isPushedUri(a: AuthorizeRequest): boolean {
  return a.viaPar || (a.requestUri?.startsWith('urn:ietf:params:oauth:request_uri:') ?? false);
}

function parStep(flow: Flow) {
  const i = flow.steps.findIndex((s) => s.kind === 'par');
  return i < 0 ? null : { index: i, step: flow.steps[i]! };
}

/** RFC 9126 §2.2, §4, §7.3: a request_uri is short-lived, single-use, and carries all the parameters. */
export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Pushed request_uri misused',
  refs: [{ spec: 'RFC 9126', section: '2.2' }, { spec: 'RFC 9126', section: '4' }, { spec: 'RFC 9126', section: '7.3' }],
  cause: 'The app caches the PAR result or reuses it across tabs, or adds parameters at the authorization endpoint that the server ignores.',
  fix: 'Push once per flow and navigate straight away, with only client_id and request_uri.',
  messages: {
    misused: 'The pushed request_uri "{requestUri}" is misused: {problems}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a?.requestUri || !isPushedUri(a)) return;
    const problems: string[] = [];
    const par = parStep(flow);
    const expiresIn = par?.step.event ? responseObject(par.step.event)?.expires_in : undefined;
    if (par && typeof expiresIn === 'number') {
      const pushedAt = par.step.event?.endTime ?? par.step.time;
      const age = (authorizeTime(flow) - pushedAt) / 1000;
      if (age > expiresIn) problems.push(`it was used ${Math.round(age)} s after the push, but expires_in was ${expiresIn} s`);
    }
    const earlier = earlierFlowsWithSame(flow, ctx.analysis.flows, 'requestUri');
    if (earlier.length) problems.push(`the same request_uri was already used by flow ${flowIdList(earlier)}`);
    const pushed = par?.step.event?.requestBody ? a : null;
    const extras = a.params.filter((p) => {
      if (ALLOWED.has(p.name)) return false;
      // a.params is the query; the merged fields hold the pushed values (RFC 9126 §4 precedence).
      if (OIDC_DUPLICATES.has(p.name) && pushed && (p.name === 'scope' ? pushed.scope : pushed.responseType) === p.value) return false;
      return true;
    });
    if (extras.length) problems.push(`the authorization URL adds ${extras.map((p) => p.name).join(', ')} next to the request_uri; the server ignores them`);
    if (!problems.length) return;
    ctx.report({
      step: a.step,
      messageId: 'misused',
      data: { requestUri: a.requestUri, problems: problems.join('; ') },
      evidence: [{ label: 'request_uri', value: a.requestUri, step: a.step }, ...extras.map((p) => ({ label: `extra parameter ${p.name}`, value: p.value, expected: '(only in the PAR body)', step: a.step }))],
    });
  },
});
