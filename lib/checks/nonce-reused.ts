import { reusedAcrossFlowsCheck } from './support/reused-across-flows';

/** OIDC-Core §15.5.2: a nonce is only worth something when it is fresh per request. Reported on the later flow. */
export default reusedAcrossFlowsCheck({
  field: 'nonce',
  param: 'nonce',
  section: 'authorize-request',
  severity: 'warning',
  title: 'Nonce reused across flows',
  refs: [{ spec: 'OIDC-Core', section: '15.5.2' }, { spec: 'RFC 9700', section: '2.1.1' }],
  cause: 'A fixed or cached nonce.',
  fix: 'Use a fresh value per flow.',
  messages: {
    reused: 'The nonce "{value}" was already sent in {count} earlier authorization request(s) (flow {flows}): an ID Token from one login would be accepted in another.',
  },
});
