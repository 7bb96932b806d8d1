import { claimsOf, tokenWhere, visibleIdTokens } from './support/id-tokens';
import { defineCheck } from './types';

/** OIDC-Core §3.1.3.7 steps 3–5: aud contains client_id; several audiences need azp = client_id. */
export default defineCheck({
  section: 'token',
  severity: 'error',
  title: 'ID Token audience is not this client',
  refs: [{ spec: 'OIDC-Core', section: '3.1.3.7', note: 'steps 3–5' }],
  cause: 'The wrong client id configured in the validator, a token issued to another client, or an access token validated as if it were an ID Token.',
  fix: 'Validate against the client_id used in the authorization request, and require azp when several audiences are present.',
  messages: {
    audLacksClient: '{where} has aud {aud}, which does not contain the client_id "{clientId}".',
    azpNotClient: '{where} has azp "{azp}", not the client_id "{clientId}".',
    azpMissing: '{where} has {count} audiences ({audiences}) but no azp naming "{clientId}" as the authorized party.',
  },
  run(flow, ctx) {
    for (const seen of visibleIdTokens(flow, ctx)) {
      const claims = claimsOf(seen);
      const clientId = flow.authorize?.clientId ?? flow.clientId ?? seen.exchange?.clientId ?? null;
      if (!claims || clientId === null || claims.aud === undefined) continue;
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      const where = `${tokenWhere(seen)} (step ${seen.step + 1})`;
      const azp = typeof claims.azp === 'string' ? claims.azp : null;
      const base = {
        step: seen.step,
        evidence: [
          { label: 'aud', value: JSON.stringify(claims.aud), expected: clientId, step: seen.step },
          ...(azp === null ? [] : [{ label: 'azp', value: azp, expected: clientId, step: seen.step }]),
        ],
      };
      if (!aud.includes(clientId)) ctx.report({ ...base, messageId: 'audLacksClient', data: { where, aud: JSON.stringify(claims.aud), clientId } });
      else if (azp !== null && azp !== clientId) ctx.report({ ...base, messageId: 'azpNotClient', data: { where, azp, clientId } });
      else if (aud.length > 1 && azp === null) ctx.report({ ...base, messageId: 'azpMissing', data: { where, count: aud.length, audiences: aud.join(', '), clientId } });
    }
  },
});
