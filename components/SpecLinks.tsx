import type { RefLink } from '../lib/checks/refs';

/**
 * Spec references as a "·"-separated list; a reference without an address is plain text. A link
 * shown as "§10.12" after its document is named in full for screen readers ("RFC 6749 §10.12").
 */
export function SpecLinks({ links }: { links: readonly RefLink[] }) {
  return (
    <>
      {links.map((l, i) => (
        <span key={i}>
          {i > 0 ? ' · ' : ''}
          {l.href ? (
            <a href={l.href} target="_blank" rel="noreferrer noopener" aria-label={l.label === l.text ? undefined : l.label}>
              {l.text}
            </a>
          ) : (
            l.text
          )}
        </span>
      ))}
    </>
  );
}
