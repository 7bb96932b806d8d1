import type { RequestEvent } from '../model/event';

/** webRequest types of a frame's own document: a page or an iframe. */
export const DOCUMENT_TYPES: ReadonlySet<string> = new Set(['main_frame', 'sub_frame']);

/** Statuses that end a request with a redirect: never a document's or a fetch's final answer. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Whether the browser reported how this hop was answered: a status, an end, an error or a redirect. */
export const answerReported = (e: RequestEvent): boolean => e.status !== undefined || e.endTime !== undefined || e.error !== undefined || e.redirectUrl !== undefined;
