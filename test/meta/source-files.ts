import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The project's root, and every .ts/.tsx file below a folder (for tests that read the sources). */
export const ROOT = join(import.meta.dirname, '..', '..');

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
