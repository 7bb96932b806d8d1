import { urlBase } from '../flow/params';
import { topPageOrigin } from './support/browser-context';
import { framingBlock } from './support/framing';
import { defineCheck } from './types';

/**
 * docs/architecture.md "Correlating flows" step 5; RFC 6749 §10.13, RFC 9700 §4.16: login pages refuse to be framed
 * (clickjacking), so an iframe authorization request that needs interaction shows nothing.
 */
export default defineCheck({
  section: 'callback',
  severity: 'info',
  title: 'Authorization page refused to load in the iframe',
  refs: [{ spec: 'RFC 6749', section: '10.13' }, { spec: 'RFC 9700', section: '4.16' }],
  cause: 'User interaction was needed inside a hidden iframe, and login pages refuse framing (X-Frame-Options / CSP frame-ancestors) to prevent clickjacking.',
  fix: 'Use iframes only with prompt=none, and open a popup or do a top-level redirect when interaction is required.',
  messages: {
    framingBlocked: 'The authorization server answered the framed request {url} (prompt={prompt}) with {reason}, so the page cannot show inside {embedder} and no callback came back in that frame.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    const start = a ? flow.steps[a.step] : undefined;
    if (!a || !start || start.context !== 'iframe') return;
    const cbStep = flow.callback ? flow.steps[flow.callback.step] : undefined;
    if (cbStep && cbStep.tabId === start.tabId && cbStep.frameId === start.frameId) return;
    const embedder = topPageOrigin(ctx.analysis.events, start.tabId, start.time, start.event);
    const blocked = flow.steps.slice(a.step).find((s) => {
      const e = s.event;
      return e !== null && s.tabId === start.tabId && s.frameId === start.frameId && !e.redirectUrl && framingBlock(e, embedder) !== null;
    });
    const event = blocked?.event;
    if (!blocked || !event) return;
    const reason = framingBlock(event, embedder)!;
    const index = flow.steps.indexOf(blocked);
    ctx.report({
      step: index,
      messageId: 'framingBlocked',
      data: { url: urlBase(event.url) ?? event.url, prompt: a.prompt ?? '(none)', reason, embedder: embedder ?? 'the app' },
      evidence: [
        { label: 'framing header', value: reason, step: index },
        { label: 'embedding page', value: embedder ?? '(unknown)' },
      ],
    });
  },
});
