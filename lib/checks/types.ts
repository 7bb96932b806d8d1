import type { Evidence, Severity } from '../model/finding';
import type { Flow } from '../model/flow';
import type { SpecRef } from './refs';
import type { AnalysisContext } from '../model/analysis-context';

/** The sections of the catalog (docs/checks.md, the extension's catalog page); lib/checks/catalog.ts titles them. */
export type SectionId = 'authorize-request' | 'callback' | 'token' | 'errors-and-metadata';

/** Message templates by id: `{ reused: 'The nonce "{nonce}" was already sent…' }`. */
export type Messages = Readonly<Record<string, string>>;

/** The placeholders of a template: `'sent "{state}" in {count}'` → `'state' | 'count'`. */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** What a placeholder is filled with (written as `${value}` would write it). */
export type MessageValue = string | number;

/** `data` must fill every placeholder of the template, and nothing is needed for a template without any. */
type DataFor<T extends string> = string extends T
  ? { data?: Readonly<Record<string, MessageValue>> }
  : [Placeholders<T>] extends [never]
    ? { data?: undefined }
    : { data: Readonly<Record<Placeholders<T>, MessageValue>> };

/**
 * A check in the style of an ESLint rule: metadata as data, plus a pure `run`. The id is not
 * written here: the registry (lib/checks/index.ts) gives it, and it equals the file name. A check
 * never mutates the flow, never depends on the order checks run in, and never throws over bad
 * protocol data (a bad token is a finding, not an exception).
 */
export interface CheckMeta<M extends Messages = Messages> {
  /** The section of docs/checks.md the check is listed in. */
  section: SectionId;
  /** Default severity; `report` may raise or lower it where a check says so (docs/checks.md). */
  severity: Severity;
  title: string;
  /** Spec references as data: `[{ spec: 'RFC 6749', section: '10.12' }]` (lib/checks/refs.ts). */
  refs: readonly SpecRef[];
  /** Likely root cause, in plain language. */
  cause: string;
  /** What to change. */
  fix: string;
  /** Message templates by id; `{name}` placeholders are filled from a report's `data`. */
  messages: M;
}

interface ReportFields {
  /** Index of the step the finding belongs to, or null for the flow as a whole. */
  step: number | null;
  severity?: Severity;
  evidence?: Evidence[];
  /** Overrides of the metadata text when the concrete case has a sharper explanation. */
  cause?: string;
  fix?: string;
}

/** One finding as a check reports it: a message id of its `messages`, with that template's placeholders. */
export type Report<M extends Messages = Messages> = {
  [K in keyof M & string]: ReportFields & { messageId: K } & DataFor<M[K]>;
}[keyof M & string];

export interface CheckContext<M extends Messages = Messages> {
  /** The id of the running check (its file name). */
  readonly checkId: string;
  readonly analysis: AnalysisContext;
  report(report: Report<M>): void;
  /** The evidence lies outside the browser (docs/architecture.md "What the browser sees": never report that as a failure). */
  notObservable(reason: string): void;
}

/** What a check file exports: its metadata and its `run`. */
export interface CheckDefinition<M extends Messages = Messages> extends CheckMeta<M> {
  run(flow: Flow, ctx: CheckContext<M>): void;
}

/** A registered check: its definition with the id the registry gave it. */
export interface Check extends CheckDefinition {
  readonly id: string;
}

/** Types a check file's default export; `messages` keep their literal text so `data` is checked against it. */
export function defineCheck<const M extends Messages>(definition: CheckDefinition<M>): CheckDefinition<M> {
  return definition;
}

/** A template filled from `data`: each `{name}` replaced by its value (values are not read again). */
export function formatMessage(template: string, data: Readonly<Record<string, MessageValue>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}
