import { useState } from 'preact/hooks';

const LIMIT = 2000;

/**
 * Captured values can be huge (a 1 MB parameter, a big JWT). Render a prefix as text and let
 * the user expand; the full value is still only ever a text node.
 */
export function LongText({ text, limit = LIMIT, class: className }: { text: string; limit?: number; class?: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= limit || open) return <span class={className}>{text}</span>;
  return (
    <span class={className}>
      {text.slice(0, limit)}
      <button type="button" class="ol-link-button" onClick={() => setOpen(true)}>
        … show all {text.length.toLocaleString('en-US')} characters
      </button>
    </span>
  );
}
