import { useMemo } from 'preact/hooks';
import { LongText } from './LongText';

function pretty(text: string): { text: string; json: boolean } {
  if (text.length > 2_000_000) return { text, json: false };
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), json: true };
  } catch {
    return { text, json: false };
  }
}

/** A body as text: JSON pretty-printed, anything else verbatim (HTML is never rendered). */
export function BodyView({ text, caption, mimeType, truncated }: { text: string; caption: string; mimeType?: string; truncated?: boolean }) {
  const shown = useMemo(() => pretty(text), [text]);
  return (
    <section class="ol-section">
      <h4 class="ol-section-title">
        {caption}{' '}
        <span class="ol-dim">
          {mimeType ?? (shown.json ? 'JSON' : 'text')} · {text.length.toLocaleString('en-US')} chars{truncated ? ' · truncated' : ''}
        </span>
      </h4>
      <pre class="ol-body">
        <LongText text={shown.text} limit={20_000} />
      </pre>
    </section>
  );
}
