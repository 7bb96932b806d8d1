import { expect } from 'vitest';
import check from '../../lib/checks/client-secret-in-browser';
import { describeCheck } from '../support/check-cases';
import { APP, codeFlow, hop } from '../support/events';

describeCheck(check, {
  fires: [
    {
      name: 'SPA posts client_secret to the token endpoint',
      events: codeFlow({ exchange: 'browser', tokenForm: { client_secret: 'very-secret-value' } }),
      expect: (f) => {
        expect(f[0]?.message).toContain('client_secret in the body');
        expect(f[0]?.message).toContain(APP);
      },
    },
    {
      name: 'secret shipped in a JavaScript bundle',
      events: [
        ...codeFlow(),
        { ...hop({ url: `${APP}/main.js`, type: 'script' }), responseBody: { text: 'const cfg={clientId:"web-app",client_secret:"abcd1234efgh5678"}', mimeType: 'application/javascript', truncated: false, source: 'devtools' } },
      ],
      expect: (f) => expect(f[0]?.message).toContain('main.js'),
      redactionLoses: 'the bundle is outside every flow, so redacted exports drop its body',
    },
  ],
  silent: [
    { name: 'clean code flow', events: codeFlow() },
    { name: 'public client with PKCE', events: codeFlow({ exchange: 'browser' }) },
    {
      name: 'placeholder in a library bundle',
      events: [
        ...codeFlow(),
        { ...hop({ url: `${APP}/vendor.js`, type: 'script' }), responseBody: { text: '/* usage: new Client({ client_secret: "YOUR_CLIENT_SECRET" }) */', mimeType: 'application/javascript', truncated: false, source: 'devtools' } },
      ],
    },
  ],
});
