import type { CatalogGroup } from '../lib/checks/catalog';
import { SpecLinks } from './SpecLinks';
import { SEVERITY_LABEL } from './view-models/format';

/** The check catalog page: one section per check (anchor = check id), grouped as the registry groups them. */
export function Catalog({ groups }: { groups: readonly CatalogGroup[] }) {
  return (
    <main class="ol-catalog ol-page ol-theme-auto">
      <h1>OAuth Lens check catalog</h1>
      <nav aria-label="Sections">
        <ul>
          {groups.map((g) => (
            <li key={g.id}>
              <a href={`#${g.id}`}>{g.title}</a> ({g.entries.length})
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.id} id={g.id} aria-labelledby={`${g.id}-title`}>
          <h2 id={`${g.id}-title`}>{g.title}</h2>
          {g.entries.map((e) => (
            <article key={e.id} id={e.id} class={`ol-finding ol-sev-border-${e.severity}`} aria-label={e.title}>
              <h3>
                <code>{e.id}</code> — {e.title} <span class={`ol-badge ol-sev-${e.severity}`}>{SEVERITY_LABEL[e.severity]}</span>
              </h3>
              <p class="ol-finding-cause">
                <strong>Likely cause: </strong>
                {e.cause}
              </p>
              <p class="ol-finding-fix">
                <strong>Fix: </strong>
                {e.fix}
              </p>
              <p class="ol-finding-spec">
                <strong>Spec: </strong>
                <SpecLinks links={e.refs} />
              </p>
              {e.providerCodes.length ? (
                <details>
                  <summary>Provider codes that point here ({e.providerCodes.length})</summary>
                  <ul>
                    {e.providerCodes.map((p, i) => (
                      <li key={i}>
                        {p.provider} <code>{p.code}</code>: {p.meaning}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </article>
          ))}
        </section>
      ))}
    </main>
  );
}
