import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CapturedEvent, RequestEvent } from '../../lib/model/event';
import { makeTrace, serializeTrace } from '../../lib/trace/trace-v1';
import { AS, codeFlow, hop } from '../support/events';
import { cli, exportPaths } from '../support/export-paths';

// Issue 12: random markers planted in random places of random logins, under names the rule calls
// credentials (any word, any spelling) and echoed in other encodings in neutral places; none may
// survive any export path: CLI redact, export-har, analyze text and Markdown, and the panel's
// trace, HAR, Markdown and share link.
const dir = mkdtempSync(join(tmpdir(), 'oauth-lens-markers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = ['token', 'secret', 'password', 'passwd', 'key', 'session', 'auth', 'credential', 'pin', 'ssn', 'otp', 'cookie', 'csrf'];
const PREFIXES = ['', 'access', 'api', 'user', 'x', 'client', 'my', 'refresh'];
type Style = 'camel' | 'snake' | 'kebab' | 'upper';

function spell(prefix: string, word: string, style: Style): string {
  const parts = prefix ? [prefix, word] : [word];
  switch (style) {
    case 'camel':
      return parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');
    case 'snake':
      return parts.join('_');
    case 'kebab':
      return parts.join('-');
    case 'upper':
      return parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('-');
  }
}

const PLACES = ['query', 'fragment', 'header', 'form', 'json', 'script-var', 'script-json', 'html-json', 'hidden-input', 'cookie'] as const;
const ECHOES = ['none', 'raw', 'url', 'form', 'json', 'html', 'base64', 'base64url'] as const;
const ECHO_PLACES = ['error-text', 'status-text', 'html-page', 'unrelated-url', 'path'] as const;

interface Plant {
  marker: string;
  name: string;
  place: (typeof PLACES)[number];
  echo: (typeof ECHOES)[number];
  echoPlace: (typeof ECHO_PLACES)[number];
}

const plant: fc.Arbitrary<Plant> = fc.record({
  marker: fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((s) => `Mk7${s}`),
  name: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...WORDS), fc.constantFrom<Style>('camel', 'snake', 'kebab', 'upper')).map(([p, w, s]) => spell(p, w, s)),
  place: fc.constantFrom(...PLACES),
  echo: fc.constantFrom(...ECHOES),
  echoPlace: fc.constantFrom(...ECHO_PLACES),
});

const login = fc.record({
  exchange: fc.constantFrom<'browser' | 'server'>('browser', 'server'),
  pkce: fc.boolean(),
  plants: fc.array(plant, { minLength: 1, maxLength: 4 }),
});

