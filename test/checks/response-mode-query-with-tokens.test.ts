import { expect } from 'vitest';
import check from '../../lib/checks/response-mode-query-with-tokens';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { implicitFlow } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    { name: 'response_mode=query with id_token token', events: implicitFlow({ authorizeParams: { response_mode: 'query' }, responseIn: 'query' }), expect: (f) => expect(f[0]?.message).toContain('returns id_token and token in the URL query') },
    { name: 'tokens arrive in the query without asking', events: implicitFlow({ responseIn: 'query' }), expect: (f) => expect(f[0]?.message).toContain('access_token and id_token in its query') },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'implicit flow in the fragment', events: implicitFlow() },
    { name: 'code flow with explicit response_mode=query', events: codeFlow({ authorizeParams: { response_mode: 'query' } }) },
  ],
});
