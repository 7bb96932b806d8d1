import { TOOL } from '../lib/trace/trace-v1';

/** What `--version` prints: the version written into every export (package.json's). */
export const VERSION = TOOL.version;

/** Help of each command, printed by `oauth-lens <command> --help`; the first line is its usage. */
export const COMMAND_HELP = {
  analyze: `usage: oauth-lens analyze <file|-> [<file|->…] [--json] [--format text|md] [--fetch-metadata] [--no-redact]

Analyze the OAuth 2.0 / OpenID Connect flows in HAR files or OAuth Lens traces: a timeline per
flow with each finding under the step that caused it, its cause, fix and spec section.
A file named - is read from standard input (once).

  --json             print the analysis document (docs/architecture.md "The analysis document")
  --format text|md   text (the default) or a Markdown summary for a ticket; both are redacted
                     (codes, tokens, cookies, personal data shown as tags, docs/trace-format.md)
  --no-redact        show raw values in text and Markdown (--json always has them)
  --fetch-metadata   fetch the discovery document and JWKS of each flow's own issuer when the
                     capture lacks them (opt-in network access; nothing else is contacted)
  -h, --help         this help

Several files: text and Markdown print "==> file <==" before each file's output; --json prints
one array with {"file", "analysis"} or {"file", "error"} per file, in argument order (with a
single file, the document itself). A file that cannot be read is reported on stderr and the
others are still analyzed.

Exit status (the highest over all files): 0 no error-level finding, 1 at least one, 2 bad input
or usage.`,
  redact: `usage: oauth-lens redact <in.har|trace.json|-> <out.json|->

Write a redacted trace v1: codes, tokens, secrets, cookies and personal data become tags that
keep equal values equal (docs/trace-format.md). - reads standard input / writes standard output.

Exit status: 0 written, 2 bad input or usage.`,
  'export-har': `usage: oauth-lens export-har <trace.json|in.har|-> <out.har|-> [--no-redact]

Write a HAR 1.2 file that Chrome DevTools can import, redacted unless --no-redact is given
(then it holds live codes, tokens and cookies: do not share it).

Exit status: 0 written, 2 bad input or usage.`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

/** The first line of a command's help. */
export function usageOf(command: CommandName): string {
  return COMMAND_HELP[command].split('\n')[0]!;
}

export const MAIN_HELP = `OAuth Lens ${VERSION}: explains what failed in an OAuth 2.0 / OpenID Connect login, from a
HAR file or an OAuth Lens trace.

${Object.values(COMMAND_HELP)
  .map((help) => `  ${help.split('\n')[0]!.replace(/^usage: /, '')}`)
  .join('\n')}
  oauth-lens <command> --help
  oauth-lens --version

Exit status: 0 no error-level finding, 1 at least one, 2 bad input or usage.`;
