import type { Outcome } from '../lib/model/flow';
import type { Severity } from '../lib/model/finding';

/** Small fixed SVG icons (no captured data ever reaches an SVG attribute). */
export type IconName = Severity | Outcome | 'record' | 'clear' | 'import' | 'export' | 'redirect' | 'popup' | 'iframe' | 'hidden' | 'filter';

const PATHS: Record<IconName, string> = {
  error: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm2.8 8.2-1.1 1.1L8 9.1l-1.7 1.7-1.1-1.1L6.9 8 5.2 6.3l1.1-1.1L8 6.9l1.7-1.7 1.1 1.1L9.1 8Z',
  failed: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm2.8 8.2-1.1 1.1L8 9.1l-1.7 1.7-1.1-1.1L6.9 8 5.2 6.3l1.1-1.1L8 6.9l1.7-1.7 1.1 1.1L9.1 8Z',
  warning: 'M8 1.2 15.2 14H.8L8 1.2Zm-.8 4.3v4.3h1.6V5.5H7.2Zm0 5.4v1.6h1.6v-1.6H7.2Z',
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm.8 10H7.2V7h1.6v4.5Zm0-6H7.2V4h1.6v1.5Z',
  success: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7 11 4 8l1.1-1.1L7 8.8l3.9-3.9L12 6l-5 5Z',
  incomplete: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.6a4.9 4.9 0 0 1 0 9.8V3.1Z',
  record: 'M8 3a5 5 0 1 0 0 10A5 5 0 0 0 8 3Z',
  clear: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM3.1 8a4.9 4.9 0 0 1 7.8-3.9l-6.8 6.8A4.9 4.9 0 0 1 3.1 8Zm4.9 4.9a4.9 4.9 0 0 1-2.9-1l6.8-6.8A4.9 4.9 0 0 1 8 12.9Z',
  import: 'M7.2 2h1.6v6.6l2.1-2.1 1.1 1.1L8 11.6 4 7.6l1.1-1.1 2.1 2.1V2ZM2 12.5h12V14H2v-1.5Z',
  export: 'M7.2 11.6h1.6V5l2.1 2.1 1.1-1.1L8 2 4 6l1.1 1.1L7.2 5v6.6ZM2 12.5h12V14H2v-1.5Z',
  redirect: 'M3 2h1.6v6.4h6.3L8.6 6.1l1.1-1.1L14 9.2l-4.3 4.3-1.1-1.1L10.9 10H3V2Z',
  popup: 'M2 3h8v1.5H3.5v8h8V9H13v5H2V3Zm7-1h5v5h-1.5V4.6L8.1 9 7 7.9l4.4-4.4H9V2Z',
  iframe: 'M2 2h12v12H2V2Zm1.5 1.5v9h9v-9h-9ZM5 5h6v6H5V5Z',
  hidden: 'M2 7.2h2.5v1.6H2V7.2Zm4 0h4v1.6H6V7.2Zm5.5 0H14v1.6h-2.5V7.2Z',
  filter: 'M2 3h12l-4.5 5.2V13l-3-1.5V8.2L2 3Z',
};

export function Icon({ name, title, class: className }: { name: IconName; title?: string; class?: string }) {
  return (
    <svg class={`ol-icon ol-icon-${name}${className ? ` ${className}` : ''}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden={title ? undefined : 'true'} role={title ? 'img' : undefined}>
      {title ? <title>{title}</title> : null}
      <path d={PATHS[name]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}
