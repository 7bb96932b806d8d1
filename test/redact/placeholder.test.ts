import { describe, expect, it } from 'vitest';
import { isCredentialPlaceholder } from '../../lib/redact/placeholder';

describe('credential placeholders', () => {
  it.each(['YOUR_CLIENT_SECRET', 'your-secret-here', '<client secret>', '${CLIENT_SECRET}', '{{secret}}', 'xxxxxxxx', '****', 'changeme', 'client_secret', 'example'])(
    '%s is a placeholder',
    (v) => expect(isCredentialPlaceholder(v)).toBe(true),
  );
  it.each(['abcd1234efgh5678', 'yourcompany-prod-9f8a7b6c', 'example-secret-9f8a7b6c5d4e', 'xxxxx1', 'my-secret-0123456789abcdef', `<${'a'.repeat(80)}>`])(
    '%s is a secret',
    (v) => expect(isCredentialPlaceholder(v)).toBe(false),
  );
});
