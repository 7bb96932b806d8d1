import type { RequestEvent } from '../lib/model/event';
import { cookiesSent, cookiesSet } from './view-models/cookies';
import { LongText } from './LongText';

/** Cookies sent with the request and set by the response, attributes included (RFC 6265 §4.1). */
export function CookiesView({ event }: { event: RequestEvent }) {
  const sent = cookiesSent(event.requestHeaders);
  const set = cookiesSet(event.responseHeaders);
  const headersSeen = (event.requestHeaders?.length ?? 0) > 0;
  return (
    <>
      <section class="ol-section">
        <h4 class="ol-section-title">Sent <span class="ol-dim">({sent.length})</span></h4>
        {sent.length ? (
          <table class="ol-kv">
            <tbody>
              {sent.map((c, i) => (
                <tr key={i}>
                  <th scope="row" class="ol-mono">{c.name}</th>
                  <td><LongText text={c.value} class="ol-mono ol-value" limit={300} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="ol-dim ol-pad">{headersSeen ? 'No Cookie header on this request.' : 'Request headers were not captured.'}</p>
        )}
      </section>
      <section class="ol-section">
        <h4 class="ol-section-title">Set by the response <span class="ol-dim">({set.length})</span></h4>
        {set.length ? (
          <table class="ol-kv ol-cookies">
            <thead>
              <tr><th>Name</th><th>Value</th><th>Attributes</th></tr>
            </thead>
            <tbody>
              {set.map((c, i) => (
                <tr key={i}>
                  <td class="ol-mono">{c.name}</td>
                  <td><LongText text={c.value} class="ol-mono ol-value" limit={200} /></td>
                  <td>
                    {c.attributes.map((a, j) => (
                      <span key={j} class={`ol-badge${/^samesite$/i.test(a.name) && /^none$/i.test(a.value) ? ' ol-badge-warn' : ''}`}>
                        {a.value ? `${a.name}=${a.value}` : a.name}
                      </span>
                    ))}
                    {c.sameSite === null ? <span class="ol-badge ol-dim" title="Chrome treats a cookie without SameSite as Lax">SameSite unset (Lax)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="ol-dim ol-pad">No Set-Cookie header.</p>
        )}
      </section>
    </>
  );
}
