import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/main';
import type { CapturedEvent } from '../../lib/model/event';
import { buildExportFile, buildMarkdownSummary, buildShareLink } from '../../lib/trace/export-build';
import { decodeShareFragment } from '../../lib/trace/share-link';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';

/** Output (stdout and stderr) of one CLI command run in-process. */
export async function cli(args: string[]): Promise<string> {
  let out = '';
  await main(args, { stdout: (s) => void (out += s), stderr: (s) => void (out += s) });
  return out;
}

/**
 * Every export path of issue 12, as text: CLI redact, export-har, analyze text and Markdown, and
 * the panel's trace, HAR, Markdown and share link. `file` is where the trace is written for the CLI.
 */
export async function exportPaths(events: CapturedEvent[], dir: string, name: string): Promise<Record<string, string>> {
  const file = join(dir, `${name}.trace.json`);
  writeFileSync(file, serializeTrace(makeTrace(events)));
  const link = await buildShareLink(events, 'chrome-extension://x/viewer.html', { maxFragmentChars: 1 << 22 });
  return {
    'cli redact': await cli(['redact', file, '-']),
    'cli export-har': await cli(['export-har', file, '-']),
    'cli analyze text': await cli(['analyze', file]),
    'cli analyze md': await cli(['analyze', file, '--format', 'md']),
    'panel trace': (await buildExportFile('trace', events)).text,
    'panel har': (await buildExportFile('har', events)).text,
    'panel markdown': await buildMarkdownSummary(events),
    'panel share link': link + JSON.stringify(decodeShareFragment(link, { maxFragmentChars: 1 << 22 })),
  };
}
