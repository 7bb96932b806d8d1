import { authorizeUrl, completeLogin, discover, finish, log } from './spa-lib.js';

// Like an SPA library: metadata first, then the login buttons.
const meta = await discover();
log(`discovered ${meta.issuer}`);

for (const button of document.querySelectorAll('button[data-scenario]')) {
  button.addEventListener('click', () => start(button.dataset.scenario));
}

function start(scenario) {
  // A popup must open inside the click, before any await, or the browser blocks it.
  const popup = scenario === 'popup' ? window.open('about:blank', 'oauth-lens-demo-popup', 'width=520,height=640') : null;
  authorizeUrl(meta, scenario).then((url) => {
    if (popup) popup.location.href = url;
    else if (scenario === 'silent') frame(url);
    else location.assign(url);
  });
}

function frame(url) {
  const iframe = document.createElement('iframe');
  iframe.hidden = true;
  iframe.src = url;
  document.body.append(iframe);
}

// Popup and silent-renew callbacks hand their URL back here; the token request runs in this tab.
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.data?.type !== 'oauth-lens-demo:callback') return;
  document.querySelector('iframe')?.remove();
  completeLogin(meta, event.data.url).catch((e) => finish('error', String(e)));
});
