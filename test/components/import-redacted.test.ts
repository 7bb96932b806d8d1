import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importShareFragment, type ImportedTrace } from '../../lib/trace/import-core';
import { redactTrace } from '../../lib/trace/outside-flows';
import { toHar } from '../../lib/trace/har-export';
import { encodeShareFragment } from '../../lib/trace/share-link';
import { loadInputText } from '../../lib/trace/load';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';

/** The panel's import passes a redacted file's manifest to the analysis, so verdicts equal the raw recording's. */
const har = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'har', name), 'utf8');
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const verdicts = (t: ImportedTrace) => t.analysis.flows.map((f) => `${f.outcome}: ${f.findings.map((x) => `${x.check}/${x.severity}`).sort().join(' ')}`);

describe.each(['pkce-mismatch.har', 'spa-two-tabs-verifier-overwritten.har'])('importing a redacted export of %s', (name) => {
  it('trace file, HAR export and share link give the raw verdicts', async () => {
    const raw = await importFile(file(name, har(name)));
    expect(verdicts(raw).join(' ')).toContain('pkce-verifier-mismatch/error');
    const trace = await redactTrace(makeTrace(loadInputText(har(name)).events));
    const asTrace = await importFile(file('x.trace.json', serializeTrace(trace)));
    const asHar = await importFile(file('x.har', JSON.stringify(toHar(trace.events, { redacted: true, redaction: trace.redaction }))));
    const asLink = await importShareFragment(encodeShareFragment(trace, { maxFragmentChars: 1 << 22 }));
    for (const imported of [asTrace, asHar, asLink]) {
      expect(imported.redacted).toBe(true);
      expect(verdicts(imported)).toEqual(verdicts(raw));
    }
  });
});
