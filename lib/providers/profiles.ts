import type { ProviderProfile } from './profile';
import { google } from './families/google';
import { entra, entraExternal } from './families/microsoft';
import { okta, auth0, keycloak, ping, salesforce } from './families/enterprise';
import { github, gitlab } from './families/code-hosts';
import { cognito, awsSso, loginWithAmazon } from './families/amazon';
import { supabase } from './families/supabase';
import { apple, facebook, linkedin, x, slack, discord } from './families/social';

/**
 * Provider profiles: the one source of provider knowledge. The capture prefilter keeps requests
 * that match any URL shape (lib/capture/prefilter.ts); classification labels steps by the shapes
 * that identify a provider (lib/flow/classify.ts); the analysis names the provider of a flow,
 * silences the deviations it is documented for (reported once as info by
 * provider-known-deviation) and puts the provider's own console path in the fix of the most
 * common failures (lib/checks/engine.ts). URL shapes were first written from the providers'
 * endpoint documentation; each deviation and fix cites the page that states it.
 */
export const PROVIDER_PROFILES: readonly ProviderProfile[] = [
  // Order matters: classification takes the first shape that matches.
  google,
  entra,
  entraExternal,
  okta,
  auth0,
  keycloak,
  github,
  apple,
  cognito,
  supabase,
  awsSso,
  loginWithAmazon,
  salesforce,
  facebook,
  ping,
  gitlab,
  linkedin,
  x,
  slack,
  discord,
];
