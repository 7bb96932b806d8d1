import check from '../../lib/checks/token-exchange-not-observable';
import { describeCheck } from '../support/check-cases';
import { codeFlow } from '../support/events';

describeCheck(check, {
  fires: [{ name: 'server-side exchange', events: codeFlow({ exchange: 'server' }) }],
  silent: [
    { name: 'browser exchange', events: codeFlow({ exchange: 'browser' }) },
    { name: 'error callback carries no code', events: codeFlow({ callbackParams: { code: null, error: 'access_denied' } }) },
  ],
});
