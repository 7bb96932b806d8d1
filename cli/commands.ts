/** Output sinks, so commands are testable without a process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** What `-` reads; process.stdin when absent. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Subcommands other than `analyze`, loaded on demand. redact and export-har live in
 * cli/commands/*.ts; a missing module is reported as an unavailable command, not a crash.
 */
export const commands: Record<string, Command> = {
  redact: async (args, io) => (await import('./commands/redact')).runRedact(args, io),
  'export-har': async (args, io) => (await import('./commands/export-har')).runExportHar(args, io),
};
