import { useState } from 'preact/hooks';
import type { Header } from '../lib/model/event';
import { LongText } from './LongText';

/** Headers that decide OAuth outcomes: CORS, cookies, redirects, caching, framing, auth. */
const RELEVANT = /^(origin|referer|location|cookie|set-cookie|authorization|www-authenticate|dpop|content-type|cache-control|pragma|access-control-.*|sec-fetch-.*|x-frame-options|content-security-policy|referrer-policy|accept)$/i;

export function HeaderTable({ headers, caption }: { headers: readonly Header[] | undefined; caption: string }) {
  const [all, setAll] = useState(false);
  if (!headers || headers.length === 0)
    return (
      <section class="ol-section">
        <h4 class="ol-section-title">{caption}</h4>
        <p class="ol-dim ol-pad">Not captured.</p>
      </section>
    );
  const relevant = headers.filter((h) => RELEVANT.test(h.name));
  const shown = all ? headers : relevant;
  return (
    <section class="ol-section">
      <h4 class="ol-section-title">
        {caption} <span class="ol-dim">({all ? headers.length : `${relevant.length} of ${headers.length}`})</span>
        {relevant.length < headers.length ? (
          <button type="button" class="ol-link-button ol-right" onClick={() => setAll(!all)}>
            {all ? 'Show OAuth-relevant only' : 'Show all'}
          </button>
        ) : null}
      </h4>
      <table class="ol-kv">
        <tbody>
          {shown.map((h, i) => (
            <tr key={i}>
              <th scope="row" class="ol-mono">{h.name}</th>
              <td>
                <LongText text={h.value} class="ol-mono ol-value" limit={600} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
