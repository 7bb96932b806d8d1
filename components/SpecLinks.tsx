/** Spec references as a "·"-separated list; a reference without an address is plain text. */
export function SpecLinks({ links }: { links: readonly { text: string; href: string | null | undefined }[] }) {
  return (
    <>
      {links.map((l, i) => (
        <span key={i}>
          {i > 0 ? ' · ' : ''}
          {l.href ? (
            <a href={l.href} target="_blank" rel="noreferrer noopener">
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
