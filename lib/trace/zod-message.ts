import type { z } from 'zod';

/** One line naming where the input is wrong, e.g. `log.entries[3].request.url: expected string`. */
export function firstIssue(error: z.ZodError, root: string): string {
  const issue = error.issues[0];
  if (!issue) return `${root}: invalid`;
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  return `${path ? `${root}.${path}` : root}: ${issue.message}`;
}
