import { describeParam } from '../lib/flow/param-glossary';
import type { Param } from '../lib/model/event';
import { looksLikeJwt } from '../lib/jwt/decode';
import { LongText } from './LongText';

/** Name | value | OAuth meaning. Duplicated names are flagged: they are evidence of a bug. */
export function ParamTable({ params, caption }: { params: readonly Param[]; caption: string }) {
  if (!params.length) return null;
  const seen = new Map<string, number>();
  for (const p of params) seen.set(p.name, (seen.get(p.name) ?? 0) + 1);
  return (
    <section class="ol-section">
      <h4 class="ol-section-title">
        {caption} <span class="ol-dim">({params.length})</span>
      </h4>
      <table class="ol-kv ol-params">
        <tbody>
          {params.map((p, i) => {
            const meaning = describeParam(p.name);
            return (
              <tr key={i}>
                <th scope="row" class="ol-mono">
                  {p.name}
                  {(seen.get(p.name) ?? 0) > 1 ? <span class="ol-badge ol-badge-warn" title="This parameter appears more than once">dup</span> : null}
                </th>
                <td>
                  <LongText text={p.value} class="ol-mono ol-value" limit={600} />
                  {looksLikeJwt(p.value) ? <span class="ol-badge" title="Decoded in the Tokens tab">JWT</span> : null}
                  {meaning ? (
                    <div class="ol-meaning">
                      {meaning.meaning} <span class="ol-dim">— {meaning.spec}</span>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
