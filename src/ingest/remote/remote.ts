/**
 * Remote inputs: a URL becomes one record; a feed becomes one record per item (each item's page fetched,
 * the feed's own content used when the page cannot be). Each failure is an `{ ok: false }` item; the batch goes on.
 */
import { CrosscheckError } from '../../errors.js';
import { decodeBytes } from '../decode.js';
import type { InputItem } from '../read.js';
import { fetchUrl, type FetchOptions } from './fetch.js';
import { looksLikeFeed, parseFeed } from './feed.js';

/** Whether an input names a remote resource. @example isRemoteInput('https://x/a') // true */
export function isRemoteInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export interface RemoteOptions extends FetchOptions {
  /** Feed items to take at most (newest first as the feed lists them). */
  maxFeedItems?: number;
}

function asError(input: string, err: unknown): InputItem {
  const e = err instanceof CrosscheckError ? err : new CrosscheckError('E_FETCH', `${input}: ${(err as Error).message}`, { url: input }, { cause: err });
  return { ok: false, input, error: e };
}

/**
 * Fetch a URL or feed into records.
 * @example for await (const item of fetchRemote('https://example.com/feed.xml', opts)) if (item.ok) console.log(item.record.url)
 */
export async function* fetchRemote(input: string, opts: RemoteOptions): AsyncGenerator<InputItem> {
  let page;
  try {
    page = await fetchUrl(input, opts);
  } catch (err) {
    yield asError(input, err);
    return;
  }
  const isHtml = /html/i.test(page.contentType ?? '');
  const { text } = decodeBytes(page.body, { html: isHtml });
  if (!isHtml && looksLikeFeed(page.contentType, text)) {
    const feed = parseFeed(text);
    if (!feed) {
      yield asError(input, new CrosscheckError('E_FETCH', `${input}: expected an RSS or Atom feed, found unparseable XML`, { url: input }));
      return;
    }
    for (const item of feed.items.slice(0, opts.maxFeedItems ?? 1000)) {
      // Outlet is left to the metadata stage (it knows outlets by URL); feed titles are too noisy to be outlet names.
      const meta = { title: item.title, published: item.published };
      if (!item.url) {
        if (item.html) yield { ok: true, input: `${input}#${item.id ?? item.title ?? 'item'}`, record: { ...meta, id: item.id, html: item.html } };
        continue;
      }
      let article;
      try {
        article = await fetchUrl(new URL(item.url, page.url).href, opts);
      } catch (err) {
        if (item.html && item.html.length > 500) {
          yield { ok: true, input: item.url, record: { ...meta, url: item.url, html: item.html } };
        } else yield asError(item.url, err);
        continue;
      }
      const a = decodeBytes(article.body, { html: true });
      yield { ok: true, input: item.url, record: { ...meta, url: article.url, html: a.text } };
    }
    return;
  }
  if (/^text\/plain/i.test(page.contentType ?? '')) {
    yield { ok: true, input, record: { url: page.url, text } };
    return;
  }
  yield { ok: true, input, record: { url: page.url, html: text } };
}
