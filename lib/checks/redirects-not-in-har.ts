import { urlBase } from '../flow/params';
import { foldingRecorder, recorderName, returnThroughFoldedChain } from './support/folded-redirects';
import { defineCheck } from './types';

/**
 * Issue 17 point 3: Safari's Web Inspector exports one HAR entry per redirect chain, at the
 * chain's last URL (lib/trace/har-recorder-quirks.ts). The 302 hops of a login are in no entry, so
 * the timeline jumps; said once per flow, naming the recorder, so nobody reads the gap as a skipped step.
 */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'Redirect hops are not in this HAR (Safari)',
  refs: [{ spec: 'Operational', note: "(WebKit Web Inspector's HAR export: one entry per redirect chain)" }, { spec: 'RFC 6749', section: '4.1' }],
  cause:
    "Safari's Web Inspector writes one HAR entry per redirect chain, at the chain's last URL and with the first request's method: the redirects between (authorization request → login → callback → app) are not in the file.",
  fix: 'To see every hop, record the login again in Chrome or Firefox (DevTools → Network with "Preserve log" on, then Export HAR) or with the OAuth Lens extension: each redirect is then an entry of its own.',
  messages: {
    folded: 'This HAR was exported by {recorder}, which writes one entry per redirect chain: the redirect hops of this login are not in it, so the timeline jumps from one step to the next.',
    callbackFolded:
      'This HAR was exported by {recorder}, which writes one entry per redirect chain: the callback to {redirectUri} is in no entry. The browser came back to the app ({method} {url}) through redirects folded into that one entry, so the timeline jumps from the login to the app, and the code and state of the callback cannot be checked.',
  },
  run(flow, ctx) {
    const recorder = foldingRecorder(flow);
    if (!recorder) return;
    const step = flow.authorize?.step ?? flow.callback?.step ?? 0;
    const back = returnThroughFoldedChain(flow, ctx.analysis.events);
    if (back) {
      const url = urlBase(back.url) ?? back.url;
      ctx.report({
        step,
        messageId: 'callbackFolded',
        data: { recorder: recorderName(recorder), redirectUri: flow.redirectUri ?? 'the redirect_uri', method: back.method, url },
        evidence: [{ label: 'came back to the app at', value: `${back.method} ${url}` }],
      });
      return;
    }
    ctx.report({ step, messageId: 'folded', data: { recorder: recorderName(recorder) } });
  },
});
