import { headerValue, queryParams } from '../flow/params';
import { browserTokens, paramsSeen, stepLabel, tokenEvent } from './support/token-requests';
import { knownDeviation, sessionExchangeOf } from '../providers/match';
import { defineCheck } from './types';

/** Parameters that belong in the body, never the query (RFC 6749 §3.2: "MUST use the HTTP POST method"). */
const BODY_PARAMS = ['grant_type', 'code', 'code_verifier', 'refresh_token', 'client_secret', 'redirect_uri'];

/** RFC 6749 §3.2, §4.1.3: a form-encoded POST with grant_type (and code for authorization_code). */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'Token request is not a form-encoded POST',
  refs: [{ spec: 'RFC 6749', section: '3.2' }, { spec: 'RFC 6749', section: '4.1.3' }],
  cause: 'A hand-written fetch: JSON body, GET with query parameters, or a missing grant_type or code.',
  fix: 'Send a POST with Content-Type application/x-www-form-urlencoded carrying grant_type (and code, redirect_uri, code_verifier for the code grant) in the body.',
  messages: {
    malformed: 'The token request at {stepLabel} is malformed: {problems}.',
  },
  run(flow, ctx) {
    for (const t of browserTokens(flow, ctx)) {
      const event = tokenEvent(flow, t);
      if (!event) continue;
      // A provider's own session API (Supabase grant_type=pkce, JSON body) is not an RFC 6749 token request: provider-known-deviation says so.
      if (sessionExchangeOf(event.url) && knownDeviation(flow, 'session-exchange')) continue;
      const problems: string[] = [];
      const method = event.method.toUpperCase();
      if (method !== 'POST') problems.push(`method is ${method}, not POST`);
      const type = headerValue(event.requestHeaders, 'content-type');
      const body = event.requestBody;
      const jsonBody = body?.kind === 'text' && body.text.trimStart().startsWith('{');
      if (type !== null && !/^application\/x-www-form-urlencoded\b/i.test(type.trim())) problems.push(`Content-Type is "${type}"`);
      else if (type === null && jsonBody) problems.push('the body is JSON');
      const inQuery = queryParams(event.url).filter((p) => BODY_PARAMS.includes(p.name)).map((p) => p.name);
      if (inQuery.length) problems.push(`${inQuery.join(', ')} sent in the URL query`);
      if (!paramsSeen(flow, t)) {
        // Nothing to judge the parameters by; method and Content-Type still count.
      } else if (t.grantType === null) problems.push('grant_type is missing');
      else if (t.grantType === 'authorization_code' && t.code === null) problems.push('grant_type=authorization_code without code');
      if (!problems.length) continue;
      ctx.report({
        step: t.step,
        messageId: 'malformed',
        data: { stepLabel: stepLabel(flow, t.step), problems: problems.join('; ') },
        evidence: [
          { label: 'method', value: method, expected: 'POST', step: t.step },
          { label: 'Content-Type', value: type ?? '(none)', expected: 'application/x-www-form-urlencoded', step: t.step },
          ...(t.grantType === null ? [] : [{ label: 'grant_type', value: t.grantType, step: t.step }]),
        ],
      });
    }
  },
});
