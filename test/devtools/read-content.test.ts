import { describe, expect, it } from 'vitest';
import { readContent, type ContentSource } from '../../entrypoints/devtools/body-filter';

/** The three shapes of devtools.network's getContent that the devtools page meets. */
const chromeNative: ContentSource = {
  // Chrome's own API (also what Chromium 156 exposes as `browser`): callback only, returns nothing.
  getContent(callback) {
    setTimeout(() => callback?.('{"access_token":"a"}', ''), 0);
    return undefined;
  },
};
const polyfilled: ContentSource = {
  // webextension-polyfill's wrapper: a promise of [content, encoding]; refuses any argument.
  getContent(...args: unknown[]) {
    if (args.length > 0) throw new Error('Expected at most 0 arguments for getContent(), got 1');
    return Promise.resolve(['{"id_token":"x"}', 'base64']);
  },
};
const firefox: ContentSource = {
  // Firefox: a promise of [content, mimeType]; a callback is ignored.
  getContent() {
    return Promise.resolve(['{"sub":"1"}', 'application/json']);
  },
};

describe('readContent', () => {
  it('reads the body through a callback, a promise refusing arguments, and a promise ignoring them', async () => {
    expect(await readContent(chromeNative)).toEqual(['{"access_token":"a"}', '']);
    expect(await readContent(polyfilled)).toEqual(['{"id_token":"x"}', 'base64']);
    expect(await readContent(firefox)).toEqual(['{"sub":"1"}', 'application/json']);
  });

  it('gives nothing, without throwing, when the request is gone', async () => {
    const gone: ContentSource = { getContent: () => Promise.reject(new Error('request gone')) };
    const broken: ContentSource = {
      getContent() {
        throw new Error('no such request');
      },
    };
    expect(await readContent(gone)).toEqual([undefined, undefined]);
    expect(await readContent(broken)).toEqual([undefined, undefined]);
  });
});
