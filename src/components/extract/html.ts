/**
 * HTML -> plain text (one paragraph per line) + metadata hints, parsing the page once with linkedom.
 * Readability picks the main content; block statistics of the unmutated page (blocks.ts) then recover sibling
 * sections, the headline and the standfirst it dropped (main-lines.ts); a body-text walk that skips page chrome is the fallback.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { MetaHints } from '../../doc/types.js';
import { BLOCK_TAGS, BlockFlag, CHROME_CLASS, CHROME_TAGS, SKIP_TAGS, pageBlocks } from './blocks.js';
import type { NodeLike } from './blocks.js';
import { mainLines } from './main-lines.js';

/** Readability output shorter than this (characters) triggers the fallback comparison. */
const MIN_READABLE_CHARS = 500;

export interface HtmlExtraction {
  text: string;
  hints: MetaHints;
  method: 'readability' | 'fallback' | 'json-ld';
}

/**
 * Plain text of a DOM subtree: one block per line, whitespace collapsed, scripts/styles/comments skipped.
 * `dropChrome` also skips nav/header/footer/aside/form and chrome-classed blocks.
 * @example textOfNode(parseHTML('<p>a</p><p>b</p>').document.body, false) // 'a\nb'
 */
export function textOfNode(root: NodeLike, dropChrome: boolean): string {
  const lines: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    cur = '';
  };
  const walk = (node: NodeLike, pre: boolean) => {
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i]!;
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        if (pre) {
          const parts = v.split('\n');
          for (let j = 0; j < parts.length; j++) {
            if (j > 0) flush();
            cur += parts[j];
          }
        } else cur += v;
        continue;
      }
      if (n.nodeType !== 1) continue; // comments, processing instructions
      const tag = n.localName ?? '';
      if (SKIP_TAGS.has(tag)) continue;
      if (n.getAttribute?.('hidden') != null || /display:\s*none/i.test(n.getAttribute?.('style') ?? '')) continue;
      if (dropChrome && (CHROME_TAGS.has(tag) || (tag !== 'body' && tag !== 'html' && tag !== 'article' && tag !== 'main' && CHROME_CLASS.test((n.getAttribute?.('class') ?? '') + ' ' + (n.getAttribute?.('id') ?? ''))))) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      if (tag !== 'br' && tag !== 'hr') walk(n, pre || tag === 'pre');
      if (block) flush();
      else if (tag === 'img') cur += '';
    }
  };
  walk(root, false);
  flush();
  // Drop caps: "T" in its own element before "urkey, Poland and ..." joins its paragraph.
  for (let i = lines.length - 2; i >= 0; i--) {
    if (/^\p{Lu}$/u.test(lines[i]!) && /^\p{Ll}/u.test(lines[i + 1]!)) lines.splice(i, 2, lines[i]! + lines[i + 1]!);
  }
  return lines.join('\n');
}

function clean(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t || null;
}

/** Meta, Open Graph, JSON-LD NewsArticle, <time datetime>, <html lang>, canonical link. */
export function metaHintsOf(document: Document): MetaHints {
  return metaOf(document).hints;
}

