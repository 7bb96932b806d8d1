import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { AS, APP, codeFlow, hop } from '../support/events';
import { cli, exportPaths } from '../support/export-paths';

/**
 * Issue 12 "Redaction leaks", item by item as the adversarial pass found them: each planted value
 * must be gone from every export path (CLI redact, export-har, analyze text and Markdown, the
 * panel's trace, HAR, Markdown and share link). The random version is
 * test/redact/planted-markers.test.ts; this one names every reported case.
 */
const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-leaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EMAIL = 'leaky.person.4417@example.org';
const ID_TOKEN_HINT = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJoaW50LXN1YmplY3QtNDQxNyJ9.';

/** [what the issue said, the secret that must not survive]; `plantAll` puts each in its place. */
const LEAKS: ReadonlyArray<readonly [string, string]> = [
  ['X-Auth-Token request header', 'xauth-Qm9vZmFyYmF6-41'],
  ['X-Access-Token request header', 'xaccess-UXV1eGNvcmdl-42'],
  ['camelCase `var accessToken = "…"` in a script', 'camel-script-Z3JhdWx0-43'],
  ['camelCase `{"accessToken": "…"}` inline in HTML', 'camel-html-Z2FycGx5-44'],
  ['a `key=` query parameter (API key)', 'apikey-d2FsZG9fNDU'],
  ['the login_hint echoed by the provider error page', EMAIL],
  ['`ssn` under a neutral parent name, in a request outside any flow', '078-05-1120'],
  ['`pin` under a neutral parent name, in a response outside any flow', '739184'],
  ['URL user:password', 'Pa55-w0rd-userinfo-46'],
  ['tokens in the callback fragment', 'frag-at-aW1wbGljaXQ-47'],
  ['id_token_hint', ID_TOKEN_HINT.slice(0, 40)],
  // Found by the property test: the header rule lowercased the name first, losing the camelCase word boundary.
  ['a camelCase header name (`accessAuth`)', 'camel-header-YWNjZXNz-48'],
];

function plantAll(): CapturedEvent[] {
  const events = codeFlow({ exchange: 'browser', authorizeParams: { login_hint: EMAIL, id_token_hint: ID_TOKEN_HINT } });
  const reqs = events.filter((e): e is RequestEvent => e.kind === 'request');
  const page = reqs.find((e) => e.url === `${AS}/interaction/abc`)!;
  const token = reqs.find((e) => e.url === `${AS}/token`)!;
  token.requestHeaders = [...(token.requestHeaders ?? []), { name: 'X-Auth-Token', value: LEAKS[0]![1] }, { name: 'X-Access-Token', value: LEAKS[1]![1] }, { name: 'accessAuth', value: LEAKS[11]![1] }];
  page.responseBody = {
    text: `<!doctype html><html><body><script>var accessToken = "${LEAKS[2]![1]}";</script><script type="application/json">{"accessToken": "${LEAKS[3]![1]}"}</script></body></html>`,
    mimeType: 'text/html',
    truncated: false,
    source: 'devtools',
  };
  return [
    ...events,
    hop({ url: `https://maps.example.com/api/js?key=${LEAKS[4]![1]}&v=3`, type: 'xmlhttprequest', time: 1_700_000_005_000 }),
    // The provider refuses a second attempt and its error page quotes the login_hint.
    hop({ url: `${AS}/authorize?client_id=web-app&response_type=code&login_hint=${encodeURIComponent(EMAIL)}`, status: 400, responseText: `<p>No account for ${EMAIL}.</p>`, time: 1_700_000_006_000 }),
    hop({ url: `${APP}/api/profile`, method: 'POST', type: 'xmlhttprequest', text: JSON.stringify({ person: { details: { ssn: LEAKS[6]![1] } } }), time: 1_700_000_007_000 }),
    hop({ url: `${APP}/api/card`, type: 'xmlhttprequest', responseJson: { data: { card: { pin: LEAKS[7]![1] } } }, time: 1_700_000_007_500 }),
    hop({ url: `https://alice:${LEAKS[8]![1]}@app.example.com/admin`, time: 1_700_000_008_000 }),
    hop({ url: `${APP}/callback#access_token=${LEAKS[9]![1]}&token_type=Bearer&state=s`, time: 1_700_000_009_000 }),
  ];
}

let outputs: Record<string, string>;
let raw: string;

beforeAll(async () => {
  const events = plantAll();
  outputs = await exportPaths(events, dir, 'leaks');
  const file = join(dir, 'raw.trace.json');
  writeFileSync(file, serializeTrace(makeTrace(events)));
  raw = await cli(['export-har', file, '-', '--no-redact']);
}, 120_000);

describe('issue 12 leaks, one by one, in every export path', () => {
  it.each(LEAKS)('%s', (_what, secret) => {
    // The test can fail: the unredacted export holds the value.
    expect(raw).toContain(secret);
    for (const [where, text] of Object.entries(outputs)) expect(text.includes(secret), `survived in ${where}`).toBe(false);
  });

  it('unrelated requests keep their URL and status, not their bodies', () => {
    const har = JSON.parse(outputs['cli export-har']!) as { log: { entries: Array<{ request: { url: string; postData?: unknown }; response: { status: number; content: { text?: string } } }> } };
    const profile = har.log.entries.find((e) => e.request.url === `${APP}/api/profile`)!;
    expect(profile.response.status).toBe(200);
    expect(profile.request.postData).toBeUndefined();
    const card = har.log.entries.find((e) => e.request.url === `${APP}/api/card`)!;
    expect(card.response.content.text).toBeUndefined();
  });
});
