import type { Command } from './io';

/**
 * Subcommands other than `analyze`, loaded on demand. redact and export-har live in
 * cli/commands/*.ts; a missing module is reported as an unavailable command, not a crash.
 */
export const commands: Record<string, Command> = {
  redact: async (args, io) => (await import('./commands/redact')).runRedact(args, io),
  'export-har': async (args, io) => (await import('./commands/export-har')).runExportHar(args, io),
};
