import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { sitesOfTab, sitesToOffer, type FlowSite } from '../lib/site-access/flow-sites';
import { siteLabel } from '../lib/site-access/patterns';
import type { SiteAccessActions, SiteAccessState } from './hooks/use-site-access';

/** A granted pattern as people read it: http://127.0.0.1/ plus a star reads "http://127.0.0.1". */
const patternLabel = (pattern: string) => siteLabel(pattern.replace(/\/\*$/, '/')) ?? pattern;

function SiteRows({ sites, action, label }: { sites: readonly FlowSite[]; action: (site: FlowSite) => void; label: string }) {
  return (
    <ul class="ol-site-list">
      {sites.map((site) => (
        <li key={site.pattern}>
          <span class="ol-site-name">{site.label}</span> <span class="ol-site-role">({site.role})</span>{' '}
          <button type="button" onClick={() => action(site)} aria-label={`${label} ${site.label}`}>
            {label}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One of the two answers to "where should OAuth Lens capture logins?". */
function AccessChoice({ id, checked, onChoose, children }: { id: string; checked: boolean; onChoose: () => void; children: ComponentChildren }) {
  return (
    <div class="ol-options-choice">
      <input type="radio" id={id} name="access" checked={checked} onChange={onChoose} />
      <label for={id}>{children}</label>
    </div>
  );
}

/** The options page: capture on all sites (the default) or only on the sites listed. */
export function SiteAccessPage({ state, actions }: { state: SiteAccessState; actions: SiteAccessActions }) {
  const { access, flows, tab, message } = state;
  const [onlyChosen, setOnlyChosen] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  if (!access) return <main class="ol-options ol-page ol-theme-auto" aria-busy="true"><h1>OAuth Lens site access</h1></main>;

  const mode = access.allSites ? 'all' : access.sites.length || onlyChosen ? 'only' : 'none';
  const offered = sitesToOffer(flows, access);
  const tabSites = tab ? sitesOfTab(tab, flows) : [];
  const tabMissing = tabSites.filter((s) => !access.sites.includes(s.pattern));
  const choose = (only: boolean) => {
    setOnlyChosen(only);
    if (only) actions.chooseOnlySites();
    else actions.chooseAllSites();
  };

  return (
    <main class="ol-options ol-page ol-theme-auto" data-access={mode}>
      <h1>OAuth Lens site access</h1>
      <p>
        OAuth Lens reads the requests of the sites it may access, to rebuild logins. Requests of other sites never reach it, but Chromium still passes every page's loads through a request-watching layer for it, which costs a little time on every site. Captures stay in this browser.
      </p>
      {mode === 'none' ? (
        <p class="ol-options-notice" role="status">
          OAuth Lens has no site access yet, so it captures nothing. Choose below.
        </p>
      ) : null}
      <fieldset>
        <legend>Where should OAuth Lens capture logins?</legend>
        <AccessChoice id="access-all" checked={mode === 'all'} onChoose={() => choose(false)}>
          Capture on all sites <span class="ol-site-role">(the default)</span>
        </AccessChoice>
        <AccessChoice id="access-only" checked={mode === 'only'} onChoose={() => choose(true)}>
          Only on these sites
        </AccessChoice>
      </fieldset>
      {message ? (
        <p class="ol-options-notice" role="alert">
          {message}
        </p>
      ) : null}

      {mode === 'only' ? (
        <>
          <section aria-labelledby="granted-title">
            <h2 id="granted-title">Sites OAuth Lens may access</h2>
            {access.sites.length ? (
              <ul class="ol-site-list" id="granted-sites">
                {access.sites.map((pattern) => (
                  <li key={pattern} data-pattern={pattern}>
                    <span class="ol-site-name">{patternLabel(pattern)}</span>{' '}
                    <button type="button" onClick={() => actions.remove(pattern)} aria-label={`Remove ${patternLabel(pattern)}`}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p id="granted-sites">None yet: OAuth Lens captures nothing until you allow a site.</p>
            )}
          </section>
          <section aria-labelledby="tab-title">
            <h2 id="tab-title">This tab's sites</h2>
            {tab ? (
              <>
                <p>
                  <span class="ol-site-name">{tab.title}</span>: {tabSites.map((s) => s.label).join(', ')}
                </p>
                <button type="button" id="allow-tab-sites" disabled={tabMissing.length === 0} onClick={() => actions.allow(tabMissing.map((s) => s.pattern))}>
                  {tabMissing.length ? `Allow this tab's sites (${tabMissing.length})` : "This tab's sites are allowed"}
                </button>
              </>
            ) : (
              <p>No web page is open.</p>
            )}
          </section>
          <section aria-labelledby="offered-title">
            <h2 id="offered-title">Sites of captured logins</h2>
            {offered.length ? (
              <SiteRows sites={offered} label="Allow" action={(site) => actions.allow([site.pattern])} />
            ) : (
              <p>Every identity provider and app of the captured logins is allowed (or nothing is captured yet).</p>
            )}
          </section>
          <section aria-labelledby="typed-title">
            <h2 id="typed-title">Add a site</h2>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const error = actions.allowTyped(typed);
                setTypedError(error);
                if (!error) setTyped('');
              }}
            >
              <label for="typed-site">Site address</label>{' '}
              <input id="typed-site" type="text" inputMode="url" autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} aria-describedby="typed-help" />{' '}
              <button type="submit" id="typed-site-allow">Allow</button>
              <p id="typed-help" class="ol-site-role">
                For example https://login.example.com — every port of that host is included.
              </p>
              {typedError ? <p role="alert">{typedError}</p> : null}
            </form>
          </section>
        </>
      ) : null}
    </main>
  );
}
