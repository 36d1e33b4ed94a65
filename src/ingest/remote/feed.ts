/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds into items. */
import { XMLParser } from 'fast-xml-parser';

export interface FeedItem {
  url: string | null;
  title: string | null;
  published: string | null;
  id: string | null;
  /** Full content or summary HTML as the feed gives it. */
  html: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

let parser: XMLParser | null = null;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('#text' in o) return text(o['#text']);
    if ('@_href' in o) return text(o['@_href']);
  }
  return null;
}

function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function isoDate(s: string | null): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}

/** Atom links: rel="alternate" (or no rel) is the article. */
function atomLink(v: unknown): string | null {
  const links = list(v as Record<string, unknown> | Record<string, unknown>[]);
  const alt = links.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? links[0];
  return typeof alt === 'string' ? alt : text(alt);
}

/**
 * Whether a response looks like a feed: by content type, else by its root element.
 * @example looksLikeFeed('application/rss+xml', '') // true
 */
export function looksLikeFeed(contentType: string | null, body: string): boolean {
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return true;
  const head = body.slice(0, 2000).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '').trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/**
 * Parse a feed document. Returns null when it is not RSS or Atom.
 * @example parseFeed('<rss><channel><item><link>https://x/a</link></item></channel></rss>')?.items[0]?.url // 'https://x/a'
 */
export function parseFeed(xml: string): Feed | null {
  parser ??= new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: true, parseTagValue: false, trimValues: true });
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml);
  } catch {
    return null;
  }
  if (doc.rss?.channel || doc['rdf:RDF']) {
    const channel = doc.rss?.channel ?? doc['rdf:RDF'].channel ?? {};
    const items = list(doc.rss?.channel?.item ?? doc['rdf:RDF']?.item);
    return {
      title: text(channel.title),
      items: items.map((it: Record<string, unknown>) => ({
        url: text(it.link) ?? (it['@_rdf:about'] as string | undefined) ?? null,
        title: text(it.title),
        published: isoDate(text(it.pubDate) ?? text(it['dc:date'])),
        id: text(it.guid) ?? text(it.link),
        html: text(it['content:encoded']) ?? text(it.description),
      })),
    };
  }
  if (doc.feed) {
    const f = doc.feed;
    return {
      title: text(f.title),
      items: list(f.entry).map((e: Record<string, unknown>) => ({
        url: atomLink(e.link),
        title: text(e.title),
        published: isoDate(text(e.published) ?? text(e.updated)),
        id: text(e.id),
        html: text(e.content) ?? text(e.summary),
      })),
    };
  }
  return null;
}
