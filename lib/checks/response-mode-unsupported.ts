import type { ResponseLocation } from '../model/flow';
import { discoveryOfServer } from './support/server-metadata';
import { defineCheck } from './types';

/** Where each response mode puts the parameters (MRT §2.1; FormPost §2). JARM and web_message are not compared. */
const LOCATION_OF: Record<string, ResponseLocation> = { query: 'query', fragment: 'fragment', form_post: 'form' };

export default defineCheck({
  section: 'authorize-request',
  severity: 'warning',
  title: 'Response mode not supported or not honoured',
  refs: [{ spec: 'MRT', section: '2.1' }, { spec: 'FormPost', section: '2' }, { spec: 'OIDC-Disc', section: '3' }, { spec: 'RFC 8414', section: '2' }],
  cause: 'Provider or client configuration, or a library forcing a mode.',
  fix: 'Use a supported mode. Apple, for instance, requires form_post when name or email scopes are requested.',
  messages: {
    notSupported: 'response_mode "{responseMode}" is not in the server\'s response_modes_supported ({supported}{defaultNote}).',
    arrivedElsewhere: 'The response was requested in {requested} (response_mode {responseMode}) but arrived in {arrived}.',
  },
  run(flow, ctx) {
    const a = flow.authorize;
    if (!a) return;
    const metadata = discoveryOfServer(flow, ctx)?.document;
    if (a.responseMode && metadata) {
      // OIDC-Disc §3: when response_modes_supported is omitted the default is ["query", "fragment"].
      const listed = metadata.response_modes_supported;
      const supported = Array.isArray(listed) ? listed.filter((m): m is string => typeof m === 'string') : ['query', 'fragment'];
      if (!supported.includes(a.responseMode)) {
        ctx.report({
          step: a.step,
          messageId: 'notSupported',
          data: { responseMode: a.responseMode, supported: supported.join(', '), defaultNote: Array.isArray(listed) ? '' : ', the default when the list is absent' },
          evidence: [{ label: 'response_mode', value: a.responseMode, expected: `one of: ${supported.join(', ')}`, step: a.step }],
        });
        return;
      }
    }
    const cb = flow.callback;
    const expected = LOCATION_OF[a.effectiveResponseMode];
    if (!cb || cb.matchedBy === 'orphan' || !expected || cb.location === expected) return;
    const shown = (l: ResponseLocation) => (l === 'form' ? 'a form_post body' : `the ${l}`);
    ctx.report({
      step: cb.step,
      messageId: 'arrivedElsewhere',
      data: { requested: shown(expected), responseMode: a.responseMode ?? `default ${a.effectiveResponseMode}`, arrived: shown(cb.location) },
      evidence: [{ label: 'response location', value: cb.location, expected, step: cb.step }],
    });
  },
});