/** The hints and the JSON-LD articleBody (a string, or null). */
function metaOf(document: Document): { hints: MetaHints; articleBody: string | null } {
  const hints: MetaHints = {};
  let articleBody: string | null = null;
  const meta = (sel: string) => clean(document.querySelector(sel)?.getAttribute('content'));
  hints.title = meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? meta('meta[name="title"]');
  hints.published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publishdate"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="dc.date"]') ??
    meta('meta[name="DC.date.issued"]') ??
    meta('meta[name="sailthru.date"]') ??
    meta('meta[name="parsely-pub-date"]');
  hints.siteName = meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  hints.author = meta('meta[name="author"]') ?? meta('meta[property="article:author"]');
  hints.url = clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta('meta[property="og:url"]');
  hints.language = clean(document.documentElement?.getAttribute('lang')) ?? meta('meta[http-equiv="content-language"]');
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = findArticleLd(data);
    if (!article) continue;
    hints.title ??= clean(typeof article.headline === 'string' ? article.headline : null);
    hints.published ??= clean(typeof article.datePublished === 'string' ? article.datePublished : null);
    const pub = article.publisher as Record<string, unknown> | undefined;
    hints.siteName ??= clean(typeof pub?.name === 'string' ? pub.name : null);
    hints.url ??= clean(typeof article.url === 'string' ? article.url : null);
    const author = Array.isArray(article.author) ? article.author[0] : article.author;
    hints.author ??= clean(typeof author === 'string' ? author : typeof author?.name === 'string' ? author.name : null);
    if (typeof article.articleBody === 'string') articleBody = article.articleBody;
    break;
  }
  if (!hints.published) hints.published = clean(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (!hints.title) hints.title = clean(document.querySelector('h1')?.textContent) ?? clean(document.querySelector('title')?.textContent);
  if (!hints.siteName && hints.url) hints.siteName = siteNameFromTitle(clean(document.querySelector('title')?.textContent), hints.url);
  // A site name given as its address ("https://example.com/"): the host.
  if (hints.siteName) hints.siteName = hints.siteName.replace(/^https?:\/\/(?:www\.)?([^/?#\s]+)\/?$/i, '$1');
  for (const k of Object.keys(hints) as (keyof MetaHints)[]) if (hints[k] == null) delete hints[k];
  return { hints, articleBody };
}

/**
 * The site's name from a page title's suffix ("Headline – NationNews Barbados — nationnews.com"), when no
 * meta tag names it: the first part after the headline, of at most four words, whose letters start with the
 * canonical URL's host name ("nationnews") or open it, or null. Without that match a suffix may be a section or a series, not the site.
 * @example siteNameFromTitle('Talks go on | Example Wire', 'https://www.examplewire.com/a') // 'Example Wire'
 */
export function siteNameFromTitle(title: string | null, url: string): string | null {
  if (!title) return null;
  const host = /^[a-z]+:\/\/(?:www\d?\.|m\.|amp\.)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  const label = host?.split('.')[0]?.replace(/[^a-z0-9]/g, '');
  if (!label || label.length < 3) return null;
  const parts = title.split(/\s+[|–—·:»-]\s+/).map((p) => p.trim()).filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const letters = parts[i]!.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (letters.length >= 3 && parts[i]!.split(/\s+/).length <= 4 && (letters.startsWith(label) || label.startsWith(letters))) return parts[i]!;
  }
  return null;
}

/** Shortest JSON-LD articleBody considered, and how much longer than the extracted text it must be to replace it. */
const MIN_LD_BODY_CHARS = 500;
const LD_BODY_RATIO = 2;

/**
 * Paragraph lines of a JSON-LD articleBody: markup dropped, entities of the common kinds decoded, one paragraph per line.
 * @example ldBodyLines('<p>One.</p><p>Two &amp; three.</p>') // ['One.', 'Two & three.']
 */
export function ldBodyLines(body: string): string[] {
  const text = body
    .replace(/<(?:br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const out: string[] = [];
  for (const line of text.split(/\n|\r|\u2028|\u2029/)) {
    const t = line.replace(/[ \t\f\u00a0]+/g, ' ').trim();
    if (t) out.push(t);
  }
  return out;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|BackgroundNewsArticle|WebPage)$/;

function findArticleLd(data: unknown, depth = 0): Record<string, any> | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const d of data) {
      const f = findArticleLd(d, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const obj = data as Record<string, any>;
  const type = obj['@type'];
  const types: unknown[] = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage')) return obj;
  if (obj['@graph']) return findArticleLd(obj['@graph'], depth + 1);
  return null;
}

/**
 * Extract the article text and metadata hints from an HTML page (parsed once).
 * @example extractHtml('<html><body><article><p>Hello.</p></article></body></html>').text // 'Hello.'
 */
export function extractHtml(html: string): HtmlExtraction {
  const { document } = parseHTML(html);
  const { hints, articleBody } = metaOf(document as unknown as Document);
  // The page's blocks are read before Readability, which mutates the DOM.
  const body = (document.body ?? document.documentElement) as unknown as NodeLike | null;
  const blocks = body ? pageBlocks(body) : null;
  const fallback = blocks ? blocks.text.filter((t, i) => t && !(blocks.flags[i]! & (BlockFlag.Chrome | BlockFlag.Header))).join('\n') : '';
  let readable = '';
  try {
    const article = new Readability<NodeLike>(document as unknown as Document, { serializer: (el) => el as unknown as NodeLike }).parse();
    if (article?.content) readable = textOfNode(article.content, false);
    if (!hints.title && article?.title) hints.title = clean(article.title);
    if (!hints.siteName && article?.siteName) hints.siteName = clean(article.siteName);
    if (!hints.published && article?.publishedTime) hints.published = clean(article.publishedTime);
  } catch {
    readable = '';
  }
  if (blocks && readable) {
    const lines = mainLines(blocks, readable.split('\n'), hints.title ?? null);
    if (lines) readable = lines.join('\n');
  }
  // A page that renders its text by script often still states it in JSON-LD: use that when it is much longer.
  if (articleBody && articleBody.length >= MIN_LD_BODY_CHARS && articleBody.length > LD_BODY_RATIO * Math.max(readable.length, fallback.length)) {
    const lines = ldBodyLines(articleBody);
    if (lines.length) return { text: lines.join('\n'), hints, method: 'json-ld' };
  }
  if (readable.length >= MIN_READABLE_CHARS) return { text: readable, hints, method: 'readability' };
  // Little content: the chrome-free body walk, unless it lost most of what Readability kept.
  if (fallback && fallback.length >= readable.length * 0.5) return { text: fallback, hints, method: 'fallback' };
  return { text: readable, hints, method: 'readability' };
}
