export interface WelcomeProps {
  /** Chromium-family browsers read response bodies only with DevTools open; Firefox reads them in the background. */
  browserName: 'chrome' | 'firefox';
  /** Opens the check catalog (the popup and this page share the link). */
  onCatalog?(): void;
  /** Opens the options page, where site access is chosen. */
  onSiteAccess?(): void;
}

/**
 * The page shown once after install (and from the popup's "Getting started"): where the panel
 * is, what is captured and what is not, that nothing leaves the browser, and how to try a broken
 * login with the demo.
 */
export function Welcome({ browserName, onCatalog, onSiteAccess }: WelcomeProps) {
  return (
    <main class="ol-page ol-welcome ol-theme-auto">
      <h1>OAuth Lens is installed</h1>
      <p class="ol-welcome-lead">It watches OAuth 2.0 and OpenID Connect logins in your tabs, rebuilds each flow step by step and explains what failed, why, and how to fix it.</p>

      <section aria-labelledby="ol-w-access">
        <h2 id="ol-w-access">First, choose where it may capture</h2>
        <p>
          OAuth Lens has no access to any site yet, so it captures nothing. Choose <strong>Capture on all sites</strong> (the default), or <strong>Only on these sites</strong> to allow
          your identity provider and your app one by one. You can change this at any time.
        </p>
        {onSiteAccess ? (
          <p>
            <button type="button" class="ol-link" onClick={onSiteAccess}>
              Choose site access
            </button>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="ol-w-where">
        <h2 id="ol-w-where">Where to find it</h2>
        <ol>
          <li>
            Open <strong>DevTools</strong> on the page where the login happens (<kbd>F12</kbd>, or <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>I</kbd>; <kbd>⌥</kbd>+<kbd>⌘</kbd>+<kbd>I</kbd> on a Mac).
          </li>
          <li>
            Pick the <strong>OAuth Lens</strong> panel. With many panels it sits behind <strong>»</strong> at the end of the panel tabs; drag it forward to keep it in sight.
          </li>
          <li>The toolbar button lists the flows of the current tab, with their outcome and first error; its badge counts the flows with errors.</li>
        </ol>
      </section>

      <section aria-labelledby="ol-w-what">
        <h2 id="ol-w-what">What is captured, and what is not</h2>
        <ul>
          <li>
            <strong>Capture runs with the panel closed.</strong> Requests, redirects and navigations of a login are recorded in every tab from the moment it starts; open the panel
            afterwards and the flow is there.
          </li>
          {browserName === 'chrome' ? (
            <li>
              <strong>Response bodies need DevTools open in Chrome.</strong> Token, userinfo and error-page bodies reach the extension only through DevTools: open it on the tab before you
              log in. Everything else (URLs, parameters, headers, cookies, redirects) is captured without it.
            </li>
          ) : (
            <li>
              <strong>Firefox reads response bodies without DevTools.</strong> Token, discovery, JWKS, userinfo and provider error-page bodies are read in the background.
            </li>
          )}
          <li>Pause capture for a tab from the toolbar button or the panel; Clear forgets what that tab captured.</li>
        </ul>
      </section>

      <section aria-labelledby="ol-w-private">
        <h2 id="ol-w-private">Nothing leaves the browser</h2>
        <p>
          OAuth Lens uploads nothing: captured values never go to any server. Captures are kept in the browser's session storage (in memory, never on disk) and are gone when the
          browser quits. Exports are files you save, redacted by default (codes, tokens, secrets and cookies replaced by tags); share links carry a redacted trace in the URL fragment,
          which browsers never send to a server. The one request the extension makes on its own is “Fetch issuer metadata”, when you click it: the issuer's public discovery document
          and keys.
        </p>
      </section>

      <section aria-labelledby="ol-w-try">
        <h2 id="ol-w-try">Try it on a broken login</h2>
        <p>The project ships a local OpenID provider and a sample app with one button per scenario, working and broken. From a clone of the repository:</p>
        <pre class="ol-welcome-code">{'npm ci\nnpm start'}</pre>
        <p>
          Chromium opens with the extension and DevTools on the sample app. Click <strong>Forged state</strong> (or, in the single-page app, <strong>Log in, lose the PKCE verifier</strong>), then look at the OAuth Lens panel: the failing
          step is marked and the finding says why. Everything runs on 127.0.0.1; the README's “Set up” section has the details.
        </p>
      </section>

      <p>
        Every check, with its cause, fix and spec section:{' '}
        {onCatalog ? (
          <button type="button" class="ol-link" onClick={onCatalog}>
            the check catalog
          </button>
        ) : (
          <a href="catalog.html">the check catalog</a>
        )}
        .
      </p>
    </main>
  );
}
