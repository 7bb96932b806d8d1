import { describe, expect, it } from 'vitest';
import { redactBodyText, redactJsonText } from '../../lib/redact/body';
import { scrubText } from '../../lib/redact/value';
import { run, TAG } from './support';

describe('body redaction (docs/trace-format.md "What is redacted")', () => {
  it('token responses: tokens tagged, token_type/expires_in/scope kept', async () => {
    const { out } = await run((ctx) =>
      redactBodyText('{"access_token":"at-1","refresh_token":"rt-1","token_type":"Bearer","expires_in":3600,"scope":"openid"}', 'application/json', ctx, true),
    );
    const o = JSON.parse(out) as Record<string, unknown>;
    expect(o).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid' });
    expect(o.access_token).toMatch(TAG);
    expect(out).not.toMatch(/at-1|rt-1/);
  });

  it('GitHub-style form-encoded token responses and form request bodies', async () => {
    const { out } = await run((ctx) => redactBodyText('access_token=gho_abc123&scope=repo&token_type=bearer', 'application/x-www-form-urlencoded', ctx, true));
    expect(out).toMatch(/^access_token=⟦access_token:[^&]+&scope=repo&token_type=bearer$/);
  });

  it('form_post HTML: hidden inputs redacted by name, action URL kept, replacements HTML-escaped', async () => {
    const html = `<html><body onload="document.forms[0].submit()"><form method="post" action="https://app.example.com/cb">
<input type="hidden" name="code" value="fp-code-123"/><input type='hidden' name='state' value='st&amp;1'/><input type="hidden" name="iss" value="https://idp"/>
</form><p>Signed in as carol@example.org</p></body></html>`;
    const { out } = await run((ctx) => redactBodyText(html, 'text/html', ctx, true));
    expect(out).toContain('action="https://app.example.com/cb"');
    expect(out).toMatch(/name="code" value="⟦code:[0-9a-f]+:\d+:[a-z0-9]+⟧"/);
    expect(out).toContain('name="iss" value="https://idp"');
    for (const s of ['fp-code-123', 'st&amp;1', 'carol@']) expect(out).not.toContain(s);
  });

  it('scrubs emails, JWTs and secret pairs from free text and error_description', async () => {
    const { out } = await run((ctx) => [
      redactJsonText('{"error":"invalid_grant","error_description":"AADSTS50020: User account dave.smith@contoso.com from identity provider"}', ctx, true)!,
      scrubText('failed: {"access_token":"leaky-1"} then code=leaky-2&x=1 and eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', ctx),
    ]);
    expect(out[0]).toContain('"error":"invalid_grant"');
    expect(out[0]).not.toContain('dave.smith');
    expect(out[0]).toMatch(/⟦email:/);
    expect(out[1]).not.toMatch(/leaky-1|leaky-2|eyJhbGciOiJub25lIn0/);
  });

  it('prototype-pollution keys stay ordinary members and pollute nothing', async () => {
    const text = '{"__proto__":{"polluted":true,"access_token":"pp-1"},"constructor":{"prototype":{"polluted":true}},"a":1}';
    const { out } = await run((ctx) => redactJsonText(text, ctx, true)!);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(out).not.toContain('pp-1');
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor', 'a']);
  });

  it('keeps unchanged JSON byte for byte (discovery documents), tags private JWK members, survives deep nesting', async () => {
    const discovery = '{\n  "issuer": "https://idp.example.com",\n  "token_endpoint": "https://idp.example.com/token"\n}';
    const deep = `${'['.repeat(200)}"x"${']'.repeat(200)}`;
    const { out } = await run((ctx) => [
      redactJsonText(discovery, ctx, true),
      redactJsonText('{"keys":[{"kty":"RSA","n":"pub-n","e":"AQAB","d":"priv-d"}]}', ctx, true),
      redactJsonText(deep, ctx, true),
    ]);
    expect(out[0]).toBe(discovery);
    expect(out[1]).toContain('"n":"pub-n"');
    expect(out[1]).not.toContain('priv-d');
    expect(out[2]).toContain('⟦removed⟧');
  });
});
