import * as z from 'zod';
import { livePageText, mayBeErrorPage, PAGE_SCRIPT_MAX_CHARS, PAGE_SCRIPTS_MAX, PAGE_TEXT_MAX_CHARS, type LoadedDocument } from '../../lib/capture/page-text';
import type { Listenable } from './api';
import type { BackgroundService } from './service';

/** webNavigation.onDOMContentLoaded details (Chrome gives `documentId` from 106). */
export interface DocumentLoadedDetails extends LoadedDocument {
  documentId?: string;
}

type ReadText = (max: number, scriptsMax: number, scriptMax: number) => { text: string; truncated: boolean; scripts: string[] };

/** The slice of `chrome.scripting` this file uses (Chrome MV3 only). */
export interface ScriptingLike {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[]; documentIds?: string[] };
    func: ReadText;
    args: [number, number, number];
  }): Promise<Array<{ result?: unknown }>>;
}

/**
 * Runs in the page, in the extension's isolated world (serialised by executeScript: nothing from
 * this module's scope): the text the page shows, bounded, and the inline scripts that assign
 * Entra's `$Config` (its AADSTS error is often only there), a few and bounded. Nothing of the page
 * runs; lib/capture/page-text.ts keeps the visible text and the script's error line only.
 */
function readVisibleText(max: number, scriptsMax: number, scriptMax: number): { text: string; truncated: boolean; scripts: string[] } {
  const text = document.body ? document.body.innerText : '';
  const scripts: string[] = [];
  for (const s of Array.from(document.scripts)) {
    if (scripts.length >= scriptsMax) break;
    if (!s.src && s.text.includes('$Config')) scripts.push(s.text.slice(0, scriptMax));
  }
  return { text: text.slice(0, max), truncated: text.length > max, scripts };
}

const ReadSchema = z.object({ text: z.string(), truncated: z.boolean(), scripts: z.array(z.string()).catch([]) });

/**
 * Chromium without DevTools open never sees a response body. When an authorization request's own
 * page has loaded in a frame and ended without redirecting (lib/capture/page-text.ts decides,
 * from the stored hop), read that document's visible text, a few KB at most, and keep it as the
 * hop's body: the checks then explain the refusal as they do from a HAR. Only that document is
 * read (by its documentId), never another page. Firefox reads the HTTP body itself
 * (firefox-bodies.ts) and does not register this. Returns whether text was kept.
 */
export async function readPageText(service: BackgroundService, scripting: ScriptingLike, d: DocumentLoadedDetails): Promise<boolean> {
  if (!mayBeErrorPage(d.url)) return false;
  await service.ready;
  const target = service.engine.pageTextTarget(d);
  if (!target) return false;
  let results: Array<{ result?: unknown }>;
  try {
    results = await scripting.executeScript({
      target: { tabId: d.tabId, ...(d.documentId ? { documentIds: [d.documentId] } : { frameIds: [d.frameId] }) },
      func: readVisibleText,
      args: [PAGE_TEXT_MAX_CHARS, PAGE_SCRIPTS_MAX, PAGE_SCRIPT_MAX_CHARS],
    });
  } catch {
    // No access to the site (not granted), or the page went away meanwhile: nothing to read.
    return false;
  }
  const read = ReadSchema.safeParse(results[0]?.result);
  if (!read.success) return false;
  const { text, truncated } = livePageText(read.data);
  let kept = false;
  service.ingest((e) => {
    kept = e.attachPageText(target, text, truncated);
  });
  return kept;
}

/** Register the reader on webNavigation's DOMContentLoaded; `allows`: the site-access gate. */
export function registerPageText(
  onDOMContentLoaded: Listenable<[DocumentLoadedDetails]>,
  scripting: ScriptingLike,
  service: BackgroundService,
  allows: (url: string) => boolean,
): void {
  onDOMContentLoaded.addListener((d) => {
    if (allows(d.url)) void readPageText(service, scripting, d);
  });
}
