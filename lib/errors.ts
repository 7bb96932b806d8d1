/** Codes a caller can act on; the message is one line a user can read. */
export type OAuthLensErrorCode = 'bad-input' | 'unsupported-version' | 'too-large' | 'internal';

export class OAuthLensError extends Error {
  readonly code: OAuthLensErrorCode;

  constructor(code: OAuthLensErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OAuthLensError';
    this.code = code;
  }
}

export function isOAuthLensError(value: unknown): value is OAuthLensError {
  return value instanceof OAuthLensError;
}
