import type { Param } from '../model/event';
import type { Flow } from '../model/flow';
import { FIX_TOPIC_CHECKS, type BrokerShape, type ConsoleFix, type Deviation, type DeviationId, type FixTopic, type ProviderProfile, type SessionExchange, type UrlRole, type UrlShape } from './profile';
import { PROVIDER_PROFILES } from './profiles';
import { requiredLiteral } from './required-literal';

/**
 * Reading the provider profiles: one compiled form for the capture hot path, one for
 * classification, and the lookups the analysis uses (which provider a flow talks to, its known
 * deviations, its console fixes).
 */

/** `site` shapes cover whole hosts: they name the provider of an error text, never capture or classify. */
const endpointShapes = (shapes: readonly UrlShape[] | undefined): UrlShape[] => (shapes ?? []).filter(([role]) => role !== 'site');

const ALL_SHAPES = PROVIDER_PROFILES.flatMap((p) => [...endpointShapes(p.urls), ...endpointShapes(p.customDomainUrls)]);

/** Every shape, custom domains included, as one alternation: the capture runs one regex per URL. */
const CAPTURE = new RegExp(ALL_SHAPES.map(([, source]) => `(?:${source})`).join('|'));

/**
 * Every shape needs some plain text in the URL (`/authorize`, `accounts.google.com/o/oauth2/…`):
 * a URL that contains none of those texts matches no shape, and one scan for all of them says so
 * far faster than the shapes themselves, whose `[^/]+` hosts backtrack (bench/analyze.ts: the
 * shapes were a third of `analyze` on a HAR of ordinary traffic). Without a text for some shape
 * the gate lets everything through.
 */
