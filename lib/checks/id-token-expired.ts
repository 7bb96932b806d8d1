import { timeClaimCheck } from './support/time-claim';

/** OIDC-Core §3.1.3.7 step 9: the current time MUST be before exp (with a small leeway for skew). */
export default timeClaimCheck({
  claims: ['exp'],
  window: 'after-arrival',
  section: 'token',
  severity: 'error',
  title: 'ID Token already expired when received',
  refs: [{ spec: 'OIDC-Core', section: '2' }, { spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 9' }],
  cause: 'A token replayed from a cache, very short lifetimes combined with a slow exchange, or the local clock running ahead.',
  fix: 'Request fresh tokens and sync clocks (NTP).',
  messages: {
    outside: '{token} (step {step}) expired at {time}, {seconds} s before it was received at {receivedAt} (allowed skew {skew} s).',
  },
});
