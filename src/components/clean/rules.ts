/**
 * General rules for page cruft lines (scraped or extracted article text, one paragraph per line).
 * Each pattern is declared once, with an example input that needed it.
 */
import type { CruftReason, Removed } from '../../doc/types.js';
import { findOutlet } from '../metadata/outlets.js';

/** Longest line a one-line cruft pattern (prompt, nav string, credit) may match; body paragraphs are longer. */
const MAX_PROMPT_CHARS = 120;
/** Longest line treated as a headline (related-article or subheading). */
const MAX_HEADLINE_CHARS = 160;
/** A body paragraph: this many words at least, or ends in sentence punctuation. */
const BODY_MIN_WORDS = 16;

export const REGEXPS = {
  /** "© AP Photo", "© Sputnik / Ilya Pitalev", "© REUTERS/Yuri Gripas", "Photo: AFP", "(Photo by X/Getty Images)", "Image copyright Getty Images". */
  photoCredit:
    /^(?:(?:©|\(c\)|copyright)\s*(?:[\p{Lu}][\p{L}.&'-]*\s?){1,4}(?:photo|photos|images|pictures|video|\/)|(?:photo|image|picture|photograph|video)\s*(?:credit)?\s*:|\(?(?:photo|image|picture)s?\s+(?:by|courtesy|credit)\b|image\s+(?:copyright|caption)\b|(?:getty images|shutterstock|afp\/getty|ap photo\/)|[\p{Lu}][\p{L}.'-]+(?:\s[\p{Lu}][\p{L}.'-]+){0,3}\s*\/\s*(?:AFP|AP|Reuters|Getty Images|EPA|Sputnik|TASS|Xinhua|Bloomberg)$)/iu,
  /** "© Copyright IBTimes 2024. All rights reserved.", "Copyright 2019 The Associated Press.", "(c) 2015 Reuters". */
  copyright: /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^this material may not be published, broadcast, rewritten/i,
  /** "Registration was successful!", "Please follow the link from the email sent to", "log in or register", "Sign in to continue". */
  login:
    /^(?:registration (?:was|is) successful|please follow the link (?:from|in) the (?:e-?mail|letter)|(?:please )?(?:log ?in|sign ?in)(?: or (?:register|sign up|create an account))?(?: to \w+.*)?[.!]?$|register(?: now)?[.!]?$|forgot (?:your )?password|create (?:a free |an )?account|already (?:have an account|a subscriber)|you (?:have|'ve) reached your (?:free )?article limit)/i,
  /** "To participate in the discussion", "Leave a comment", "12 comments", "Show comments", "Join the conversation". */
  comment:
    /^(?:to participate in the discussion|(?:leave|post|add|write) a (?:comment|reply)|(?:show|view|hide|load|read) (?:all )?(?:\d+ )?comments?|\d+\s+comments?|comments?(?: \(\d+\))?:?$|join the (?:discussion|conversation)|comments are closed|discuss(?: this)?(?: article)?:?$)/i,
  /** "Share this article", "Share on Facebook", "Tweet", "Email this", "Copy link", "Print". */
  share:
    /^(?:share(?: (?:this(?: article| story| page| post)?|on \w+|via \w+|the (?:article|story)))?|tweet(?: this)?|email(?: this)?(?: article)?|print(?: this)?(?: article)?|copy(?: the)? link|pin it|whatsapp|facebook|twitter|linkedin|telegram|reddit)[:.!]?$/i,
  /** "Subscribe to our newsletter", "Sign up for our daily briefing", "Follow us on Twitter", "Get the latest news by email". */
  subscribe:
    /^(?:subscribe\b|sign up (?:for|to) (?:our|the|a)\b|get (?:our|the) (?:free |daily |weekly )?(?:newsletter|briefing)|follow us on\b|(?:our )?newsletter(?: sign-?up)?:?$|get the latest news\b|download (?:our|the) app\b|support (?:our|independent) journalism)/i,
  /** "All news", "Read more", "Back to top", "Related articles", "Advertisement", "Skip to main content", "Next article". */
  navigation:
    /^(?:all news|more news|latest news|top stories|home|news|menu|search|read more|read also|see also|also read|related(?: articles| stories| news| content| topics)?|more on this(?: story| topic)?|you may also like|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|next(?: article| story)?|previous(?: article| story)?|back to top|skip to (?:main )?content|advertisement|sponsored(?: content)?|continue reading|click here(?: to .*)?|loading\.*|tags?:.*|topics?:.*|more (?:by|from) \p{Lu}[\p{L}.'’ -]{1,40})[.:…]*$/iu,
  /**
   * Prompts embedded in a longer sentence: "To view the full story, please subscribe to The Haitian Times.",
   * "For the latest stories ... download the Nationnews apps for iOS and Android.", "Follow The Gleaner on Twitter and Instagram",
   * "Never miss the latest news by signing up to our newsletter", "Submit your letter to the editor via this form".
   */
  promptSentence:
    /\b(?:please subscribe|already a subscriber|subscribers also receive|log in for (?:immediate )?access|subscribe to (?:our|the)\b|join our (?:newsletter|mailing list)|sign(?:ing)? up (?:to|for) (?:our|the)\b|sign up to get|download (?:the|our) [\w ]{1,30}apps?\b|follow (?:the |us )?[\w ]{0,30}on (?:twitter|facebook|instagram)|send us (?:a|your) (?:tip|story|letter|news)|submit your letter|never miss the latest|for the latest news right to your)/i,
  /**
   * Legal and advertising notices: "This article is the copyrighted property of X.", "Written permission must be obtained before reprint",
   * "X is not responsible for the opinions, statements or media content presented by contributors.", "Advertising disclosure: We may receive compensation".
   */
  notice:
    /\b(?:copyrighted property of|written permission must be obtained|(?:may|must) not be (?:re)?(?:published|reproduced|redistributed)|not responsible for the (?:opinions|content)|advertis(?:ing|er) (?:disclosure|disclaimer)|we may (?:receive|earn) (?:compensation|a commission)|affiliate links?)\b/i,
  /** "Category : Press Releases", "Filed under: Politics", "Posted in News", "Photograph by X", "Credit: Getty". */
  filedUnder: /^(?:categor(?:y|ies)|filed under|posted in|tagged(?: with)?)\s*:?\s+\S|\bcategor(?:y|ies)\s+:\s+\S/i,
  /** "Photograph by X", "Credit: Getty", "(Credit: Jane Doe / Example)". */
  creditLine: /^\(?(?:photograph(?:s|ed)? by|(?:photo |image )?credits?\s*:)/i,
  /** A membership pitch opening a paragraph: "When you join The Daily Planet family, you'll get ...", "Join now or renew to get:". */
  membershipPitch: /^(?:when you (?:join|subscribe to|become a member of) [^,]{1,60}, you(?:’|')ll get\b|join now or renew\b|become a (?:member|subscriber) (?:today|now)\b)/i,
  /** An author's bio line: "Jane Doe is the author of ...", "John Roe is a freelance writer based in ...". */
  authorBio:
    /^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3} (?:is|was) (?:the author of|an? (?:freelance |staff |senior |contributing |independent )?(?:writer|journalist|reporter|correspondent|contributor|columnist)\b)/u,
  /**
   * A cookie-consent banner and its buttons: "We use cookies to improve your experience ...", "Accept all cookies",
   * "Cookie settings", "Manage preferences".
   */
  cookie:
    /^(?:we use cookies\b|this (?:web)?site uses cookies\b|by (?:continuing to (?:browse|use)|using) (?:this|our) (?:site|website)\b.{0,80}cookies|(?:accept|reject|allow|decline)(?: all)?(?: cookies)?$|(?:accept|reject|allow) all cookies|cookie (?:settings|preferences|policy|notice)$|manage (?:cookie )?(?:preferences|settings|consent)$|(?:i )?(?:agree|understand|got it)$)/i,
  /** A wire service's credit line: "(Reporting by Jane Doe; Editing by John Roe)", "Writing by X; editing by Y". */
  wireCredit:
    /^\((?:additional )?(?:reporting|writing|editing|compiled|translated|produced) by\b[^()]*\)\.?$|^(?:additional )?(?:reporting|writing|editing) by [^.;]{2,80};\s*(?:additional reporting|writing|editing) by\b[^.]*\.?$/i,
  /**
   * An outlet's standards note: "Our Standards: The Trust Principles." (A syndication note, "This article originally
   * appeared in X", stays: it is the article's provenance, and the extraction benchmark counts it as text.)
   */
  standards: /^our standards:/i,
  /** A promo for a video, gallery or audio version: "WATCH: Residents flee ...", "VIDEO: ...", "Listen to this article", "5 min read". */
  promo: /^(?:(?:watch|video|listen|photos|gallery|in pictures|must read|also read|read also|see also|related|more)\s*:\s*\S|listen to this (?:article|story)$|(?:\d+\s*min(?:ute)?s?(?: read| listen)?|\d+\s*min(?:ute)?s? to read)$)/i,
  /** A row of share buttons: "Facebook Twitter Email", "Share: WhatsApp | LinkedIn | Copy link". */
  shareRow:
    /^(?:share(?: this(?: article| story)?)?:?\s*)?(?:(?:facebook|twitter|x|email|e-mail|whatsapp|linkedin|telegram|reddit|pinterest|messenger|print|copy link|copy|sms|flipboard|tumblr|vk)\s*[|·•,/]?\s*){2,}$/i,
  /**
   * A breadcrumb trail: two or more short capitalized segments joined by "|", ">", "›", "»" or "/": "World | Europe | Politics",
   * "Home > News > UK".
   */
  breadcrumb: /^\p{Lu}[\p{L}&'’-]*(?:\s\p{L}[\p{L}&'’-]*){0,2}(?:\s+[|>›»/]\s+\p{Lu}[\p{L}&'’-]*(?:\s\p{L}[\p{L}&'’-]*){0,2}){1,6}$/u,
  /** A relative publication stamp of a listed story: "Published 2 days ago", "3 hours ago", "Updated 15 minutes ago". */
  relativeStamp: /^(?:(?:published|updated|posted)\s+)?(?:\d{1,2}|an?|one|two|three)\s+(?:second|minute|hour|day|week|month)s?\s+ago$/i,
  /** A site's domain alone on a line: "EXAMPLENEWS.COM", "www.example.org". */
  bareDomain: /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co|uk|info|news|tv|io|gov|edu)$/i,
} as const;

/** A line ending in " - Sputnik International" / " | AFP": a caption or credit suffix naming an outlet. */
const OUTLET_SUFFIX = /\s[-–—|]\s((?:[\p{Lu}\d][\p{L}\d.&'’-]*)(?:\s[\p{Lu}\d][\p{L}\d.&'’-]*){0,3})\s*$/u;
/** Final punctuation of a sentence (a headline has none). */
const SENTENCE_END = /[.!?…:;"'”’»)\]]$/;
/** Navigation headers that open a list of links to other pages. */
const LIST_HEADER_RE = /^(?:related(?: articles| stories| news| content| topics)?|more on this(?: story| topic)?|you may also like|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest news|more news|read more|read also|see also|also read|tags?:?|topics?:?)[.:…]*$/i;
/** A list item's bullet: dash, bullet, asterisk. */
const BULLET_RE = /^[—–•*-]\s/;
const WORD = /[\p{L}\p{N}]+/gu;
const STOP = new Set(
  'the a an of in on at to for from by with and or but is are was were be been has have had will would could should may might not no as that this these those its it their his her our your after before over under about into than then also more most new says said say'.split(' '),
);

export interface LineInfo {
  start: number;
  end: number;
  text: string;
}

/** Lines of `raw` with offsets (trimmed; blank lines omitted). */
export function linesOf(raw: string): LineInfo[] {
  const out: LineInfo[] = [];
  let i = 0;
  const n = raw.length;
  while (i <= n) {
    let j = raw.indexOf('\n', i);
    if (j < 0) j = n;
    let s = i;
    let e = j;
    while (s < e && isSpace(raw.charCodeAt(s))) s++;
    while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: raw.slice(s, e) });
    i = j + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 160 || c === 12 || c === 11 || c === 0x2028 || c === 0xfeff;
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = s.charCodeAt(i) <= 32 || s.charCodeAt(i) === 160;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** A body paragraph: long, or a sentence ending in punctuation with a few words. */
export function isBodyLine(s: string): boolean {
  const w = wordCount(s);
  return w >= BODY_MIN_WORDS || (w >= 6 && SENTENCE_END.test(s) && !s.endsWith(':'));
}

/** A short title-like line: no final sentence punctuation, at most MAX_HEADLINE_CHARS, at least two words. */
export function isHeadlineLike(s: string): boolean {
  if (s.length > MAX_HEADLINE_CHARS || s.length < 8) return false;
  if (/[.!?;,:…]["'”’»)\]]*$/.test(s)) return false;
  const w = wordCount(s);
  return w >= 2 && w <= 25 && /^[\p{Lu}\p{N}"“‘']/u.test(s);
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_LINE_RE = new RegExp(
  `^(?:(?:published|posted|updated|last\\s+updated|first\\s+published)\\b.*\\d|.{0,40}\\b(?:${MONTH}\\.?\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b).{0,40}\\b(?:19|20)\\d\\d\\b)`,
  'i',
);

/**
 * A short line giving a date ("Published on Friday, 27 September 2013", "July 7, 2012 10:31 AM"): page
 * metadata, which the metadata component reads, never a related headline.
 * @example isDateLine('Updated: November 11, 2011') // true
 */
export function isDateLine(s: string): boolean {
  return s.length <= 100 && DATE_LINE_RE.test(s);
}

/** Classify a single line by the one-line patterns (no context). Returns null for content. */
export function lineCruftReason(s: string): CruftReason | null {
  if (s.length <= 300 && REGEXPS.photoCredit.test(s)) return 'photo-credit';
  if (s.length <= 200 && REGEXPS.copyright.test(s)) return 'copyright';
  if (s.length <= 200 && REGEXPS.creditLine.test(s)) return 'photo-credit';
  if (s.length <= 250 && REGEXPS.promptSentence.test(s)) return 'subscribe-prompt';
  if (s.length <= 250 && REGEXPS.notice.test(s)) return 'boilerplate';
  if (s.length <= 500 && REGEXPS.membershipPitch.test(s)) return 'subscribe-prompt';
  if (s.length <= 400 && REGEXPS.authorBio.test(s)) return 'boilerplate';
  if (s.length <= 80 && REGEXPS.filedUnder.test(s)) return 'navigation';
  if (s.length <= 60 && REGEXPS.bareDomain.test(s)) return 'navigation';
  if (s.length <= 100 && REGEXPS.shareRow.test(s)) return 'share-prompt';
  if (s.length <= 250 && REGEXPS.cookie.test(s)) return 'boilerplate';
  if (s.length <= 250 && REGEXPS.wireCredit.test(s)) return 'boilerplate';
  if (s.length <= 250 && REGEXPS.standards.test(s)) return 'boilerplate';
  if (s.length <= 160 && REGEXPS.promo.test(s)) return 'navigation';
  if (s.length <= 100 && REGEXPS.breadcrumb.test(s)) return 'navigation';
  if (s.length <= 40 && REGEXPS.relativeStamp.test(s)) return 'navigation';
  if (s.length > MAX_PROMPT_CHARS) return null;
  if (REGEXPS.login.test(s)) return 'login-prompt';
  if (REGEXPS.comment.test(s)) return 'comment-prompt';
  if (REGEXPS.subscribe.test(s)) return 'subscribe-prompt';
  if (REGEXPS.share.test(s)) return 'share-prompt';
  if (REGEXPS.navigation.test(s)) return 'navigation';
  return null;
}

/** The outlet-like suffix of a caption line ("... Baghdad, Iraq - Sputnik International" -> "Sputnik International"), or null. */
export function captionSuffix(s: string): string | null {
  if (s.length > 400) return null;
  // Cheap pre-check: a separator within the last 60 characters.
  const tail = s.length > 60 ? s.slice(-60) : s;
  if (!/\s[-–—|]\s/.test(tail)) return null;
  const m = OUTLET_SUFFIX.exec(tail);
  return m ? m[1]! : null;
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'cjk' | 'other';

function scriptOf(c: number): Script | null {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) return 'latin';
  if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
  if (c >= 0x370 && c <= 0x3ff) return 'greek';
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) return 'cjk';
  if (c > 0x24f && c < 0x2000) return 'other';
  return null;
}

/** True when some letter of `s` is in another script than `script`. */
function hasOtherScript(s: string, script: Script): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65) continue;
    const sc = scriptOf(c);
    if (sc && sc !== script) return true;
  }
  return false;
}

/** Letter counts by script for a string. */
const SCRIPTS: Script[] = ['latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'cjk', 'other'];
function scriptCounts(s: string): Map<Script, number> {
  const counts = new Int32Array(SCRIPTS.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65) continue;
    if (c <= 122) {
      if (c <= 90 || c >= 97) counts[0]!++;
      continue;
    }
    const sc = scriptOf(c);
    if (sc) counts[SCRIPTS.indexOf(sc)]!++;
  }
  const m = new Map<Script, number>();
  for (let k = 0; k < SCRIPTS.length; k++) if (counts[k]) m.set(SCRIPTS[k]!, counts[k]!);
  return m;
}

function dominant(m: Map<Script, number>): [Script | null, number, number] {
  let best: Script | null = null;
  let bestN = 0;
  let total = 0;
  for (const [k, v] of m) {
    total += v;
    if (v > bestN) {
      best = k;
      bestN = v;
    }
  }
  return [best, bestN, total];
}

function stems(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.length > 5 ? w.slice(0, 5) : w);
  }
  return out;
}

/** Whether `text` has a word whose stem (as `stems` makes it) is in `a`; stops at the first one. */
function shareStem(a: Set<string>, text: string): boolean {
  if (a.size === 0) return false;
  const lower = text.toLowerCase();
  // Its own regex: an early return leaves lastIndex set, and matchAll on WORD would start from it.
  const re = new RegExp(WORD);
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) {
    const w = m[0];
    if (w.length < 3) continue;
    if (a.has(w.length > 5 ? w.slice(0, 5) : w) && !STOP.has(w)) return true;
  }
  return false;
}

/**
 * Find cruft lines in `raw`. Offsets of the result point into `raw`.
 * @example findCruft('All news\nBody text of the article that goes on for a while here.').map((r) => r.reason) // ['navigation']
 */
export function findCruft(raw: string): Removed[] {
  const lines = linesOf(raw);
  const reasons: (CruftReason | null)[] = new Array(lines.length).fill(null);

  // Body script: a line mostly in another script than the body is a stray interface string ("Заголовок открываемого материала" under an English article).
  const [bodyScript, bodyN, bodyTotal] = dominant(scriptCounts(raw.length > 200_000 ? raw.slice(0, 200_000) : raw));
  const scriptIsClear = bodyScript !== null && bodyN / Math.max(1, bodyTotal) > 0.9;

  // Suffixes shared by two or more lines (" - Sputnik International") are site caption credits.
  const suffixCount = new Map<string, number>();
  const suffixes: (string | null)[] = lines.map((l) => {
    const sfx = captionSuffix(l.text);
    if (sfx) suffixCount.set(sfx, (suffixCount.get(sfx) ?? 0) + 1);
    return sfx;
  });

  // The head zone (title, standfirst) ends at the first body paragraph; headline rules don't apply there.
  let firstBody = lines.findIndex((l) => isBodyLine(l.text) && lineCruftReason(l.text) === null);
  if (firstBody < 0) firstBody = lines.length;

  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.text;
    let r = lineCruftReason(s);
    if (!r && scriptIsClear && s.length <= 200 && hasOtherScript(s, bodyScript!)) {
      const [sc, n, total] = dominant(scriptCounts(s));
      if (sc && sc !== bodyScript && n / Math.max(1, total) > 0.6) r = 'foreign-script';
    }
    if (!r) {
      const sfx = suffixes[i];
      if (sfx && (suffixCount.get(sfx)! >= 2 || findOutlet(sfx) !== null) && !/[!?]$/.test(s.slice(0, s.length - sfx.length).trim())) r = 'caption';
    }
    reasons[i] = r;
  }

  // Bulleted lines under a prompt that ends in a colon ("Join now or renew to get:" / "— Instant access to ...") belong to it.
  for (let i = 0; i + 1 < lines.length; i++) {
    const r = reasons[i];
    if ((r !== 'subscribe-prompt' && r !== 'login-prompt') || !lines[i]!.text.endsWith(':')) continue;
    while (i + 1 < lines.length && !reasons[i + 1] && BULLET_RE.test(lines[i + 1]!.text) && lines[i + 1]!.text.length <= MAX_PROMPT_CHARS) reasons[++i] = r;
  }

  // The items of a list a header opens ("Related Topics", "More on this story", "You may also like"): the short
  // lines after it, up to the next body paragraph, are links to other pages.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (reasons[i] !== 'navigation' || !LIST_HEADER_RE.test(lines[i]!.text)) continue;
    while (i + 1 < lines.length && (!reasons[i + 1] || reasons[i + 1] === 'navigation') && !isBodyLine(lines[i + 1]!.text) && lines[i + 1]!.text.length <= MAX_HEADLINE_CHARS) {
      if (!reasons[i + 1]) reasons[i + 1] = isHeadlineLike(lines[i + 1]!.text) && wordCount(lines[i + 1]!.text) >= 4 ? 'related-headline' : 'navigation';
      i++;
    }
  }

  // Related-article headlines: title-like lines after a caption, or isolated between body paragraphs
  // without sharing a content word with the paragraph that follows (a subheading introduces its section).
  for (let i = Math.max(1, firstBody); i < lines.length; i++) {
    if (reasons[i]) continue;
    const s = lines[i]!.text;
    if (!isHeadlineLike(s) || isDateLine(s)) continue;
    const prevCaption = reasons[i - 1] === 'caption' || reasons[i - 1] === 'photo-credit';
    if (prevCaption && adjacent(raw, lines[i - 1]!, lines[i]!)) {
      reasons[i] = 'related-headline';
      continue;
    }
    const next = nextContent(lines, reasons, i);
    const prev = prevContent(lines, reasons, i);
    if (next < 0 || prev < 0) continue;
    if (!isBodyLine(lines[next]!.text) || !isBodyLine(lines[prev]!.text)) continue;
    if (!shareStem(stems(s), lines[next]!.text + ' ' + (lines[next + 1]?.text ?? ''))) reasons[i] = 'related-headline';
  }

  const out: Removed[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = reasons[i];
    if (r) out.push({ start: lines[i]!.start, end: lines[i]!.end, text: lines[i]!.text, reason: r });
  }
  return out;
}

/** True when no blank line separates the two lines (a caption and its headline form one block). */
function adjacent(raw: string, a: LineInfo, b: LineInfo): boolean {
  const between = raw.slice(a.end, b.start);
  let nl = 0;
  for (let i = 0; i < between.length; i++) if (between.charCodeAt(i) === 10) nl++;
  return nl <= 1;
}

function nextContent(lines: LineInfo[], reasons: (CruftReason | null)[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (!reasons[j]) return j;
  return -1;
}

function prevContent(lines: LineInfo[], reasons: (CruftReason | null)[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!reasons[j]) return j;
  return -1;
}