const LITERALS = ALL_SHAPES.map(([, source]) => requiredLiteral(source));
const GATE = LITERALS.every((l) => l !== null) ? new RegExp([...new Set(LITERALS)].map((l) => l!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')) : /(?:)/;
const mayMatchAShape = (url: string): boolean => GATE.test(url);

/** True when the URL has the shape of a known provider endpoint (capture prefilter: keep it). */
export function matchesProviderPattern(url: string): boolean {
  return mayMatchAShape(url) && CAPTURE.test(url);
}

/** The roles classification turns into step kinds (lib/flow/classify.ts). */
export type EndpointRole = Extract<UrlRole, 'authorize' | 'token' | 'discovery' | 'jwks' | 'userinfo' | 'end_session' | 'revocation' | 'device_authorization'>;
const STEP_ROLES: ReadonlySet<UrlRole> = new Set<EndpointRole>(['authorize', 'token', 'discovery', 'jwks', 'userinfo', 'end_session', 'revocation', 'device_authorization']);

interface CompiledShape {
  role: UrlRole;
  pattern: RegExp;
  profile: ProviderProfile;
}

/** Shapes that identify a provider on their own; custom-domain shapes need parameter evidence. */
const IDENTIFYING: readonly CompiledShape[] = PROVIDER_PROFILES.flatMap((profile) => endpointShapes(profile.urls).map(([role, source]) => ({ role, pattern: new RegExp(source), profile })));
const CLASSIFYING = IDENTIFYING.filter((s) => STEP_ROLES.has(s.role));

/**
 * Most URLs of a capture match no shape. The `^`-anchored ones, joined under an outer `^`, are
 * rejected in a single test that only looks at the start of the URL; the few unanchored ones are
 * tried as they are (bench/analyze.ts: ~3× faster than trying each).
 */
function rejecter(shapes: readonly CompiledShape[]): (url: string) => boolean {
  const anchored = shapes.filter((s) => s.pattern.source.startsWith('^')).map((s) => `(?:${s.pattern.source})`);
  const floating = shapes.filter((s) => !s.pattern.source.startsWith('^')).map((s) => s.pattern);
  const any = new RegExp(`^(?:${anchored.join('|')})`);
  return (url) => !mayMatchAShape(url) || (!any.test(url) && !floating.some((p) => p.test(url)));
}
const noClassifyingShape = rejecter(CLASSIFYING);
const noIdentifyingShape = rejecter(IDENTIFYING);

/** The endpoint role a provider URL shape gives, when parameters alone did not decide. */
export function providerRole(url: string): EndpointRole | null {
  if (noClassifyingShape(url)) return null;
  return (CLASSIFYING.find((s) => s.pattern.test(url))?.role as EndpointRole | undefined) ?? null;
}

/** The provider a URL belongs to, from its host or a path only that provider uses. */
export function providerOfUrl(url: string): ProviderProfile | null {
  if (noIdentifyingShape(url)) return null;
  return IDENTIFYING.find((s) => s.pattern.test(url))?.profile ?? null;
}

const BY_ID = new Map(
  PROVIDER_PROFILES.map((p) => [p.id, [...p.urls, ...(p.customDomainUrls ?? [])].map(([role, source]) => ({ role, pattern: new RegExp(source) }))] as const),
);

/**
 * Whether a URL is the provider's: one of its shapes (custom domains and `site` included),
 * restricted to `roles` when given. The provider-code table (lib/diagnosis/provider-error-codes.ts)
 * uses it for texts several providers share (plain OAuth error codes). Unknown ids never match.
 */
export function isProviderUrl(url: string, id: string, roles?: readonly UrlRole[]): boolean {
  return (BY_ID.get(id) ?? []).some((s) => (!roles || roles.includes(s.role)) && s.pattern.test(url));
}

export interface BrokerHop {
  profile: ProviderProfile;
  broker: BrokerShape;
}

/** Authorization hops of brokers: their `authorize` / `broker_authorize` shapes, custom domains included. */
const BROKER_SHAPES = PROVIDER_PROFILES.flatMap((profile) =>
  profile.broker
    ? [...profile.urls, ...(profile.customDomainUrls ?? [])]
        .filter(([role]) => role === 'authorize' || role === 'broker_authorize')
        .map(([, source]) => ({ pattern: new RegExp(source), profile, broker: profile.broker }))
    : [],
);

/**
 * A broker's authorization hop (issue 17 point 7): a broker URL shape carrying one of the
 * broker's marker parameters (Supabase provider=, Auth0 connection=, Cognito identity_provider=),
 * with or without client_id and response_type. Null for anything else.
 */
export function brokerHop(url: string, query: readonly Param[]): BrokerHop | null {
  for (const s of BROKER_SHAPES) {
    if (s.broker && s.broker.marker.some((m) => query.some((p) => p.name === m)) && s.pattern.test(url)) return { profile: s.profile, broker: s.broker };
  }
  return null;
}

const SESSION_EXCHANGES = PROVIDER_PROFILES.flatMap((profile) => (profile.sessionExchange ? [{ pattern: new RegExp(profile.sessionExchange.url), exchange: profile.sessionExchange }] : []));

/** A provider's own code-for-session call (Supabase /auth/v1/token?grant_type=pkce), or null. */
export function sessionExchangeOf(url: string): SessionExchange | null {
  return SESSION_EXCHANGES.find((s) => s.pattern.test(url))?.exchange ?? null;
}

const byFlow = new WeakMap<Flow, ProviderProfile | null>();

/** The provider a flow talks to: the one its authorization request went to, else its token endpoint's. */
export function flowProvider(flow: Flow): ProviderProfile | null {
  const known = byFlow.get(flow);
  if (known !== undefined) return known;
  const urls = [flow.authorize ? flow.steps[flow.authorize.step]?.url : undefined, ...flow.tokens.map((t) => flow.steps[t.step]?.url)];
  let found: ProviderProfile | null = null;
  for (const url of urls) if (url && !found) found = providerOfUrl(url);
  byFlow.set(flow, found);
  return found;
}

export interface KnownDeviation {
  provider: ProviderProfile;
  deviation: Deviation;
}

/** The deviation the flow's provider is documented for, or null. */
export function knownDeviation(flow: Flow, id: DeviationId): KnownDeviation | null {
  const provider = flowProvider(flow);
  const deviation = provider?.deviations?.find((d) => d.id === id);
  return provider && deviation ? { provider, deviation } : null;
}

/**
 * The provider's own words for where to fix a failure, with the flow's redirect_uri and
 * client_id filled in, and the documentation cited. Null when the provider has none.
 */
export function providerFix(flow: Flow, topic: FixTopic): string | null {
  const provider = flowProvider(flow);
  const fix: ConsoleFix | undefined = provider?.fixes?.[topic];
  if (!provider || !fix) return null;
  const where = fix.where
    .replaceAll('{redirect_uri}', flow.redirectUri ?? 'the exact redirect_uri the app sends')
    .replaceAll('{client_id}', flow.clientId ?? 'your client');
  return `${where} (${provider.name} documentation: ${fix.source})`;
}

const TOPIC_OF_CHECK = new Map<string, FixTopic>(
  (Object.entries(FIX_TOPIC_CHECKS) as Array<[FixTopic, readonly string[]]>).flatMap(([topic, ids]) => ids.map((id) => [id, topic] as const)),
);

/** The provider-specific fix for a finding of this check on this flow, or null. */
export function providerFixForCheck(flow: Flow, checkId: string): string | null {
  const topic = TOPIC_OF_CHECK.get(checkId);
  return topic ? providerFix(flow, topic) : null;
}
