import { OAuthLensError } from '../../lib/errors';
import { MAX_INPUT_BYTES } from '../../lib/trace/load';
import { checkSize, importFile, type FileLike, type ImportedTrace, type ImportProgress } from '../../lib/trace/import-core';
import { WorkerReplySchema, type WorkerRequest } from '../../lib/trace/import-protocol';

/** Thrown when the user cancels; the caller shows nothing and keeps what it had. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

export interface ImportJob {
  promise: Promise<ImportedTrace>;
  cancel(): void;
}

export interface StartImportOptions {
  onProgress?(progress: ImportProgress): void;
  maxBytes?: number;
  /** Off in tests (happy-dom has no module workers); the inline path yields between chunks. */
  worker?: boolean;
}

/** Import a file in a worker when the page can start one, else on the page's thread. */
export function startImport(file: FileLike, options: StartImportOptions = {}): ImportJob {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  try {
    checkSize(file, maxBytes); // refused before a worker starts or a byte is read
  } catch (error) {
    return { promise: Promise.reject(error), cancel() {} };
  }
  const canWork = options.worker !== false && typeof Worker === 'function' && typeof Blob === 'function' && file instanceof Blob;
  return canWork ? inWorker(file as Blob & FileLike, maxBytes, options) : inline(file, maxBytes, options);
}

function inline(file: FileLike, maxBytes: number, options: StartImportOptions): ImportJob {
  let cancelled = false;
  const pause = () =>
    new Promise<void>((resolve, reject) => {
      setTimeout(() => (cancelled ? reject(new ImportCancelled()) : resolve()), 0);
    });
  const promise = importFile(file, { maxBytes, pause, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }).then((r) => {
    if (cancelled) throw new ImportCancelled();
    return r;
  });
  return { promise, cancel: () => void (cancelled = true) };
}

function inWorker(file: Blob & FileLike, maxBytes: number, options: StartImportOptions): ImportJob {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inline(file, maxBytes, options);
  }
  let settle: { resolve(r: ImportedTrace): void; reject(e: unknown): void } | null = null;
  let fallback: ImportJob | null = null;
  let heard = false;
  const promise = new Promise<ImportedTrace>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (fn: () => void) => {
    worker.terminate();
    fn();
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    heard = true;
    const reply = WorkerReplySchema.safeParse(event.data);
    if (!reply.success) return finish(() => settle?.reject(new OAuthLensError('internal', `${file.name}: the importer sent an unreadable answer`)));
    const msg = reply.data;
    if (msg.type === 'progress') options.onProgress?.(msg.progress);
    else if (msg.type === 'done') finish(() => settle?.resolve(msg.result));
    else finish(() => settle?.reject(new OAuthLensError(msg.code, msg.message)));
  });
  // A worker that cannot start (a browser or policy without module workers) falls back to the page.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    if (heard) return settle?.reject(new OAuthLensError('internal', `${file.name}: the importer stopped unexpectedly`));
    fallback = inline(file, maxBytes, options);
    fallback.promise.then((r) => settle?.resolve(r), (e: unknown) => settle?.reject(e));
  });
  const request: WorkerRequest = { type: 'import', file, maxBytes };
  worker.postMessage(request);
  return {
    promise,
    cancel() {
      worker.terminate();
      if (fallback) (fallback as ImportJob).cancel();
      settle?.reject(new ImportCancelled());
    },
  };
}
