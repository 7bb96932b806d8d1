import * as z from 'zod';

/**
 * Imported first by every browser bundle (background, DevTools page, panel, viewer, import
 * worker): zod then validates without compiling schemas to code with the `Function`
 * constructor, which extension pages' CSP forbids (it would only log a violation and fall back)
 * and store review flags. Must run before the first `parse`; module order guarantees it when
 * this is the entrypoint's first import.
 */
z.config({ jitless: true });
