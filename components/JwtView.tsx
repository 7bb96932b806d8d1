import { useMemo } from 'preact/hooks';
import { decodeJwtSafe, TIME_CLAIMS } from '../lib/jwt/decode';
import { formatDateTime, formatRelative } from './view-models/format';
import { LongText } from './LongText';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function TimeClaim({ name, value, stepTime, now }: { name: string; value: number; stepTime: number; now: number }) {
  const ms = value * 1000;
  const expired = name === 'exp' && ms < now;
  const notYet = name === 'nbf' && ms > now;
  return (
    <span>
      <span class="ol-mono">{value}</span> <span>{formatDateTime(ms)}</span>{' '}
      <span class="ol-dim">
        ({formatRelative(ms, stepTime).replace('in ', '+').replace(' ago', ' before')} the request · {formatRelative(ms, now)})
      </span>
      {expired ? <span class="ol-badge ol-badge-err">expired</span> : null}
      {notYet ? <span class="ol-badge ol-badge-warn">not yet valid</span> : null}
    </span>
  );
}

export interface JwtViewProps {
  token: string;
  source: string;
  /** Epoch ms of the step that carried the token, for "relative to the request" times. */
  stepTime: number;
  now?: number;
}

/** A decoded JWT: header and claims as text. Decoding is not verification, and it says so. */
export function JwtView({ token, source, stepTime, now = Date.now() }: JwtViewProps) {
  const decoded = useMemo(() => decodeJwtSafe(token), [token]);
  return (
    <section class="ol-section ol-jwt">
      <h4 class="ol-section-title">
        <span class="ol-mono">{source}</span>
        {decoded.ok ? (
          <>
            <span class="ol-badge">{show(decoded.header.alg ?? 'no alg')}</span>
            {decoded.header.kid !== undefined ? <span class="ol-badge" title="Key id">kid {show(decoded.header.kid)}</span> : null}
            <span class="ol-badge ol-badge-warn" title="The panel decodes tokens; it does not check their signature">signature not verified</span>
          </>
        ) : (
          <span class="ol-badge ol-badge-err">not a valid JWT</span>
        )}
      </h4>
      {decoded.ok ? (
        <>
          <table class="ol-kv">
            <caption class="ol-caption">Header</caption>
            <tbody>
              {Object.entries(decoded.header).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row" class="ol-mono">{k}</th>
                  <td><LongText text={show(v)} class="ol-mono ol-value" limit={400} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {decoded.payload === null ? (
            <p class="ol-pad ol-dim">Encrypted (JWE): the claims are not readable without the client's key.</p>
          ) : (
          <table class="ol-kv">
            <caption class="ol-caption">Claims</caption>
            <tbody>
              {Object.entries(decoded.payload).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row" class="ol-mono">{k}</th>
                  <td>
                    {TIME_CLAIMS.has(k) && typeof v === 'number' && Number.isFinite(v) ? (
                      <TimeClaim name={k} value={v} stepTime={stepTime} now={now} />
                    ) : (
                      <LongText text={show(v)} class="ol-mono ol-value" limit={400} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          )}
        </>
      ) : (
        <div class="ol-pad">
          <p class="ol-dim">Could not decode: {decoded.message}</p>
          <LongText text={token} class="ol-mono ol-value" limit={400} />
        </div>
      )}
    </section>
  );
}
