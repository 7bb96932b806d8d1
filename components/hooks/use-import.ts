import { useRef, useState } from 'preact/hooks';
import { isOAuthLensError } from '../../lib/errors';
import { importShareFragment, type FileLike, type ImportedTrace, type ImportProgress } from '../../lib/trace/import-core';
import { ImportCancelled, startImport, type ImportJob } from '../platform/importer';

export interface ImportSettings {
  /** false in tests: import on the page's thread. */
  worker?: boolean;
  maxBytes?: number;
}

export interface Importer {
  job: { name: string; progress: ImportProgress | null } | null;
  error: string | null;
  importFile(file: FileLike): void;
  importFragment(fragment: string): void;
  cancel(): void;
  dismiss(): void;
}

function messageOf(error: unknown, name: string): string {
  if (isOAuthLensError(error)) return error.message;
  return `${name}: could not be imported`;
}

/**
 * One import at a time; a new one cancels the previous. `onDone` runs only with a complete,
 * analysed result — a failure leaves the caller's state untouched (nothing partly imported).
 */
export function useImport(onDone: (trace: ImportedTrace) => void, settings: ImportSettings = {}): Importer {
  const [job, setJob] = useState<Importer['job']>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<ImportJob | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  const follow = (name: string, run: (onProgress: (p: ImportProgress) => void) => ImportJob) => {
    current.current?.cancel();
    setError(null);
    setJob({ name, progress: null });
    let mine: ImportJob | null = null;
    mine = run((progress) => {
      if (current.current === mine) setJob({ name, progress });
    });
    current.current = mine;
    mine.promise.then(
      (result) => {
        if (current.current !== mine) return;
        current.current = null;
        setJob(null);
        done.current(result);
      },
      (failure: unknown) => {
        if (current.current !== mine) return;
        current.current = null;
        setJob(null);
        if (!(failure instanceof ImportCancelled)) setError(messageOf(failure, name));
      },
    );
  };

  return {
    job,
    error,
    importFile(file) {
      follow(file.name, (onProgress) =>
        startImport(file, { onProgress, ...(settings.worker !== undefined ? { worker: settings.worker } : {}), ...(settings.maxBytes ? { maxBytes: settings.maxBytes } : {}) }),
      );
    },
    importFragment(fragment) {
      follow('shared link', (onProgress) => ({ promise: importShareFragment(fragment, { onProgress }), cancel() {} }));
    },
    cancel() {
      current.current?.cancel();
      current.current = null;
      setJob(null);
    },
    dismiss: () => setError(null),
  };
}
