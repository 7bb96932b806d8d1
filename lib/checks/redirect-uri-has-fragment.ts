import { defineCheck } from './types';

/** RFC 6749 §3.1.2: the redirection endpoint URI "MUST NOT include a fragment component". */
export default defineCheck({
  section: 'authorize-request',
  severity: 'error',
  title: 'Redirect URI contains a fragment',
  refs: [{ spec: 'RFC 6749', section: '3.1.2' }],
  cause: 'A hash-routed SPA used its route (e.g. "#/callback") as the redirect URI.',
  fix: 'Remove the fragment from the registered and the sent URI; route the callback by path instead.',
  messages: {
    hasFragment: 'The redirect_uri "{uri}" contains a fragment ("{fragment}"); the server cannot append its response to it reliably.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const uri = a?.redirectUri;
    if (!a || !uri || !uri.includes('#')) return;
    ctx.report({
      step: a.step,
      messageId: 'hasFragment',
      data: { uri, fragment: uri.slice(uri.indexOf('#')) },
      evidence: [{ label: 'redirect_uri', value: uri, expected: uri.slice(0, uri.indexOf('#')), step: a.step }],
    });
  },
});
