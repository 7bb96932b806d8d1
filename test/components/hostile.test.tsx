// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import { FindingCard } from '../../components/FindingCard';
import type { PanelData } from '../../components/view-models/panel-types';
import { analyzeEvents } from '../../lib/analysis/analyze';
import type { Finding } from '../../lib/model/finding';
import { FIXED_NOW, HOSTILE, hostileFlow } from '../support/panel-fixtures';

let data: PanelData;
beforeAll(async () => {
  const events = hostileFlow(FIXED_NOW);
  data = { events, analysis: (await analyzeEvents(events)).report };
});
afterEach(cleanup);

const stepOf = (kind: string) => screen.getAllByRole('option').find((o) => o.querySelector('.ol-kind')?.textContent === kind)!;

/** Nothing captured may become markup: no element an attacker named, no handler, no link. */
function expectInert(root: Element): void {
  expect(root.querySelector('script')).toBeNull();
  expect(root.querySelector('img')).toBeNull();
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).toBe(false);
  }
  for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^(?:https:\/\/(?:www\.rfc-editor\.org|openid\.net|datatracker\.ietf\.org|fetch\.spec\.whatwg\.org|html\.spec\.whatwg\.org)\/|\/catalog\.html#[a-z0-9-]+$)/);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

describe('hostile captured values', () => {
  it('renders script and img payloads as text in every tab', () => {
    const { container } = render(<App data={data} now={FIXED_NOW} />);
    for (const tab of ['Findings', 'Request', 'Response', 'Tokens', 'Cookies']) {
      for (const step of screen.getAllByRole('option').filter((o) => o.id.startsWith('ol-step-'))) {
        fireEvent.click(step);
        fireEvent.click(screen.getByRole('tab', { name: new RegExp(`^${tab}`) }));
        expectInert(container);
      }
    }
    // The payloads are there, as text.
    fireEvent.click(stepOf('authorize'));
    fireEvent.click(screen.getByRole('tab', { name: 'Request' }));
    expect(container.textContent).toContain(HOSTILE.script);
    expect(container.textContent).toContain(HOSTILE.img);
  });

  it('shows a 1 MB parameter as a prefix with an explicit expand, still as text', () => {
    const { container } = render(<App data={data} now={FIXED_NOW} />);
    fireEvent.click(stepOf('authorize'));
    fireEvent.click(screen.getByRole('tab', { name: 'Request' }));
    const expand = screen.getAllByRole('button', { name: /show all 1,048,5\d\d characters/ })[0]!;
    expect(container.textContent!.length).toBeLessThan(200_000);
    fireEvent.click(expand);
    expect(container.textContent!.length).toBeGreaterThan(1_000_000);
    expectInert(container);
  });

  it('labels a broken JWT instead of throwing', () => {
    render(<App data={data} now={FIXED_NOW} />);
    fireEvent.click(stepOf('callback'));
    fireEvent.click(screen.getByRole('tab', { name: 'Tokens' }));
    // The callback's id_token has alg "none" and a name claim holding markup: decoded, shown as text.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('signature not verified')).toBeTruthy();
    // id_token_hint on the authorization request is JWT-shaped but its payload is cut off.
    fireEvent.click(stepOf('authorize'));
    expect(screen.getByText('not a valid JWT')).toBeTruthy();
    expect(screen.getByText(/Could not decode/)).toBeTruthy();
  });

  it('never links captured text from a finding', () => {
    const finding: Finding = {
      check: 'x',
      severity: 'error',
      title: HOSTILE.script,
      message: HOSTILE.img,
      cause: HOSTILE.img,
      fix: 'javascript:alert(1)',
      spec: 'javascript:alert(1); RFC 6749 §3.1.2; https://evil.test/',
      step: null,
      evidence: [{ label: HOSTILE.img, value: HOSTILE.script, expected: HOSTILE.img }],
    };
    const { container } = render(<FindingCard finding={finding} step={null} />);
    expectInert(container);
    // Links come from the check's own refs (lib/checks/refs.ts); an unknown check's text is only text.
    expect([...container.querySelectorAll('a')]).toEqual([]);
    expect(container.textContent).toContain('https://evil.test/');
    const known = render(<FindingCard finding={{ ...finding, check: 'redirect-uri-has-fragment', spec: 'RFC 6749 §3.1.2' }} step={null} />);
    const links = [...known.container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2', '/catalog.html#redirect-uri-has-fragment']);
    expect(links[0]!.getAttribute('rel')).toContain('noreferrer');
  });
});
