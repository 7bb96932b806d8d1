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

/**
 * One line about an unexpected error that names what failed and where — its kind and the first
 * frame of our own code, e.g. `RangeError at lib/redact/body.ts:52` — and never its message:
 * messages of runtime errors can quote the input (a RegExp source, a JSON fragment, a value).
 */
export function describeInternalError(error: unknown): string {
  const kind = error instanceof Error ? safeName(error) : typeof error;
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\n').slice(1, 40)) {
    const m = /((?:lib|cli|components|entrypoints)\/[\w./-]+\.tsx?):(\d+)/.exec(line);
    if (m) return `${kind} at ${m[1]}:${m[2]}`;
  }
  return kind;
}

function safeName(error: Error): string {
  const name = error.name;
  return /^[A-Za-z]{1,40}$/.test(name) ? name : 'Error';
}
