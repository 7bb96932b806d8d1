import { expect } from 'vitest';
import check from '../../lib/checks/response-mode-unsupported';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { discovery, implicitFlow } from '../support/authorize-flows';

describeCheck(check, {
  fires: [
    {
      name: 'form_post asked, server does not list it',
      events: [discovery({ response_modes_supported: undefined }), ...codeFlow({ authorizeParams: { response_mode: 'form_post' } })],
      expect: (f) => expect(f[0]?.message).toContain('query, fragment, the default when the list is absent'),
    },
    {
      name: 'fragment asked (implicit), answer came in the query',
      events: implicitFlow({ responseIn: 'query' }),
      expect: (f) => expect(f[0]?.evidence[0]).toMatchObject({ value: 'query', expected: 'fragment' }),
    },
    {
      name: 'form_post asked, GET with query came back',
      events: [discovery(), ...codeFlow({ authorizeParams: { response_mode: 'form_post' } })],
      expect: (f) => expect(f[0]?.message).toContain('a form_post body'),
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'implicit flow in the fragment', events: implicitFlow() },
    { name: 'query mode listed', events: [discovery(), ...codeFlow({ authorizeParams: { response_mode: 'query' } })] },
  ],
});
