import '../../lib/model/zod-jitless';
import { isOAuthLensError } from '../../lib/errors';
import { importFile } from '../../lib/trace/import-core';
import { WorkerRequestSchema, type WorkerReply } from '../../lib/trace/import-protocol';

/**
 * The import worker: reading, JSON.parse, validation and analysis of a big file happen here so
 * the panel keeps scrolling and can show progress and a Cancel button meanwhile.
 */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: WorkerReply): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = WorkerRequestSchema.safeParse(event.data);
  if (!request.success) return;
  const { file, maxBytes } = request.data;
  let last = 0;
  importFile(file, {
    maxBytes,
    onProgress(progress) {
      // Enough updates for a smooth bar without flooding the page.
      const now = Date.now();
      if (progress.phase === 'reading' && progress.loaded < progress.total && now - last < 50) return;
      last = now;
      scope.postMessage({ type: 'progress', progress });
    },
  }).then(
    (result) => scope.postMessage({ type: 'done', result }),
    (error: unknown) =>
      scope.postMessage(
        isOAuthLensError(error) ? { type: 'error', code: error.code, message: error.message } : { type: 'error', code: 'internal', message: `${file.name}: could not be imported` },
      ),
  );
});
