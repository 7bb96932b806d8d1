import { safeUrl } from '../lib/flow/params';
import { LongText } from './LongText';

/** scheme, host, port, path, query, fragment — the parts RFC 6749 §3.1.2 compares. */
export function UrlParts({ url, caption = 'URL' }: { url: string; caption?: string }) {
  const u = safeUrl(url);
  const hash = url.indexOf('#');
  const rows: Array<[string, string]> = u
    ? [
        ['scheme', u.protocol.replace(/:$/, '')],
        ['host', u.hostname],
        ['port', u.port || '(default)'],
        ['path', u.pathname],
        ['query', u.search ? u.search.slice(1) : ''],
        ['fragment', hash >= 0 ? url.slice(hash + 1) : ''],
      ]
    : [['unparsed', url]];
  return (
    <section class="ol-section">
      <h4 class="ol-section-title">{caption}</h4>
      <div class="ol-url-full ol-mono">
        <LongText text={url} limit={1000} />
      </div>
      <table class="ol-kv ol-url-parts">
        <tbody>
          {rows
            .filter(([, v]) => v !== '')
            .map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>
                  <LongText text={v} class="ol-mono ol-value" limit={400} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
