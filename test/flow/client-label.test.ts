import { describe, expect, it } from 'vitest';
import { clientLabel, missingClientLabel } from '../../lib/flow/client-label';

// lib/flow/client-label.ts: what every view says in place of a missing client_id.

const step = (kind: string, url: string) => ({ kind, url });

describe('missingClientLabel', () => {
  it.each([
    ['a Supabase broker hop, which takes no client_id', [step('authorize', 'https://abcdefghijklmnopqrst.supabase.co/auth/v1/authorize?provider=github&redirect_to=https%3A%2F%2Fapp.example.com%2Fcb')], 'no client_id (Supabase Auth broker)'],
    ['an authorization request that sent none', [step('authorize', 'https://idp.example.com/authorize?response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb')], 'no client_id sent'],
    ['a Supabase authorize path without the provider= marker is no broker hop', [step('authorize', 'https://abcdefghijklmnopqrst.supabase.co/auth/v1/authorize?redirect_to=x')], 'no client_id sent'],
    ['no authorization request captured (callback only): unknown, not absent', [step('callback', 'https://app.example.com/cb?code=c')], 'client_id not seen'],
  ])('%s', (_, steps, expected) => {
    expect(missingClientLabel({ issuer: null, steps })).toBe(expected);
  });

  it('clientLabel keeps a client_id that was sent', () => {
    expect(clientLabel({ issuer: null, clientId: 'web', steps: [step('callback', 'https://app.example.com/cb?code=c')] })).toBe('web');
    expect(clientLabel({ issuer: null, clientId: null, steps: [] })).toBe('client_id not seen');
  });
});
