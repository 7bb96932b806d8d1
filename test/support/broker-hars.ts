import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CapturedEvent } from '../../lib/model/event';
import { loadInputText } from '../../lib/trace/load';

/** The HAND-BUILT broker logins of test/fixtures/brokers (see build-hars.ts there for their sources). */
export type BrokerHar =
  | 'supabase-github-pkce.har'
  | 'auth0-connection-github.har'
  | 'auth0-connection-google.har'
  | 'auth0-google-redirect-uri-mismatch.har'
  | 'cognito-identity-provider-google.har'
  | 'keycloak-idp-hint-google.har'
  | 'sequential-brokered-logins.har'
  | 'two-tabs-independent.har';

const DIR = resolve(import.meta.dirname, '../fixtures/brokers');

/** A broker HAR's events, optionally with its text edited first (one changed parameter makes a failing case). */
export function brokerEvents(file: BrokerHar, edit: (text: string) => string = (t) => t): CapturedEvent[] {
  const text = edit(readFileSync(resolve(DIR, file), 'utf8'));
  return loadInputText(text, file).events;
}

/** Replace every occurrence, failing loudly when the fixture no longer holds the text (a case that cannot fail is no case). */
export function replacing(from: string, to: string): (text: string) => string {
  return (text) => {
    if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
    return text.replaceAll(from, to);
  };
}
