// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../components/Catalog';
import { FindingCard } from '../../components/FindingCard';
import { checkCatalog } from '../../lib/checks/catalog';
import { CHECKS } from '../../lib/checks/index';
import type { Finding } from '../../lib/model/finding';

describe('check catalog page', () => {
  it('has an entry per registered check, anchored by its id, with spec links and provider codes', () => {
    const { container } = render(<Catalog groups={checkCatalog()} />);
    for (const c of CHECKS) expect(container.querySelector(`article[id="${c.id}"]`), c.id).not.toBeNull();
    const entry = container.querySelector('article[id="state-mismatch"]')!;
    expect(entry.querySelector('a[href="https://www.rfc-editor.org/rfc/rfc6749#section-10.12"]')?.textContent).toBe('§10.12');
    expect(container.querySelector('article[id="redirect-uri-not-registered-hint"]')!.textContent).toContain('AADSTS50011');
  });

  it("is where a finding card's link goes, and only for checks this version has", () => {
    const finding: Finding = {
      check: 'state-mismatch',
      severity: 'error',
      title: 'State returned differs from state sent',
      message: 'm',
      cause: 'c',
      fix: 'f',
      spec: 'RFC 6749 §4.1.2, §10.12; RFC 9700 §4.7',
      step: null,
      evidence: [],
    };
    const { unmount } = render(<FindingCard finding={finding} step={null} />);
    expect(screen.getByRole('link', { name: /About this check/ }).getAttribute('href')).toBe('/catalog.html#state-mismatch');
    unmount();
    render(<FindingCard finding={{ ...finding, check: 'from-a-newer-version' }} step={null} />);
    expect(screen.queryByRole('link', { name: /About this check/ })).toBeNull();
  });
});
