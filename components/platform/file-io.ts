/**
 * Saving and copying from an extension page with web APIs only: a Blob behind an object URL
 * and an `<a download>` needs no "downloads" permission. Components get these through props,
 * so tests can watch what would be written.
 */
export interface SavedFile {
  filename: string;
  mime: string;
  text: string;
}

export interface FileIo {
  download(file: SavedFile): void;
  /** true when the text reached the clipboard. */
  copy(text: string): Promise<boolean>;
}

export const DOM_IO: FileIo = {
  download({ filename, mime, text }) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // The download has started from the URL by now; keep it briefly for slow browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // DevTools panels are often not "focused documents" for the async clipboard API.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      return ok;
    }
  },
};
