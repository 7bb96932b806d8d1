import { completeLogin, discover, finish } from './spa-lib.js';

const message = { type: 'oauth-lens-demo:callback', url: location.href };

if (window.opener && window.opener !== window) {
  // Popup: hand the response to the opener, which owns the transaction, then close.
  window.opener.postMessage(message, location.origin);
  window.close();
} else if (window.parent !== window) {
  // Silent renew in a hidden iframe.
  window.parent.postMessage(message, location.origin);
} else {
  const url = location.href;
  history.replaceState(null, '', location.pathname); // the code must not linger in the URL or history
  discover()
    .then((meta) => completeLogin(meta, url))
    .catch((e) => finish('error', String(e)));
}
