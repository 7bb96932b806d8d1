import { expect } from 'vitest';
import check from '../../lib/checks/end-session-unregistered-redirect';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';
import { laterVisit, LOGGED_OUT, logoutFlow } from '../support/logout';

describeCheck(check, {
  fires: [
    {
      name: 'Keycloak error page: Invalid redirect uri',
      events: logoutFlow({ back: { stayStatus: 400, body: '<html><body><p class="instruction">Invalid redirect uri</p></body></html>' } }),
      expect: (f) => {
        expect(f[0]?.severity).toBe('warning');
        expect(f[0]?.message).toContain('an error page (HTTP 400)');
        expect(f[0]?.message).not.toContain('Keycloak'); // the Keycloak row needs a /realms/ URL
      },
    },
    {
      name: 'post_logout_redirect_uri without id_token_hint or client_id, then a confirmation page',
      events: logoutFlow({ params: { id_token_hint: null }, back: { stayStatus: 200 } }),
      expect: (f) => {
        expect(f).toHaveLength(2);
        expect(f[0]?.message).toContain('without id_token_hint or client_id');
        expect(f[1]?.message).toContain('confirmation prompt or an error');
      },
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'clean logout redirecting back', events: logoutFlow() },
    { name: 'client_id instead of id_token_hint is enough', events: logoutFlow({ params: { id_token_hint: null, client_id: 'web-app' } }) },
    { name: 'confirmation page, then the user confirms and returns', events: [...logoutFlow({ back: { stayStatus: 200 } }), laterVisit(LOGGED_OUT)] },
    { name: 'no post_logout_redirect_uri: staying on the server is expected', events: logoutFlow({ params: { post_logout_redirect_uri: null, state: null }, back: { stayStatus: 200 } }) },
  ],
});