function spelled(value: string, echo: Plant['echo']): string {
  const bytes = new TextEncoder().encode(value);
  const b64 = btoa(String.fromCharCode(...bytes));
  switch (echo) {
    case 'none':
    case 'raw':
      return value;
    case 'url':
      return encodeURIComponent(`${value}&`);
    case 'form':
      return new URLSearchParams({ v: `${value} x` }).toString().slice(2);
    case 'json':
      return JSON.stringify(`${value}"`).slice(1, -1);
    case 'html':
      return `${value}&amp;`;
    case 'base64':
      return b64;
    case 'base64url':
      return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
}

function requests(events: CapturedEvent[]): RequestEvent[] {
  return events.filter((e): e is RequestEvent => e.kind === 'request');
}

function build(l: { exchange: 'browser' | 'server'; pkce: boolean; plants: Plant[] }): CapturedEvent[] {
  const events = codeFlow({ exchange: l.exchange, ...(l.pkce ? {} : { authorizeParams: { code_challenge: null, code_challenge_method: null } }) });
  const reqs = requests(events);
  const authorize = reqs.find((e) => e.url.startsWith(`${AS}/authorize?`))!;
  const page = reqs.find((e) => e.url === `${AS}/interaction/abc`)!;
  const last = reqs[reqs.length - 1]!;
  const htmlParts: string[] = [];
  const json: Record<string, string> = {};
  for (const p of l.plants) {
    const { marker: m, name } = p;
    switch (p.place) {
      case 'query':
        authorize.url += `&${name}=${m}`;
        break;
      case 'fragment':
        // One fragment per URL: a second plant is its next parameter (a second `#` would make
        // both one value, `m1#name=m2`, whose parts no redactor can know as values).
        last.url += `${last.url.includes('#') ? '&' : '#'}${name}=${m}`;
        break;
      case 'header':
        last.requestHeaders = [...(last.requestHeaders ?? []), { name, value: m }];
        break;
      case 'form':
        authorize.requestBody = { kind: 'form', fields: [...(authorize.requestBody?.kind === 'form' ? authorize.requestBody.fields : []), { name, value: m }] };
        break;
      case 'json':
        json[name] = m;
        break;
      case 'script-var':
        htmlParts.push(`<script>var ${name.replace(/-/g, '_')} = "${m}";</script>`);
        break;
      case 'script-json':
        htmlParts.push(`<script>window.cfg = {"${name}": "${m}", "other": 1};</script>`);
        break;
      case 'html-json':
        htmlParts.push(`<div data-config="{&quot;${name}&quot;:&quot;${m}&quot;}"></div>`);
        break;
      case 'hidden-input':
        htmlParts.push(`<form><input type="hidden" name="${name}" value="${m}"></form>`);
        break;
      case 'cookie':
        page.requestHeaders = [...(page.requestHeaders ?? []), { name: 'Cookie', value: `${name}=${m}` }];
        break;
    }
    if (p.echo === 'none') continue;
    const echoed = spelled(m, p.echo);
    switch (p.echoPlace) {
      case 'error-text':
        last.error = `net::ERR_FAILED while sending ${echoed}`;
        break;
      case 'status-text':
        page.statusText = `OK ${echoed}`;
        break;
      case 'html-page':
        events.push(hop({ url: `${AS}/error`, responseText: `<p>We could not sign you in (${echoed}).</p>`, time: 1_700_000_008_000 }));
        break;
      case 'unrelated-url':
        events.push(hop({ url: `https://cdn.example.com/pixel.gif?v=${echoed}`, type: 'image', time: 1_700_000_008_500 }));
        break;
      case 'path':
        events.push(hop({ url: `https://app.example.com/u/${echoed}/home`, time: 1_700_000_009_000 }));
        break;
    }
  }
  if (htmlParts.length) page.responseBody = html(htmlParts.join('\n'));
  if (Object.keys(json).length) {
    authorize.responseBody = { text: JSON.stringify({ meta: { deeper: json } }), mimeType: 'application/json', truncated: false, source: 'devtools' };
  }
  return events;
}

function html(text: string): RequestEvent['responseBody'] {
  return { text: `<!doctype html><html><body>${text}</body></html>`, mimeType: 'text/html', truncated: false, source: 'devtools' };
}

describe('planted markers never survive an export (issue 12 property)', () => {
  it('0 surviving markers over random logins, names, places and encodings', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(login, async (l) => {
        const events = build(l);
        const outputs = await exportPaths(events, dir, `login-${n++}`);
        for (const p of l.plants) {
          const forms = [p.marker, btoa(p.marker), btoa(p.marker).replace(/=+$/, '')];
          for (const [where, text] of Object.entries(outputs)) {
            for (const form of forms) expect(text.includes(form), `${p.place}/${p.name} echoed ${p.echo} in ${p.echoPlace}: survived in ${where}`).toBe(false);
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('the property can fail: the same outputs unredacted hold the markers', async () => {
    const l = fc.sample(login, { numRuns: 1, seed: 7 })[0]!;
    const file = join(dir, 'raw.trace.json');
    writeFileSync(file, serializeTrace(makeTrace(build(l))));
    const raw = await cli(['export-har', file, '-', '--no-redact']);
    for (const p of l.plants) expect(raw).toContain(p.marker);
  });
});
