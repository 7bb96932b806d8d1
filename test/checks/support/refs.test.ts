import { describe, expect, it } from 'vitest';
import { refText, refUrl, renderRefs, type SpecRef } from '../../../lib/checks/refs';

describe('spec references', () => {
  const refs: SpecRef[] = [
    { spec: 'RFC 6749', section: '4.1.2' },
    { spec: 'RFC 6749', section: '10.12' },
    { spec: 'OIDC-Core', section: '3.1.3.7', note: 'step 6' },
    { spec: 'RFC 7636', note: 'App. A' },
    { spec: 'Operational' },
  ];
  it('render as one line, grouping consecutive references to one document', () => {
    expect(renderRefs(refs)).toBe('RFC 6749 §4.1.2, §10.12; OIDC-Core §3.1.3.7 step 6; RFC 7636 App. A; Operational');
    expect(refText(refs[2]!)).toBe('§3.1.3.7 step 6');
  });
  it('link numbered sections where the document has anchors, else the document, else nothing', () => {
    expect(refUrl(refs[1]!)).toBe('https://www.rfc-editor.org/rfc/rfc6749#section-10.12');
    expect(refUrl({ spec: 'RFC 7519', section: '4.1.5–4.1.6' })).toBe('https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5');
    expect(refUrl(refs[2]!)).toBe('https://openid.net/specs/openid-connect-core-1_0.html');
    expect(refUrl(refs[4]!)).toBeNull();
  });
});
