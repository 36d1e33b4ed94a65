/**
 * A page as a flat list of text blocks (one per line of output) plus the block elements that hold them,
 * built in one walk before Readability mutates the DOM. Each element covers a contiguous range of blocks,
 * so the text, link and paragraph statistics of any container are prefix-sum look-ups.
 */

/** Elements whose text never reaches the output. */
export const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title', 'canvas', 'object', 'embed', 'select', 'button', 'input', 'textarea', 'option', 'math']);
/** Page chrome (site menus, footers, sidebars, sign-up forms). */
export const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
/** Elements that end a line (block-level and line breaks). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption', 'center', 'body', 'html',
]);
/** class/id of chrome blocks: "site-nav", "related-posts", "cookie-banner", "share-buttons", "comments". */
export const CHROME_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|footer|masthead|cookie|consent|share|sharing|social|related|recommended|newsletter|subscribe|comments?|advert|ads?|promo|popup|modal|skip)(?:$|[\s_-])/i;
/** class/id of blocks beside an article that aren't its text: "author-profile", "byline", "buybox", "paywall", "article-topics", "post-tags". */
export const SECONDARY_CLASS = /(?:^|[\s_-])(?:author|authors|byline|bio|buy-?box|buybox__\w+|paywall|subscription|topics|tags|tag-list|keywords|donate|donation|cta)(?:$|[\s_-])/i;
/** class/id of image captions and credits outside figure elements: "photo-caption", "wp-caption-text", "image-credit". */
export const CAPTION_CLASS = /caption|(?:^|[\s_-])credits?(?:$|[\s_-])/i;
const HIDDEN_STYLE = /display:\s*none/i;
const SPACES = /[ \t\r\n\f\u00a0]+/g;

export interface NodeLike {
  nodeType: number;
  nodeValue?: string | null;
  localName?: string;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?(name: string): string | null;
}

/** Flags of a block (bit set). */
export const enum BlockFlag {
  /** Inside nav/header/footer/aside/form or a chrome-classed element. */
  Chrome = 1,
  /** Inside h1..h6. */
  Heading = 2,
  /** Inside figure/figcaption. */
  Figure = 4,
  /** Inside an h1. */
  H1 = 8,
  /** Inside a header element (chrome for the fallback walk, but also where an article's title and standfirst live). */
  Header = 16,
}

export interface PageBlocks {
  /** Block texts (whitespace collapsed, trimmed, non-empty), in document order. */
  text: string[];
  /** Characters of each block inside links. */
  linkChars: Int32Array;
  /** BlockFlag bits per block. */
  flags: Uint8Array;
  /** The innermost chrome element (tag or class) around each block, or -1. */
  chromeEl: Int32Array;
  /** Block elements: parent index (-1 for the root), first block, end block (exclusive), tag. */
  parent: number[];
  first: number[];
  end: number[];
  tag: string[];
}

/**
 * The blocks of a page body: every line textOfNode would print, with link characters, chrome/heading/figure flags
 * and the block-range of each block element.
 * @example pageBlocks(parseHTML('<body><p>a</p><nav>b</nav></body>').document.body).text // ['a', 'b']
 */
export function pageBlocks(root: NodeLike): PageBlocks {
  const text: string[] = [];
  const links: number[] = [];
  const flagList: number[] = [];
  const chromeList: number[] = [];
  const parent: number[] = [];
  const first: number[] = [];
  const end: number[] = [];
  const tag: string[] = [];
  let cur = '';
  let curLink = 0;
  let curFlags = 0;
  let curChrome = -1;
  const flush = () => {
    if (cur) {
      const t = cur.replace(SPACES, ' ').trim();
      if (t) {
        text.push(t);
        links.push(Math.min(curLink, t.length));
        flagList.push(curFlags);
        chromeList.push(curChrome);
      }
    }
    cur = '';
    curLink = 0;
    curFlags = 0;
    curChrome = -1;
  };
  const walk = (node: NodeLike, owner: number, chromeId: number, flags: number, inLink: boolean, pre: boolean) => {
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i]!;
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        if (pre && v.includes('\n')) {
          const parts = v.split('\n');
          for (let j = 0; j < parts.length; j++) {
            if (j > 0) flush();
            cur += parts[j];
            curFlags |= flags;
            if (chromeId > curChrome) curChrome = chromeId;
            if (inLink) curLink += parts[j]!.trim().length;
          }
        } else {
          cur += v;
          curFlags |= flags;
          if (chromeId > curChrome) curChrome = chromeId;
          if (inLink) curLink += v.replace(SPACES, ' ').trim().length;
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const t = n.localName ?? '';
      if (SKIP_TAGS.has(t)) continue;
      if (n.getAttribute?.('hidden') != null) continue;
      const style = n.getAttribute?.('style');
      if (style && HIDDEN_STYLE.test(style)) continue;
      if (!BLOCK_TAGS.has(t)) {
        walk(n, owner, chromeId, flags, inLink || t === 'a', pre);
        continue;
      }
      let f = flags;
      let self = false;
      if (t === 'header') f |= BlockFlag.Header;
      else if (CHROME_TAGS.has(t)) self = true;
      else if (t !== 'body' && t !== 'html' && t !== 'article' && t !== 'main') {
        const cls = n.getAttribute?.('class');
        const idAttr = n.getAttribute?.('id');
        if (cls || idAttr) {
          const k = (cls ?? '') + ' ' + (idAttr ?? '');
          if (CHROME_CLASS.test(k) || SECONDARY_CLASS.test(k)) self = true;
          else if (CAPTION_CLASS.test(k)) f |= BlockFlag.Figure;
        }
      }
      if (self) f |= BlockFlag.Chrome;
      if (t.length === 2 && t.charCodeAt(0) === 104 && t.charCodeAt(1) >= 49 && t.charCodeAt(1) <= 54) f |= t === 'h1' ? BlockFlag.Heading | BlockFlag.H1 : BlockFlag.Heading;
      else if (t === 'figure' || t === 'figcaption') f |= BlockFlag.Figure;
      flush();
      if (t === 'br' || t === 'hr') continue;
      const id = parent.length;
      parent.push(owner);
      tag.push(t);
      first.push(text.length);
      end.push(text.length);
      walk(n, id, self ? id : chromeId, f, inLink, pre || t === 'pre');
      flush();
      end[id] = text.length;
    }
  };
  parent.push(-1);
  tag.push(root.localName ?? '');
  first.push(0);
  end.push(0);
  walk(root, 0, -1, 0, false, false);
  flush();
  end[0] = text.length;
  // Drop caps: "T" in its own element before "urkey, Poland and ..." joins its paragraph.
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text[i]!;
    if (a.length === 1 && /^\p{Lu}$/u.test(a) && /^\p{Ll}/u.test(text[i + 1]!)) {
      text[i + 1] = a + text[i + 1];
      text[i] = '';
    }
  }
  return { text, linkChars: Int32Array.from(links), flags: Uint8Array.from(flagList), chromeEl: Int32Array.from(chromeList), parent, first, end, tag };
}
