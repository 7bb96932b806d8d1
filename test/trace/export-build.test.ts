import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { TraceV1Schema } from '../../lib/model/trace';
import { buildExportFile, buildMarkdownSummary, buildShareLink } from '../../lib/trace/export-build';
import { loadInputText } from '../../lib/trace/load';
import { decodeShareFragment } from '../../lib/trace/share-link';
import { leakForms, plantedFlow, type Planted } from '../redact/planted';

const P: Planted = {
  code: 'CdExportCode0123456789',
  state: 'StExportState0123456789',
  nonce: 'NcExportNonce0123456789',
  verifier: 'VfExportVerifier01234567890123456789012345678',
  accessToken: 'AtExportAccess0123456789',
  refreshToken: 'RtExportRefresh0123456789',
  clientSecret: 'CsExportSecret0123456789',
  password: 'PwExport-0123456789',
  cookie: 'CkExportCookie0123456789',
  email: 'export.person@leak.example',
  sub: 'SubExport0123456789',
};
const NOW = new Date('2025-11-23T09:30:00Z');

describe('export outputs (the panel menu)', async () => {
  const { events, idToken } = await plantedFlow(P);
  const leaks = leakForms(P, idToken);
  const clean = (text: string) => leaks.filter((s) => text.includes(s));

  it('trace, HAR, Markdown and share link carry no planted secret', async () => {
    const trace = await buildExportFile('trace', events, { now: NOW });
    const har = await buildExportFile('har', events, { now: NOW });
    const md = await buildMarkdownSummary(events);
    const link = await buildShareLink(events, 'chrome-extension://x/viewer.html');
    expect(trace.filename).toBe('oauth-lens-2025-11-23T09-30-00.trace.json');
    expect(har.filename).toBe('oauth-lens-2025-11-23T09-30-00.har');
    for (const [where, text] of Object.entries({ trace: trace.text, har: har.text, md, link, linked: JSON.stringify(decodeShareFragment(link)) })) {
      expect(clean(text), where).toEqual([]);
    }
  });

  it.each([
    ['forged-state.har', 'state-mismatch'],
    ['code-reused.har', 'code-reused'],
  ])('%s: the redacted trace and HAR re-import and still show %s', async (fixture, check) => {
    const { events: recorded } = loadInputText(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'har', fixture), 'utf8'));
    expect((await analyzeEvents(recorded)).report.flows.flatMap((f) => f.findings.map((x) => x.check))).toContain(check);
    for (const format of ['trace', 'har'] as const) {
      const file = await buildExportFile(format, recorded, { now: NOW });
      const loaded = loadInputText(file.text, file.filename);
      expect(loaded.redaction?.redacted).toBe(true);
      const again = (await analyzeEvents(loaded.events)).report.flows.flatMap((f) => f.findings.map((x) => x.check));
      expect(again, `${fixture} as ${format}`).toContain(check);
    }
  });

  it('the unredacted trace is raw and says so', async () => {
    const file = await buildExportFile('trace-unredacted', events, { now: NOW });
    expect(file.filename).toContain('UNREDACTED');
    expect(file.redacted).toBe(false);
    expect(file.text).toContain(P.code);
    expect(TraceV1Schema.parse(JSON.parse(file.text)).redaction.redacted).toBe(false);
  });
});
