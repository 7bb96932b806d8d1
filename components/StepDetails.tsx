import { bodyParams, fragmentParams, queryParams } from '../lib/flow/params';
import type { FlowReport, StepReport } from '../lib/model/analysis';
import type { RequestEvent } from '../lib/model/event';
import type { EventLookup } from './view-models/flow-view';
import { BodyView } from './BodyView';
import { CookiesView } from './CookiesView';
import { formatDateTime } from './view-models/format';
import { HeaderTable } from './HeaderTable';
import { JwtView } from './JwtView';
import { ParamTable } from './ParamTable';
import { PkceView } from './PkceView';
import { pkceFor, tokensIn } from './view-models/step-data';
import { UrlParts } from './UrlParts';

export type StepTab = 'request' | 'response' | 'tokens' | 'cookies';

export interface StepDetailsProps {
  flow: FlowReport;
  step: StepReport;
  index: number;
  event: RequestEvent | null;
  events: EventLookup;
  tab: StepTab;
  now?: number;
}

function General({ step, index, event }: { step: StepReport; index: number; event: RequestEvent | null }) {
  const rows: Array<[string, string]> = [
    ['step', `${index + 1} · ${step.kind}`],
    ['request', `${step.method} ${event?.type ?? ''}`.trim()],
    ['status', step.status === null ? '—' : `${step.status}${event?.statusText ? ` ${event.statusText}` : ''}`],
    ['time', formatDateTime(step.time)],
    ['where', `${step.context === 'top' ? 'top frame' : step.context} · tab ${step.tabId}${step.frameId ? ` · frame ${step.frameId}` : ''}`],
  ];
  if (step.recovered && step.note) rows.push([step.seenByPageOnly ? 'seen by the page only' : 'answer', step.note]);
  if (event?.initiator) rows.push(['initiator', event.initiator]);
  if (event?.error) rows.push(['network error', event.error]);
  if (event?.fromCache) rows.push(['cache', 'served from cache']);
  return (
    <section class="ol-section">
      <h4 class="ol-section-title">General</h4>
      <table class="ol-kv">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td class={k === 'network error' ? 'ol-sev-error' : ''}>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NotObservable({ step }: { step: StepReport }) {
  return (
    <div class="ol-not-observable">
      <p>
        <strong>Not observable from the browser.</strong>
      </p>
      <p>{step.note ?? 'This step ran between servers; the browser never saw it.'}</p>
      <p class="ol-dim">Checks that need this request report "not observable" instead of failing. Use the provider's or the app server's logs to inspect it.</p>
    </div>
  );
}

/** One step, one tab: request (URL + params + headers + body), response, tokens or cookies. */
export function StepDetails({ flow, step, index, event, events, tab, now }: StepDetailsProps) {
  if (!step.observed) return <NotObservable step={step} />;
  if (tab === 'request') {
    const form = event ? bodyParams(event) : [];
    const body = event?.requestBody;
    return (
      <>
        <General step={step} index={index} event={event} />
        <UrlParts url={step.url} />
        <ParamTable params={queryParams(step.url)} caption="Query parameters" />
        <ParamTable params={fragmentParams(step.url)} caption="Fragment parameters (never sent to a server)" />
        <ParamTable params={form} caption="Form body" />
        {body?.kind === 'text' && form.length === 0 ? <BodyView text={body.text} caption="Request body" truncated={body.truncated} /> : null}
        <HeaderTable headers={event?.requestHeaders} caption="Request headers" />
      </>
    );
  }
  if (tab === 'response') {
    if (!event) return <p class="ol-dim ol-pad">The raw request for this step is not available.</p>;
    return (
      <>
        {event.redirectUrl ? (
          <>
            <UrlParts url={event.redirectUrl} caption={`Redirect (${event.status ?? ''}) Location`} />
            <ParamTable params={queryParams(event.redirectUrl)} caption="Location query" />
            <ParamTable params={fragmentParams(event.redirectUrl)} caption="Location fragment" />
          </>
        ) : null}
        <HeaderTable headers={event.responseHeaders} caption="Response headers" />
        {event.responseBody ? (
          <BodyView text={event.responseBody.text} caption="Response body" mimeType={event.responseBody.mimeType} truncated={event.responseBody.truncated} />
        ) : (
          <section class="ol-section">
            <h4 class="ol-section-title">Response body</h4>
            <p class="ol-dim ol-pad">Not captured. Browsers hide response bodies from extensions; OAuth Lens reads token, userinfo and discovery bodies while this DevTools panel is open.</p>
          </section>
        )}
      </>
    );
  }
  if (tab === 'tokens') {
    const tokens = tokensIn(step, event);
    const pkce = pkceFor(flow, step, events);
    const stepTime = step.time;
    return (
      <>
        {pkce ? <PkceView {...pkce} /> : null}
        {tokens.map((t, i) => (
          <JwtView key={i} token={t.token} source={t.source} stepTime={stepTime} {...(now !== undefined ? { now } : {})} />
        ))}
        {!pkce && tokens.length === 0 ? <p class="ol-dim ol-pad">No JWT or PKCE value on this step.</p> : null}
      </>
    );
  }
  if (!event) return <p class="ol-dim ol-pad">The raw request for this step is not available.</p>;
  return <CookiesView event={event} />;
}
