/**
 * Entity spans over tokens: the tagger's output combined with gazetteers (armed groups and
 * countries win over the model) and rules (organization heads like "... Ministry", "Council of ...",
 * stand-alone acronyms).
 */
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import type { EntityType } from '../../doc/types.js';
import { GazKind, WordClass } from './gazetteer.js';
import { IntTable, hashLower, hashString, pair } from './hash.js';
import { initialsMatch, isAcronymAt } from './link.js';
import type { Gazetteer } from './gazetteer.js';
import { tagTokens, tagType, tokenInfo, weightScorer } from './tagger.js';
import type { TokenInfo, Weights } from './tagger.js';

/** A recognized span over tokens [first, last]. */
export interface EntitySpan {
  first: number;
  last: number;
  type: EntityType;
  /** Gazetteer entry behind it, or -1. */
  entry: number;
  /** Where it came from. */
  source: 'model' | 'gazetteer' | 'rule';
}

// Capitalized function words that begin a sentence or headline, never part of an organization name.
const LEADING_STOP = intSet(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'by', 'from', 'in', 'at', 'and'].map(hashString));

const MODEL_TYPES: (EntityType | null)[] = [null, 'person', 'organization', 'location', null];

/**
 * Closed-class words (conjunctions, sentence adverbs, quantifiers) that open sentences capitalized but never
 * begin a name: "Although Moscow claims ..." names Moscow; "Lately ...", "Numerous ..." name nothing.
 */
const SENTENCE_OPENERS = intSet(
  [
    'although', 'though', 'while', 'whereas', 'because', 'since', 'unless', 'until', 'once', 'when', 'whenever', 'if', 'as', 'but', 'or', 'nor', 'so', 'yet',
    'however', 'meanwhile', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'therefore', 'thus', 'hence', 'also', 'still', 'instead', 'indeed', 'overall',
    'lately', 'recently', 'currently', 'previously', 'earlier', 'later', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'here', 'there',
    'reportedly', 'allegedly', 'apparently', 'unfortunately', 'fortunately', 'clearly', 'finally', 'initially', 'additionally', 'similarly', 'likewise',
    'numerous', 'several', 'many', 'most', 'some', 'few', 'all', 'both', 'each', 'every', 'other', 'such', 'another', 'various', 'certain', 'no', 'only', 'even', 'just',
    'despite', 'amid', 'amidst', 'during', 'without', 'against', 'among', 'between', 'according', 'following',
    'around', 'about', 'nearly', 'almost', 'approximately', 'roughly', 'over', 'more', 'fewer', 'less',
  ].map(hashString),
);

/** A direction alone is half a name ("Central and Southeast Asia" names Central Asia, elided): never a name by itself. */
const DIRECTIONS = intSet(
  ['central', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest',
    'northeastern', 'northwestern', 'southeastern', 'southwestern', 'upper', 'lower', 'greater', 'inner', 'outer', 'middle'].map(hashString),
);

const VERB_FORM_RE = /[a-z][iy][sz](?:ed|es|ing)$/;

/** Pronouns (with their contractions), interjections, indefinite pronouns and caption words: a capitalized one ("I'm", "You'll", "Yeah", "Everyone", "Photo") is never a name. */
const NOT_A_NAME_RE = /^(?:(?:i|you|we|he|she|they|it)(?:['’](?:m|ve|d|ll|re|s))?|your|yours|yeah|yes|oh|okay|hey|wow|everyone|everybody|someone|somebody|nobody|anyone|anybody|others|none|photos?|images?|pictures?|videos?|credits?|courtesy)$/i;

/**
 * A run of all-capital words opening a paragraph and followed by a dash or comma is a dateline, a place
 * ("WEST PALM BEACH — The family ..."): text before `start` ends a line, and `after` is the next non-space text.
 * @example isDatelineRun('Photo credit\nWEST PALM BEACH — The family', 13, 28) // true
 */
export function isDatelineRun(text: string, start: number, end: number, strongOnly = false): boolean {
  // Cheap tests first: most runs do not open a line.
  if (end - start < 4 || (start > 0 && text.charCodeAt(start - 1) !== 10) || LOWER_RE.test(text.slice(start, end))) return false;
  const after = text.slice(end, end + 32);
  // Strong forms, even in a line set in capitals: "AUSTIN (KXAN) —", "NAPA COUNTY, Calif. (KGO) --", "ST CATHERINE, Jamaica —".
  if (DATELINE_STRONG_RE.test(after)) return true;
  return !strongOnly && /^\s?(?:[—–,]|--?\s)/.test(text.slice(end, end + 3));
}
const LOWER_RE = /\p{Ll}/u;
const DATELINE_STRONG_RE = /^(?:\s?\([^()\n]{1,20}\)\s?(?:[—–]|--?\s)|,\s\p{Lu}\p{Ll}+\.?(?:\s\([^()\n]{1,20}\))?\s?(?:[—–]|--?\s))/u;

/** First word of a sentence, or of a quotation or bracket that opens one ("“Lately ..."). */
function opensSentence(tokens: TokenTable, i: number): boolean {
  if (tokens.flags[i]! & TokenFlag.SENTENCE_START) return true;
  let j = i - 1;
  while (j >= 0 && (tokens.kind[j] === TokenKind.QUOTE || tokens.kind[j] === TokenKind.PUNCT) && tokens.end[j]! - tokens.start[j]! === 1 && tokens.sentence[j] === tokens.sentence[i]) {
    if (tokens.flags[j]! & TokenFlag.SENTENCE_START) return true;
    j--;
  }
  return false;
}

/** True when token i follows a label's colon ("Report: People ...", "Update: Honored to ..."). */
function afterLabel(text: string, tokens: TokenTable, i: number): boolean {
  return i > 1 && text.charCodeAt(tokens.start[i - 1]!) === 58 && tokens.end[i - 1]! - tokens.start[i - 1]! === 1 && tokens.kind[i - 2] === TokenKind.WORD;
}

/**
 * Head nouns of place names: a multi-word "person" ending in one is a place ("... Desert"), and so is an
 * "organization" ending in an administrative one (ADMIN_HEADS: "... Autonomous Region"). Not "city" or "bay":
 * clubs and companies end in them.
 */
const PLACE_HEADS = intSet(
  ['region', 'province', 'republic', 'district', 'county', 'oblast', 'krai', 'prefecture', 'territory', 'territories', 'peninsula', 'island', 'islands',
    'valley', 'mountains', 'river', 'sea', 'gulf', 'strait', 'lake', 'desert', 'basin', 'governorate', 'area', 'parish', 'township', 'borough'].map(hashString),
);
const ADMIN_HEADS = intSet(['region', 'province', 'oblast', 'krai', 'prefecture', 'governorate', 'county', 'area', 'parish', 'township', 'borough', 'municipality'].map(hashString));
/** Heads of facility names (places in CoNLL's guidelines): "Al-Wafa Hospital", "Heathrow Airport". */
const FACILITY_HEADS = intSet(['hospital', 'airport', 'stadium', 'station', 'hotel', 'museum', 'bridge', 'square', 'street', 'road', 'avenue', 'boulevard', 'harbour', 'harbor', 'port', 'palace', 'prison', 'camp', 'centre', 'center', 'arena', 'mall', 'tower', 'highway', 'canal', 'dam',
  // Street abbreviations and more place heads: "2344 Bragg St.", "Nostrand Houses" (public housing), "Ferry Point" (not "Park", "Lane", "Drive": surnames too).
  'st.', 'ave.', 'rd.', 'blvd.', 'houses', 'point', 'plaza', 'pier', 'terminal', 'cemetery', 'cathedral', 'mosque', 'synagogue', 'beach', 'heights'].map(hashString));

/** First words of place names: a "person" run opening with one is a place ("Lake Berryessa", "Mount Kenya"). */
const PLACE_FIRST = intSet(['lake', 'mount', 'mt.', 'cape', 'isle', 'fort', 'port'].map(hashString));

// Capitalized words that start sentences or headlines but are not names on their own.
export const ACRONYM_STOP = new Set(['I', 'A', 'OK', 'TV', 'AM', 'PM', 'BC', 'AD', 'VS', 'II', 'III', 'IV', 'NO', 'ON', 'IN', 'TO', 'OF', 'THE', 'AND', 'FOR', 'AT', 'BY', 'IT', 'IS', 'BE', 'AS', 'OR', 'AN', 'UP', 'US', 'WE', 'HE', 'MY', 'SO', 'DO', 'GO', 'IF', 'ME', 'CEO', 'GDP', 'PDF', 'FAQ', 'LIVE', 'NEW', 'NEWS', 'VIDEO', 'PHOTO', 'UPDATE', 'BREAKING', 'SAYS', 'SAID', 'WILL', 'HAS', 'HAVE', 'WAS', 'ARE', 'NOT', 'BUT', 'WITH', 'FROM', 'THAT', 'THIS', 'COVID']);

// Closed-class and reporting words: capitalized mid-sentence they mark a title-case headline
// ("Threat In Central Asia Has Increased, Officials Say"), never a run of names.
const HEADLINE_WORDS = intSet(['in', 'of', 'on', 'at', 'to', 'for', 'with', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'as', 'by', 'from', 'after', 'over', 'amid', 'says', 'say', 'said', 'will', 'would', 'could', 'may', 'can', 'and', 'the', 'a', 'an', 'its', 'their', 'into', 'against', 'about', 'than', 'not', 'no', 'new', 'more', 'how', 'why', 'what', 'who', 'up', 'out', 'off', 'amid'].map(hashString));

// Legal-form words that end company names (CoNLL guidelines: companies are ORG).
const CORP_SUFFIX = intSet(['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'cos', 'ltd', 'ltd.', 'plc', 'llc', 'gmbh', 'ag', 'bhd', 'pty', 'holdings', 'oy', 'oyj', 'ab', 'asa', 'nv', 'n.v.', 'sa', 's.a.', 'spa', 'bv', 'kk', 'assn'].map(hashString));

// Lower-case words found inside names (CoNLL train: "of", "and", "de", "van", "for", "the", ...).
const NAME_INNER = intSet(['of', 'and', 'de', 'van', 'for', 'the', 'der', 'den', 'da', 'du', 'des', 'del', 'della', 'dal', 'la', 'le', 'les', 'von', 'y', 'e', 'al', 'el', 'bin', 'ibn', 'at', 'on', 'pour', 'upon', 'am', 'im', 'zu'].map(hashString));

function intSet(keys: number[]): IntTable {
  const t = new IntTable(keys.length);
  for (const k of keys) t.set(k, 1);
  return t;
}

/** Scratch tables for recognizeSpans' lazily built word sets, reused across docs (reset on first use per doc). */
const SCRATCH_MIDCAP = new IntTable(256);
const SCRATCH_TITLECASE = new IntTable(256);
const SCRATCH_INNAME = new IntTable(256);

let COUNT_SCRATCH = new Uint32Array(256);
let OWNER_SCRATCH = new Int32Array(1024);
let MISC_SCRATCH = new Uint8Array(1024);
let MARGIN_SCRATCH = new Float32Array(1024);

/** A model span's tokens must clear this score margin over O to stand alone at a sentence start. */
export const MIN_INITIAL_MARGIN = 2;

/**
 * Per sentence, in one pass: `caps`, set in capitals (at least 3 words, more than half all capitals; such headlines
 * confuse acronym rules); `headline`, set in title case (at least 4 words, three quarters capitalized, and at least
 * two capitalized words after the first that are function words or are written in lower case elsewhere in the doc;
 * tables of names such as "Manchester United 2 Chelsea 1" have no such words). A capitals sentence is not `headline`:
 * it is left to the model and the acronym rules.
 * @example sentenceCase(tokens, info, nSent).headline[0] // 1 for "Threat In Asia Has Increased, Officials Say"
 */
export function sentenceCase(tokens: TokenTable, info: TokenInfo, nSent: number): { caps: Uint8Array; headline: Uint8Array } {
  // Four counters per sentence in one scratch buffer reused across docs, zeroed like new arrays.
  const m = nSent + 1;
  if (COUNT_SCRATCH.length < m * 4) COUNT_SCRATCH = new Uint32Array(m * 6);
  const counts = COUNT_SCRATCH.fill(0, 0, m * 4);
  const words = counts.subarray(0, m);
  const allCaps = counts.subarray(m, m * 2);
  const capitalized = counts.subarray(m * 2, m * 3);
  const common = counts.subarray(m * 3, m * 4);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kind[i] !== TokenKind.WORD) continue;
    const s = tokens.sentence[i]!;
    words[s]!++;
    if (tokens.flags[i]! & TokenFlag.ALL_CAPS) allCaps[s]!++;
    const c = info.cls[i]!;
    if (!(c & 1)) continue;
    capitalized[s]!++;
    if (!(c & 4) && (c & 64 || HEADLINE_WORDS.get(info.lw[i]!))) common[s]!++;
  }
  const caps = new Uint8Array(nSent + 1);
  const headline = new Uint8Array(nSent + 1);
  for (let s = 0; s <= nSent; s++) {
    const w = words[s]!;
    caps[s] = w >= 3 && allCaps[s]! * 2 > w ? 1 : 0;
    headline[s] = !caps[s] && w >= 4 && capitalized[s]! * 4 >= w * 3 && common[s]! >= 2 ? 1 : 0;
  }
  return { caps, headline };
}

/**
 * Company names: a person-typed run ending in a company designator ("Daewoo Corp", "Kekkila Oy") is an
 * organization, whatever the greedy tagger made of its first word (it cannot switch type inside a
 * name); so is a person run elsewhere that is its first word or the name without the designator
 * ("Keane" after "Keane Inc", "Slough Estates" after "Slough Estates Plc"). `runs` holds
 * (first, last, type) triples; types change in place.
 * @example companyNames(runs, info.lw)
 */
export function companyNames(runs: number[], lw: Uint32Array): void {
  let heads: IntTable | null = null;
  for (let r = 0; r < runs.length; r += 3) {
    if (runs[r + 2] !== 1 && runs[r + 2] !== 2) continue;
    if (runs[r + 1]! > runs[r]! && CORP_SUFFIX.get(lw[runs[r + 1]!]!)) {
      runs[r + 2] = 2;
      heads ??= new IntTable(8);
      heads.set(runKey(lw, runs[r]!, runs[r]!), 1);
      // The name without its designator too ("Slough Estates" of "Slough Estates Plc").
      if (runs[r + 1]! - 1 > runs[r]!) heads.set(runKey(lw, runs[r]!, runs[r + 1]! - 1), 1);
    }
  }
  if (!heads) return;
  for (let r = 0; r < runs.length; r += 3) if (runs[r + 2] === 1 && heads.get(runKey(lw, runs[r]!, runs[r + 1]!))) runs[r + 2] = 2;
}

/**
 * One name, one type per document: a run whose words the model typed differently elsewhere in the
 * doc takes the type with the most votes ("Genoa" a club in a results table and in the report below),
 * each run voting with the model's margin on its first token (or 1 without margins). Ties keep the
 * model's own choice; MISC runs keep MISC (a name may still be voted into MISC). `runs` holds (first, last, type) triples; types change in place.
 * @example majorityTypes(runs, info.lw)
 */
export function majorityTypes(runs: number[], lw: Uint32Array, margin?: Float32Array): void {
  const nRuns = runs.length / 3;
  if (nRuns < 2) return;
  // Distinct names numbered 1.. through an int table; votes in one flat array, 5 per name.
  const ids = new IntTable(nRuns);
  const idOf = new Int32Array(nRuns);
  const votes = new Float64Array((nRuns + 1) * 5);
  let next = 1;
  for (let r = 0; r < nRuns; r++) {
    const k = runKey(lw, runs[r * 3]!, runs[r * 3 + 1]!);
    let id = ids.get(k);
    if (!id) ids.set(k, (id = next++));
    idOf[r] = id;
    votes[id * 5 + runs[r * 3 + 2]!]! += margin ? margin[runs[r * 3]!]! : 1;
  }
  if (next > nRuns) return; // every name once
  for (let r = 0; r < nRuns; r++) {
    const v = idOf[r]! * 5;
    let best = runs[r * 3 + 2]!;
    // A run the tagger called MISC ("Islamic caliphate", "German") stays out of the name types.
    if (best === 4) continue;
    for (let t = 1; t <= 4; t++) if (votes[v + t]! > votes[v + best]!) best = t;
    runs[r * 3 + 2] = best;
  }
}

/**
 * True for an acronym in brackets spelled out in lower-case words just before it: a term's
 * abbreviation, not a name ("dark northern spring (DNS)", "kilovolt (KV)" is not, "hard red winter (HRW)").
 * @example lowerCaseExpansion(text, tokens, i) // true for DNS in "dark northern spring ( DNS )"
 */
export function lowerCaseExpansion(text: string, tokens: TokenTable, i: number): boolean {
  const open = i - 1;
  if (open < 1 || i + 1 >= tokens.length || text.charCodeAt(tokens.start[open]!) !== 40 || text.charCodeAt(tokens.start[i + 1]!) !== 41) return false;
  const acr = tokens.text(text, i);
  if (!isAcronymAt(text, tokens.start[i]!, tokens.end[i]!)) return false;
  const letters = acr.replace(/[^A-Za-z]/g, '').length;
  const words: string[] = [];
  for (let j = open - 1; j >= 0 && words.length < letters + 2 && tokens.sentence[j] === tokens.sentence[i]; j--) {
    if (tokens.kind[j] !== TokenKind.WORD || tokens.flags[j]! & TokenFlag.CAPITALIZED) break;
    words.unshift(tokens.text(text, j));
    if (words.length >= letters && initialsMatch(acr, words.join(' '))) return true;
  }
  return false;
}

/**
 * Where a model name really ends: before the first lower-case word that names do not contain
 * ("Commonwealth in November" -> "Commonwealth"), and right after a company designator
 * ("Bestop Inc of Boulder" -> "Bestop Inc").
 * @example nameEnd(info, tokens, first, last)
 */
export function nameEnd(info: TokenInfo, tokens: TokenTable, first: number, last: number): number {
  for (let j = first + 1; j <= last; j++) {
    if (CORP_SUFFIX.get(info.lw[j - 1]!) && !(info.cls[j]! & 16)) return j - 1;
    if (tokens.kind[j] === TokenKind.WORD && !(info.cls[j]! & 16) && !NAME_INNER.get(info.lw[j]!)) return j - 1;
  }
  return last;
}

// Lower-case particle, hyphen, capital: "al-Assad", "el-Sisi", "bin-Laden", "ash-Shara".
const PARTICLE_SURNAME = /^(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|abd|bint)-\p{Lu}/u;

/** True for a token like "al-Assad" (a name particle joined to a capitalized surname). @example isParticleSurname('al-Assad', 0, 8) // true */
export function isParticleSurname(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 97 || c > 122 || end - start < 4) return false;
  return PARTICLE_SURNAME.test(text.slice(start, Math.min(end, start + 6)));
}

/** Heads of institutions' names beyond the lexicon's ORG_HEAD words, used by the head rule only (not model features). */
const RULE_HEADS = intSet(['panel', 'board', 'authority', 'observatory', 'laboratory', 'society', 'tribunal', 'secretariat', 'academy', 'college', 'school', 'trust', 'coalition', 'council'].map(hashString));

/** Weekdays and months: "on Friday" after a head is a date, not part of the name. */
const DATE_WORDS = intSet(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
    'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'].map(hashString),
);

/** Place heads that are common nouns alone ("Township Road", "the County"). */
const LONE_PLACE_HEADS = intSet(['county', 'township', 'district', 'province', 'region', 'parish', 'borough', 'municipality', 'prefecture', 'oblast'].map(hashString));
/** Titles of elected members: "for" or "of" after them names the seat ("Labour MP for Newcastle Central"), not an office. */
const SEAT_TITLES = intSet(['mp', 'mep', 'mla', 'msp', 'senator', 'congressman', 'congresswoman', 'representative', 'councillor', 'councilor', 'councilman', 'councilwoman', 'lawmaker'].map(hashString));

/** Heads that name one institution on their own ("Senate", "Congress", "the Commission"): not generic. */
const UNIQUE_HEADS = intSet(['senate', 'congress', 'commission', 'parliament', 'kremlin', 'pentagon', 'house', 'duma', 'cabinet', 'knesset', 'bundestag', 'majlis'].map(hashString));

/** True for a lone organization head word that is generic ("Council", "Office", "Department"). */
function isGenericHead(gaz: Gazetteer, w: number): boolean {
  return (((gaz.words.get(w) ?? 0) & WordClass.ORG_HEAD) !== 0 || !!RULE_HEADS.get(w) || !!LONE_PLACE_HEADS.get(w) || !!FACILITY_HEADS.get(w)) && !UNIQUE_HEADS.get(w);
}

/** Continental and regional adjectives that world-countries lists as no country's demonym. */
const REGION_DEMONYMS = intSet(['asian', 'european', 'african', 'arab', 'arabian', 'hispanic', 'latino', 'scandinavian', 'nordic', 'caucasian', 'oriental', 'western', 'eastern'].map(hashString));

/** True when token j is a demonym ("Iraqi", "Asian"). @example isDemonymAt(info, gaz, j) */
export function isDemonymAt(info: TokenInfo, gaz: Gazetteer, j: number): boolean {
  if (!!REGION_DEMONYMS.get(info.lw[j]!)) return true;
  const e = info.gazEntry[j]!;
  if (e < 0 || (j + 1 < info.n && info.gazEntry[j + 1] === e)) return false;
  const entry = gaz.entries[e]!;
  return entry.kind === GazKind.DEMONYM || entry.demonym === true;
}

/**
 * True when token j is a common English word (data/common-words.txt), or its plural in -s ("Cinemas"),
 * and no lexicon name.
 * @example isCommonWord(text, tokens, info, gaz, j) // true for "Estimates"
 */
export function isCommonWord(text: string, tokens: TokenTable, info: TokenInfo, gaz: Gazetteer, j: number): boolean {
  if (info.gazEntry[j]! >= 0 || tokens.kind[j] !== TokenKind.WORD) return false;
  if (gaz.common.get(info.lw[j]!)) return true;
  const s = tokens.start[j]!;
  const e = tokens.end[j]!;
  const c = text.charCodeAt(e - 1);
  return e - s > 3 && (c === 115 || c === 83) && gaz.common.get(hashLower(text, s, e - 1)) !== 0;
}

/** True for a lower-case word found inside names ("of", "for", "de"). */
function isLowerInner(info: TokenInfo, j: number): boolean {
  return !(info.cls[j]! & 16) && NAME_INNER.get(info.lw[j]!) !== 0;
}

/** True when tokens [a, b] are all direction words ("Central", "South East"), or there are none. */
function allDirections(info: TokenInfo, a: number, b: number): boolean {
  for (let j = a; j <= b; j++) if (!DIRECTIONS.get(info.lw[j]!)) return false;
  return true;
}

/**
 * True for a common word that leads into a name without being part of it: one of the 300 most frequent
 * words ("Before", "After", "With") or a verb or adverb form ("Putting", "Reported", "Currently").
 */
function isLeadWord(text: string, tokens: TokenTable, info: TokenInfo, gaz: Gazetteer, j: number): boolean {
  const rank = info.gazEntry[j]! < 0 ? gaz.common.get(info.lw[j]!) : 0;
  if (rank === 0) return false;
  return rank <= 300 || /(?:ing|ed|ly)$/.test(text.slice(tokens.start[j]!, tokens.end[j]!));
}

/** True for a run of words in capitals (4+ letters) that are all common words or name-inner words, at least one common. */
function capsCommonRun(text: string, tokens: TokenTable, info: TokenInfo, gaz: Gazetteer, first: number, last: number): boolean {
  let common = 0;
  for (let j = first; j <= last; j++) {
    if (tokens.kind[j] !== TokenKind.WORD) continue;
    if (NAME_INNER.get(info.lw[j]!)) continue;
    if (!(info.cls[j]! & 2) || tokens.end[j]! - tokens.start[j]! < 4 || !isCommonWord(text, tokens, info, gaz, j)) return false;
    common++;
  }
  return common > 0;
}

/** True when some word of the run is written in title case elsewhere in the doc. */
function titleCaseOfRun(titleCaseOf: (w: number) => number, info: TokenInfo, first: number, last: number): boolean {
  for (let j = first; j <= last; j++) if (info.cls[j]! & 2 && titleCaseOf(info.lw[j]!)) return true;
  return false;
}

/**
 * False for a document in another language (the tagger, trained on English news, reads its capitalized
 * nouns as names): at least 40 of its first 400 lower-case words, under a quarter of them common English
 * words (English prose and even results tables have well over half).
 * @example isEnglish(tokenInfo('Die Leute haben den Raub gemeldet ...', tokens, gaz), gaz) // false
 */
export function isEnglish(info: TokenInfo, gaz: Gazetteer): boolean {
  let words = 0;
  let common = 0;
  for (let i = 0; i < info.n && words < 400; i++) {
    if ((info.cls[i]! & 56) !== 32) continue; // a word without capitals or digits
    words++;
    // 100 common words decide it: at most 400 words are counted.
    if (gaz.common.get(info.lw[i]!) && ++common >= 100) return true;
  }
  return words < 40 || common * 4 >= words;
}

/** Month names and abbreviations. */
const MONTHS = intSet(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'jan.', 'feb', 'feb.', 'mar', 'mar.', 'apr', 'apr.', 'jun', 'jun.', 'jul', 'jul.', 'aug', 'aug.', 'sep', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.'].map(hashString));
/** Caption and byline words that open a credit line ("Picture Colin Keegan", "Photo: ..."). */
const CAPTION_WORDS = intSet(['picture', 'pictured', 'photo', 'photograph', 'image', 'credit', 'source', 'posted', 'courtesy', 'via', 'by', 'watch', 'listen', 'read'].map(hashString));

const WEEKDAYS = intSet(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map(hashString));
/** Weekdays and months that are not also given names ("April", "May", "June", "August" are). */
const WEEKDAYS_MONTHS = intSet(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'july', 'september', 'october', 'november', 'december'].map(hashString));

/** True when every word of tokens [first, last] is a common English word. */
function allCommon(text: string, tokens: TokenTable, info: TokenInfo, gaz: Gazetteer, first: number, last: number): boolean {
  let words = 0;
  for (let j = first; j <= last; j++) {
    if (tokens.kind[j] !== TokenKind.WORD) continue;
    if (!isCommonWord(text, tokens, info, gaz, j)) return false;
    words++;
  }
  return words > 0;
}

/** Whether tokens [first, last] are their sentence's only words (punctuation around them aside). */
function wholeSentence(tokens: TokenTable, first: number, last: number): boolean {
  const s = tokens.sentence[first]!;
  for (let j = first - 1; j >= 0 && tokens.sentence[j] === s; j--) if (tokens.kind[j] === TokenKind.WORD || tokens.kind[j] === TokenKind.NUMBER) return false;
  for (let j = last + 1; j < tokens.length && tokens.sentence[j] === s; j++) if (tokens.kind[j] === TokenKind.WORD || tokens.kind[j] === TokenKind.NUMBER) return false;
  return true;
}

/** Whether tokens [first, last] are exactly one gazetteer country name. */
function isCountryName(info: TokenInfo, gaz: Gazetteer, first: number, last: number): boolean {
  const e = info.gazEntry[first]!;
  if (e < 0 || info.gazEntry[last] !== e || gaz.entries[e]!.kind !== GazKind.COUNTRY) return false;
  return (first === 0 || info.gazEntry[first - 1] !== e) && (last + 1 >= info.n || info.gazEntry[last + 1] !== e);
}

/** Whether a word of tokens [first, last] is an organization's head noun ("Ministry", "Council", "Senate"). */
function hasOrgHead(gaz: Gazetteer, info: TokenInfo, first: number, last: number): boolean {
  for (let j = first; j <= last; j++) {
    if (wordClassAt(gaz, info, j) & WordClass.ORG_HEAD || !!RULE_HEADS.get(info.lw[j]!) || !!UNIQUE_HEADS.get(info.lw[j]!)) return true;
  }
  return false;
}

const ARTICLES = intSet(['the', 'a', 'an'].map(hashString));

/**
 * Position titles that split a run ("Twitter CEO Jack Dorsey"). Not the lexicon's ambiguous heads ("general",
 * "head", "member", "speaker", "leader", "king"): they open names ("General Motors", "Leader Price").
 */
const SPLIT_TITLES = intSet(
  ['president', 'ceo', 'cfo', 'coo', 'chairman', 'chairwoman', 'chairperson', 'mayor', 'governor', 'senator', 'congressman', 'congresswoman', 'councilman',
    'councilwoman', 'councillor', 'councilor', 'lawmaker', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'secretary', 'director', 'chancellor', 'commissioner',
    'ambassador', 'envoy', 'prosecutor', 'judge', 'founder', 'co-founder', 'editor', 'correspondent', 'superintendent', 'coach', 'premier', 'executive', 'officer',
    'administrator', 'attorney', 'sheriff', 'treasurer', 'comptroller', 'caretaker', 'manager', 'president-elect', 'vice-president', 'chief', 'supervisor', 'mp', 'mep',
    'mla', 'msp', 'taoiseach', 'tanaiste',
    // Hyphenated titles are one token: "NATO Secretary-General Jane Doe".
    'secretary-general', 'director-general', 'attorney-general', 'governor-general', 'solicitor-general', 'inspector-general', 'surgeon-general',
    'commander-in-chief', 'editor-in-chief', 'vice-chairman', 'vice-chancellor', 'vice-governor', 'deputy-director'].map(hashString),
);
/** Words of forms of address before a title: never an organization or place. */
const ADDRESS_WORDS = intSet(['honourable', 'honorable', 'hon', 'hon.', 'honour', 'honor', 'rt', 'rt.', 'right', 'his', 'her', 'excellency', 'worshipful', 'the', 'dear'].map(hashString));
/** Titles held in a place, not in an organization: the words before them name the place ("Colorado Governor"). */
const PLACE_TITLES = intSet(['mayor', 'governor', 'senator', 'congressman', 'congresswoman', 'premier', 'lawmaker', 'sheriff', 'councilman', 'councilwoman', 'councillor', 'councilor'].map(hashString));
const OF = hashString('of');
const CITY = hashString('city');
/** A hyphenated compound ending in a lower-case word: an adjective ("Russia-hosted", "U.S.-led"), not a name. */
const COMPOUND_ADJECTIVE_RE = /-\p{Ll}+$/u;
const FOR = hashString('for');
const ON = hashString('on');

/**
 * A title inside a model run [first, last]: (start << 16) | end of the title phrase, its modifiers and portfolio
 * included ("Executive Director", "Secretary of State"), or -1. Not when the run is an organization's own name
 * ending in a head noun or continuing with "of" ("Office of the President", "Director of Public Prosecutions").
 * @example titleInRun(info, gaz, 0, 3) // 1 << 16 | 1 for "Twitter CEO Jack Dorsey"
 */
export function titleInRun(info: TokenInfo, gaz: Gazetteer, first: number, last: number): number {
  if (last - first > 0xff || last >= 0xffff) return -1;
  if (wordClassAt(gaz, info, last) & WordClass.ORG_HEAD) return -1;
  for (let j = first; j <= last; j++) {
    if (!SPLIT_TITLES.get(info.lw[j]!) || !(info.cls[j]! & 1)) continue;
    let ts = j;
    while (ts > first && wordClassAt(gaz, info, ts - 1) & (WordClass.MODIFIER | WordClass.PORTFOLIO | WordClass.TITLE) && !(wordClassAt(gaz, info, ts - 1) & WordClass.ORG_HEAD)) ts--;
    let te = j;
    // The title's own words up to its last title word ("Chief Medical Officer", "Chief Executive Officer").
    for (let k = te + 1; k <= last && k <= te + 2; k++) {
      if (!(info.cls[k]! & 1)) break;
      if (!!SPLIT_TITLES.get(info.lw[k]!) || wordClassAt(gaz, info, k) & WordClass.TITLE) te = k;
    }
    if (te + 2 <= last && info.lw[te + 1] === OF) {
      if (!(wordClassAt(gaz, info, te + 2) & WordClass.PORTFOLIO) || te + 2 === last) return -1;
      te += 2;
    } else if (te + 1 < info.n && info.sent[te + 1] === info.sent[te] && (info.lw[te + 1] === OF || info.lw[te + 1] === FOR) && !SEAT_TITLES.get(info.lw[te]!)) return -1; // "High Commissioner for Refugees"

    return (ts << 16) | te;
  }
  return -1;
}

/** True when token j is a capitalized title word ("Officer"), or with `modifier` also a title modifier ("Chief", "Acting"). */
function isTitleWord(gaz: Gazetteer, info: TokenInfo, j: number, modifier: boolean): boolean {
  if (!(info.cls[j]! & 1)) return false;
  const c = gaz.words.get(info.lw[j]!) ?? 0;
  return !!SPLIT_TITLES.get(info.lw[j]!) || (c & WordClass.TITLE) !== 0 || (modifier && (c & WordClass.MODIFIER) !== 0);
}

/** Word-class bits of token j (0 for none). */
function wordClassAt(gaz: Gazetteer, info: TokenInfo, j: number): number {
  return gaz.words.get(info.lw[j]!) ?? 0;
}

/** True for an institution's name: an of/for/on phrase inside, or a lexicon head noun at the end ("Council of Europe", "National Institute"). */
function institutionName(gaz: Gazetteer, info: TokenInfo, a: number, b: number): boolean {
  if (wordClassAt(gaz, info, b) & WordClass.ORG_HEAD) return true;
  for (let j = a + 1; j < b; j++) if (info.lw[j] === OF || info.lw[j] === FOR || info.lw[j] === ON) return true;
  return false;
}

/** Type of the words before a title in a run: a listed place, a place for PLACE_TITLES, else an organization; null for a demonym ("Russian President"). */
function titlePrefixType(info: TokenInfo, gaz: Gazetteer, a: number, b: number, runType: number, titleEnd: number): EntityType | null {
  const e = info.gazEntry[a]!;
  if (e >= 0 && info.gazEntry[b] === e && (b + 1 > titleEnd || info.gazEntry[b + 1] !== e)) {
    const kind = gaz.entries[e]!.kind;
    if (kind === GazKind.DEMONYM || gaz.entries[e]!.demonym) return null;
    if (kind === GazKind.COUNTRY || kind === GazKind.CITY) return 'location';
  }
  if (a === b && (!(info.cls[a]! & 1) || isGenericHead(gaz, info.lw[a]!))) return null;
  // Forms of address ("His Honour Judge", "the Honourable Premier") name no one.
  let address = true;
  for (let j = a; j <= b && address; j++) if (!ADDRESS_WORDS.get(info.lw[j]!) && !((gaz.words.get(info.lw[j]!) ?? 0) & WordClass.RANK)) address = false;
  if (address) return null;
  if ((gaz.words.get(info.lw[b]!) ?? 0) & WordClass.ORG_HEAD) return 'organization';
  // "Federal Reserve Governor": a modifier ("federal", "national") makes the prefix an institution's name.
  for (let j = a; j <= b; j++) if ((gaz.words.get(info.lw[j]!) ?? 0) & WordClass.MODIFIER) return 'organization';
  for (let j = b + 1; j <= titleEnd; j++) if (!!PLACE_TITLES.get(info.lw[j]!)) return 'location';
  return runType === 3 ? 'location' : 'organization';
}

/** Hash of the lower-case words of tokens [a, b]. */
function runKey(lw: Uint32Array, a: number, b: number): number {
  let h = 0x2545f491;
  for (let j = a; j <= b; j++) h = pair(h, lw[j]!);
  return h;
}

/**
 * Recognize entity spans (sorted, non-overlapping).
 * @example recognizeSpans(doc.text, doc.tokens, doc.sentences.length, loadGazetteer(), shippedWeights())
 */
export function recognizeSpans(text: string, tokens: TokenTable, nSentences: number, gaz: Gazetteer, weights: Weights | null, rules = true): { spans: EntitySpan[]; info: TokenInfo; headline: Uint8Array } {
  const info = tokenInfo(text, tokens, gaz);
  const n = tokens.length;
  // Per-token scratch reused across docs (never returned): cleared over [0, n) as new arrays would be.
  if (OWNER_SCRATCH.length < n) {
    OWNER_SCRATCH = new Int32Array(n + (n >> 1));
    MISC_SCRATCH = new Uint8Array(n + (n >> 1));
    MARGIN_SCRATCH = new Float32Array(n + (n >> 1));
  }
  const owner = OWNER_SCRATCH.fill(-1, 0, n);
  const spans: (EntitySpan | null)[] = [];
  const { caps, headline } = sentenceCase(tokens, info, nSentences);
  const misc = MISC_SCRATCH.fill(0, 0, n);
  const place = (sp: EntitySpan, force: boolean): void => {
    for (let j = sp.first; j <= sp.last; j++) {
      const o = owner[j]!;
      if (o < 0) continue;
      if (!force) return;
      const other = spans[o]!;
      if (!other) continue;
      spans[o] = null;
      for (let k = other.first; k <= other.last; k++) if (owner[k] === o) owner[k] = -1;
    }
    spans.push(sp);
    for (let j = sp.first; j <= sp.last; j++) owner[j] = spans.length - 1;
  };
  // 1. Armed groups from the lexicon win outright.
  for (let i = 0; i < n; i++) {
    const e = info.gazEntry[i]!;
    if (e < 0 || (i > 0 && info.gazEntry[i - 1] === e && info.gaz[i]! & 1)) continue;
    let last = i;
    while (last + 1 < n && info.gazEntry[last + 1] === e && info.gaz[last + 1]! & 1) last++;
    const entry = gaz.entries[e]!;
    if (entry.kind !== GazKind.GROUP) continue;
    // Two-letter acronyms ("IS") in a headline set in capitals are words, not names.
    if (caps[tokens.sentence[i]!] && last === i && tokens.end[i]! - tokens.start[i]! <= 2) continue;
    place({ first: i, last, type: 'group', entry: e, source: 'gazetteer' }, true);
  }
  // 2. The model, with evidence rules for headline-cased sentences and sentence-initial words.
  // Headlines set in capitals are left to the model and the acronym rules (it learned them from CoNLL): see sentenceCase.
  if (weights && isEnglish(info, gaz)) {
    const margin = MARGIN_SCRATCH.fill(0, 0, n);
    const tags = tagTokens(info, weightScorer(weights), undefined, margin);
    const runs: number[] = []; // first, last, type triples
    for (let i = 0; i < n; i++) {
      const t = tags[i]!;
      if (t === 0) {
        // A capitalized well-known company or platform the model left out ("on Facebook, Twitter or Instagram") is one.
        if (info.cls[i]! & 1 && gaz.companies.get(info.lw[i]!) && (i === 0 || tags[i - 1] === 0) && (i + 1 >= n || tags[i + 1] === 0)) runs.push(i, i, 2);
        continue;
      }
      let j = i;
      while (j + 1 < n && tags[j + 1]! !== 0 && tags[j + 1]! % 2 === 0 && tagType(tags[j + 1]!) === tagType(t)) j++;
      runs.push(i, j, tagType(t));
      // A country inside a longer MISC name ("U.S. Open", "Russian Revolution") is part of that name.
      // (Not after a compound adjective opening the run: in "Russia-hosted Afghanistan talks" the country is a place.)
      if (tagType(t) === 4 && j > i && !COMPOUND_ADJECTIVE_RE.test(text.slice(tokens.start[i]!, tokens.end[i]!))) misc.fill(1, i, j + 1);
      i = j;
    }
    majorityTypes(runs, info.lw, margin);
    companyNames(runs, info.lw);
    // Abbreviations spelled out in lower case somewhere in the doc are terms wherever they appear.
    const termAcronyms = new IntTable(8);
    for (let r = 0; r < runs.length; r += 3) if (runs[r] === runs[r + 1] && lowerCaseExpansion(text, tokens, runs[r]!)) termAcronyms.set(info.lw[runs[r]!]!, 1);
    // Evidence from body text: words capitalized mid-sentence, and what the model called each name there.
    // Both built only when a run needs them (most docs have no title-case headline).
    let midCap: IntTable | null = null;
    const midCapOf = (w: number): number => {
      if (!midCap) {
        midCap = SCRATCH_MIDCAP;
        midCap.reset(n >> 1);
        for (let i = 0; i < n; i++) if ((info.cls[i]! & 37) === 33 && !headline[tokens.sentence[i]!] && !afterLabel(text, tokens, i)) midCap.set(info.lw[i]!, 1);
      }
      return midCap.get(w);
    };
    // Words written in title case ("Payment", not "PAYMENT") and words inside multi-word capitalized runs, built on first need.
    let titleCase: IntTable | null = null;
    const titleCaseOf = (w: number): number => {
      if (!titleCase) {
        titleCase = SCRATCH_TITLECASE;
        titleCase.reset(n >> 1);
        for (let i = 0; i < n; i++) if ((info.cls[i]! & 35) === 33) titleCase.set(info.lw[i]!, 1);
      }
      return titleCase.get(w);
    };
    let inName: IntTable | null = null;
    const inLongerName = (w: number): number => {
      if (!inName) {
        inName = SCRATCH_INNAME;
        inName.reset(n >> 1);
        for (let i = 0; i < n; i++) {
          if (!(info.cls[i]! & 1) || info.cls[i]! & 2) continue;
          const s = info.sent[i]!;
          if ((i > 0 && info.sent[i - 1] === s && (info.cls[i - 1]! & 33) === 33 && !(info.cls[i - 1]! & 4)) || (i + 1 < n && info.sent[i + 1] === s && (info.cls[i + 1]! & 33) === 33)) inName.set(info.lw[i]!, 1);
        }
      }
      return inName.get(w);
    };
    // Names the doc gives: the model's runs and lexicon matches, by their words (for "Putting | Ireland").
    let named: IntTable | null = null;
    const runCount = (a: number, b: number): number => {
      if (!named) {
        named = new IntTable(runs.length + 8);
        for (let r = 0; r < runs.length; r += 3) {
          const k = runKey(info.lw, runs[r]!, runs[r + 1]!);
          named.set(k, named.get(k) + 1);
        }
      }
      return named.get(runKey(info.lw, a, b));
    };
    const namedElsewhere = (a: number, b: number): boolean => {
      const e = info.gazEntry[a]!;
      if (e >= 0 && info.gazEntry[b] === e && (a === 0 || info.gazEntry[a - 1] !== e) && (b + 1 >= n || info.gazEntry[b + 1] !== e)) return true;
      return runCount(a, b) !== 0;
    };
    const bodyType = new Map<number, number>();
    let inHeadline = false;
    for (let r = 0; r < runs.length && !inHeadline; r += 3) if (headline[tokens.sentence[runs[r]!]!]) inHeadline = true;
    for (let r = 0; r < runs.length && inHeadline; r += 3) {
      if (headline[tokens.sentence[runs[r]!]!]) continue;
      // The whole name first, then its parts ("Alan Shearer" -> "Shearer"), for headlines that shorten it.
      const f = runs[r]!;
      const l = runs[r + 1]!;
      for (let len = l - f; len >= 0; len--) {
        for (let a = f; a + len <= l; a++) {
          const k = runKey(info.lw, a, a + len);
          if (!bodyType.has(k)) bodyType.set(k, runs[r + 2]!);
        }
      }
    }
    for (let r = 0; r < runs.length; r += 3) {
      let first = runs[r]!;
      let last = runs[r + 1]!;
      let ty = runs[r + 2]!;
      // A name does not open with punctuation ("Syria | & Iraq").
      while (first < last && tokens.kind[first] === TokenKind.PUNCT) first++;
      if (tokens.kind[first] === TokenKind.PUNCT) continue;
      if (headline[tokens.sentence[first]!]) {
        // Title case says nothing: keep the longest part the body text names ("Central Asia", "Putin").
        let best = -1;
        let bestLast = -1;
        for (let a = first; a <= last; a++) {
          for (let b = last; b >= a && b - a > bestLast - best; b--) {
            const known = bodyType.get(runKey(info.lw, a, b));
            if (known !== undefined) {
              best = a;
              bestLast = b;
              ty = known;
            }
          }
        }
        if (best < 0) continue;
        first = best;
        last = bestLast;
      } else if (first === last && info.gazEntry[first]! < 0 && (opensSentence(tokens, first) || afterLabel(text, tokens, first)) && !midCapOf(info.lw[first]!)) {
        // "Numerous", "Modernized": a lone capitalized first word needs the model to be sure, and no lower-case use;
        // a verb form ("-ized", "-ised") is never a name on its own.
        if (info.cls[first]! & 64 || margin[first]! < MIN_INITIAL_MARGIN || VERB_FORM_RE.test(text.slice(tokens.start[first]!, tokens.end[first]!))) continue;
        // A common English word ("Cinemas", "Estimates") opening a sentence is that word, unless the doc names it elsewhere.
        if (isCommonWord(text, tokens, info, gaz, first) && !inLongerName(info.lw[first]!)) continue;
      }
      // A heading or menu line set in capitals ("PAYMENT", "SEE ALSO", "OBSERVER ONLINE"): common words the doc never writes in title case.
      // (Not before a date or number: "UNITED NATIONS 1996-08-29" is a dateline.)
      if (capsCommonRun(text, tokens, info, gaz, first, last) && !titleCaseOfRun(titleCaseOf, info, first, last) && !(last + 1 < n && info.sent[last + 1] === info.sent[last] && info.cls[last + 1]! & 8)) continue;
      // "Central Asian", "Australian": a run ending in a demonym is an adjective (MISC), never a person, organization or place.
      // ("Viorel Moldovan", "London Irish" are names: only a lone demonym or one after directions is dropped.)
      // (Where the name ends: "Central Asian countries" read as one run ends at "Asian".)
      const nameLast = nameEnd(info, tokens, first, last);
      if (isDemonymAt(info, gaz, nameLast) && allDirections(info, first, nameLast - 1)) continue;
      // A lone well-known company or platform ("on Twitter", "Amazon said") is an organization, whatever the tagger typed.
      if (first === last && ty !== 4 && gaz.companies.get(info.lw[first]!)) ty = 2;
      // A month before a number is a date ("Jan 18, 2019", "May 4").
      if (first === last && !!MONTHS.get(info.lw[first]!) && first + 1 < n && info.sent[first + 1] === info.sent[first] && info.cls[first + 1]! & 8) continue;
      // A caption or byline word, or a common word opening the sentence, before a name the doc gives elsewhere
      // ("Picture Colin Keegan", "Putting Ireland", "Popular Cobh") is not part of it.
      if (last > first && (!!CAPTION_WORDS.get(info.lw[first]!) || (opensSentence(tokens, first) && isLeadWord(text, tokens, info, gaz, first))) && namedElsewhere(first + 1, last)) first++;
      // Weekdays and the months that are no one's name ("Thursday", "October") are dates.
      if (first === last && !!WEEKDAYS_MONTHS.get(info.lw[first]!)) continue;
      // A "person" made only of common words ("Big Tech", "Email Newsletter", "Be Good") is a phrase in title case.
      // (A one-word one mentioned again is likely a surname: "Cork", "Such".)
      if (ty === 1 && allCommon(text, tokens, info, gaz, first, last) && (last > first || runCount(first, last) < 2)) continue;
      // So is a "organization" of common words that stands alone as a line or sentence ("Email Newsletter", a menu
      // item), unless a word of it is an organization's head ("Foreign Ministry") or the doc names it again.
      if (ty === 2 && wholeSentence(tokens, first, last) && allCommon(text, tokens, info, gaz, first, last) && !hasOrgHead(gaz, info, first, last) && runCount(first, last) < 2) continue;
      // A portfolio before a title ("Transport | Secretary Grant Shapps") is the title's.
      if (first === last && first + 1 < n && wordClassAt(gaz, info, first) & WordClass.PORTFOLIO && isTitleWord(gaz, info, first + 1, false)) continue;
      // A lone word inside a title ("Chief | Medical | Officer") is part of the title.
      if (first === last && first > 0 && first + 1 < n && isTitleWord(gaz, info, first - 1, true) && isTitleWord(gaz, info, first + 1, false)) continue;
      // A lone generic head ("Council", "Office", "Trust") is a common noun unless the doc uses it inside a longer name.
      if (first === last && isGenericHead(gaz, info.lw[first]!) && !inLongerName(info.lw[first]!)) continue;
      if (opensSentence(tokens, first) && !!SENTENCE_OPENERS.get(info.lw[first]!)) {
        if (first === last) continue;
        first++;
      }
      if (first === last && (termAcronyms.get(info.lw[first]!) || !!LEADING_STOP.get(info.lw[first]!) || !!DIRECTIONS.get(info.lw[first]!))) continue;
      const end = nameEnd(info, tokens, first, last);
      // A one-word rest of a run that ends in a common noun ("Islamic caliphate") is an adjective, not a name.
      if (end === first && end < last && tokens.kind[last] === TokenKind.WORD && !(info.cls[last]! & 16)) continue;
      last = end;
      // Nor in a weekday ("Clarendon Tuesday", "Jose Miguel Insulza Monday").
      if (ty === 1) while (last > first && !!WEEKDAYS.get(info.lw[last]!)) last--;
      // A run does not end in a connecting word, or a number after one ("Lake Chabot Road for 40", "The Art of").
      while (last > first && (isLowerInner(info, last) || (last - 1 > first && tokens.kind[last] !== TokenKind.WORD && isLowerInner(info, last - 1)))) last -= isLowerInner(info, last) ? 1 : 2;
      // A head noun right after the run completes it ("Hart | Island", "Al-Wafa | Hospital", "Harris County | Sheriff's Office" not: an apostrophe ends it).
      // (Only at the end of the capitalized words: "U.S. | District Court" is another name.)
      // "New York | City Mayor ...": "City" after a place completes it, also before a title.
      const nextCaps = last + 2 < n && info.sent[last + 2] === info.sent[last] && info.cls[last + 2]! & 1;
      if ((ty === 2 || ty === 3) && last === end && last + 1 < n && info.sent[last + 1] === info.sent[last] && (info.cls[last + 1]! & 35) === 33 && (!nextCaps || (ty === 3 && info.lw[last + 1] === CITY && isTitleWord(gaz, info, last + 2, false)))) {
        const w = info.lw[last + 1]!;
        if (!!PLACE_HEADS.get(w) || !!FACILITY_HEADS.get(w) || (ty === 3 && w === CITY)) {
          last++;
          ty = 3;
        } else if (wordClassAt(gaz, info, last + 1) & WordClass.ORG_HEAD && ty === 2) {
          last++;
          ty = 2;
        }
      }
      // "Bashar al-Assad", "Ayman al-Zawahiri": an Arabic article or kinship particle joined to a
      // capitalized surname continues a person's name (the tagger rarely saw the lower-case start).
      if (ty === 1) while (last + 1 < n && tokens.sentence[last + 1] === tokens.sentence[first] && isParticleSurname(text, tokens.start[last + 1]!, tokens.end[last + 1]!)) last++;
      // After a headline part or a cut, the run may end in a company designator now.
      if (ty === 1 && last > first && CORP_SUFFIX.get(info.lw[last]!)) ty = 2;
      // A "person" that is exactly a country's name ("from Syria & Iraq") is the country.
      if (ty === 1 && isCountryName(info, gaz, first, last)) ty = 3;
      // A "person" ending in an organization's or a place's head noun is that kind of name.
      // An organization's head noun ends a name that is no person's; alone and capitalized it is the institution ("The Kremlin said").
      if (ty === 1 && (gaz.words.get(info.lw[last]!) ?? 0) & WordClass.ORG_HEAD && (last > first || info.cls[last]! & 1)) ty = 2;
      else if (last > first && ((ty === 1 && (!!PLACE_HEADS.get(info.lw[last]!) || !!FACILITY_HEADS.get(info.lw[last]!) || !!PLACE_FIRST.get(info.lw[first]!))) || (ty === 2 && !!ADMIN_HEADS.get(info.lw[last]!) && !(info.row[first]! & 3)))) ty = 3;
      if (last - first <= 2 && NOT_A_NAME_RE.test(text.slice(tokens.start[first]!, tokens.end[last]!))) continue;
      // "The Council of Europe": an article opening an institution's name is not part of it (a one-word
      // title keeps it: "The Times", "The Hague").
      if (last - first >= 2 && !!ARTICLES.get(info.lw[first]!) && institutionName(gaz, info, first + 1, last)) first++;
      // "Twitter CEO Jack Dorsey", "Colorado Governor Richard Lamm": a title inside a run splits it into the
      // title's organization or place and the person named after it; a run ending in a title names no one.
      const tt = titleInRun(info, gaz, first, last);
      if (tt >= 0) {
        const ts = tt >>> 16;
        const te = tt & 0xffff;
        if (ts > first) {
          const pty = titlePrefixType(info, gaz, first, ts - 1, ty, te);
          if (pty) place({ first, last: ts - 1, type: pty, entry: -1, source: 'model' }, false);
        }
        // The person's name ends before "of" ("President Tono Eitel of Germany").
        let pe = te + 1;
        while (pe < last && info.lw[pe + 1] !== OF) pe++;
        if (te < last) place({ first: te + 1, last: pe, type: 'person', entry: -1, source: 'model' }, false);
        continue;
      }
      if (ty !== 3 && isDatelineRun(text, tokens.start[first]!, tokens.end[last]!, caps[tokens.sentence[first]!] === 1)) ty = 3;
      const type = MODEL_TYPES[ty];
      if (type) place({ first, last, type, entry: -1, source: 'model' }, false);
    }
  }
  // Ranks, honorifics ("Maj. Gen.", "Mr.") and a title's portfolio are not part of a name but say that a person follows.
  for (const sp of spans) {
    if (!sp || sp.source !== 'model') continue;
    let f = sp.first;
    // The portfolio of a title the run follows ("Secretary of | State John Smith"): the title's, not the name's.
    if (f < sp.last - 1 && f >= 2 && (gaz.words.get(info.lw[f]!) ?? 0) & WordClass.PORTFOLIO && text.slice(tokens.start[f - 1]!, tokens.end[f - 1]!) === 'of' && (gaz.words.get(info.lw[f - 2]!) ?? 0) & WordClass.TITLE) f++;
    // Spelled-out ranks ("Colonel", "Lieutenant Colonel") too, in front of more of a person's name.
    while (f <= sp.last && (gaz.words.get(info.lw[f]!) ?? 0) & WordClass.RANK && (text.charCodeAt(tokens.end[f]! - 1) === 46 || (sp.type === 'person' && f < sp.last))) f++;
    if (f === sp.first) continue;
    for (let j = sp.first; j < f; j++) owner[j] = -1;
    if (f > sp.last) {
      spans[spans.indexOf(sp)] = null;
      continue;
    }
    sp.first = f;
    sp.type = 'person';
  }
  // 3. Countries and capitals not claimed by the model; a model span that is exactly a country is a location.
  for (let i = 0; i < n; i++) {
    const e = info.gazEntry[i]!;
    if (e < 0 || info.gaz[i]! & 1) continue;
    let last = i;
    while (last + 1 < n && info.gazEntry[last + 1] === e && info.gaz[last + 1]! & 1) last++;
    const entry = gaz.entries[e]!;
    if ((entry.kind !== GazKind.COUNTRY && entry.kind !== GazKind.CITY) || entry.demonym) continue;
    const o = owner[i]!;
    const sp = o >= 0 ? spans[o] : null;
    if (sp && sp.first === i && sp.last === last) {
      sp.entry = e;
      if (sp.type !== 'person') sp.type = 'location';
    } else if (!sp && rules && owner[last]! < 0 && !misc[i]) place({ first: i, last, type: 'location', entry: e, source: 'gazetteer' }, false);
  }
  if (!rules) return { spans: spans.filter((s): s is EntitySpan => s !== null).sort((a, b) => a.first - b.first), info, headline };
  // 4. Organization heads: a capitalized run ending in "Ministry", "Service", ... (with a leading demonym),
  //    or "Council of the X" style heads followed by a capitalized of-phrase.
  // cls bits 1 (capitalized) and 32 (a word): the same test as the token's kind and flags.
  const cls = info.cls;
  const isCap = (j: number): boolean => j >= 0 && j < n && (cls[j]! & 33) === 33;
  const wordClass = (j: number): number => gaz.words.get(info.lw[j]!) ?? 0;
  // info.gaz holds 16 + the word-class bits (ORG_HEAD is bit 1) when no lexicon name matched and 0 when the word has
  // none: only tokens inside a lexicon name need a probe of the word table.
  const isOrgHead = (j: number): boolean => {
    const g = info.gaz[j]!;
    return g >= 16 ? (g & WordClass.ORG_HEAD) !== 0 : g !== 0 && (wordClass(j) & WordClass.ORG_HEAD) !== 0;
  };
  const isRegionAt = (j: number): boolean => {
    const e = j < n ? info.gazEntry[j]! : -1;
    return e >= 0 && gaz.entries[e]!.kind === GazKind.CITY && gaz.entries[e]!.country === null && info.gazEntry[j - 1] !== e;
  };
  for (let i = 0; i < n; i++) {
    if (!isCap(i) || !(isOrgHead(i) || !!RULE_HEADS.get(info.lw[i]!)) || caps[tokens.sentence[i]!] || headline[tokens.sentence[i]!]) continue;
    // A head set in capitals is a heading or menu line ("BREAKING NEWS"), not a name.
    if (tokens.flags[i]! & TokenFlag.ALL_CAPS) continue;
    let first = i;
    while (first - 1 >= 0 && isCap(first - 1) && tokens.sentence[first - 1] === tokens.sentence[i] && !(tokens.flags[first]! & TokenFlag.SENTENCE_START)) {
      const cls = wordClass(first - 1);
      if (cls & (WordClass.TITLE | WordClass.RANK) && !(cls & (WordClass.PORTFOLIO | WordClass.ORG_HEAD))) break;
      if (!!LEADING_STOP.get(info.lw[first - 1]!)) break;
      first--;
    }
    let last = i;
    // "Council of Europe", "Ministry of Foreign Affairs", "Commonwealth of Independent States".
    const of = tokens.text(text, i + 1).toLowerCase();
    // "Intergovernmental Panel on Climate Change", "Institute on Aging"; "... Co-operation in Europe" (a continent or region only).
    if (of === 'of' || of === 'for' || of === 'on') {
      let j = i + 2;
      if (tokens.text(text, j).toLowerCase() === 'the') j++;
      let k = j;
      while (isCap(k) && tokens.sentence[k] === tokens.sentence[i]) {
        k++;
        const w = tokens.text(text, k).toLowerCase();
        if ((w === 'and' || w === 'of') && isCap(k + 1)) k++;
        else if (w === 'in' && isRegionAt(k + 1) && !isCap(k + 2)) k++;
      }
      // "Security Council on Friday": a date after "on" ends the name.
      if (of === 'on' && !!DATE_WORDS.get(info.lw[j]!)) k = j;
      if (k > j) last = k - 1;
    }
    if (last === i && first === i) continue; // a lone "Service" or "Council" is not a name
    const gi = info.gazEntry[first]!;
    if (gi >= 0 && (gaz.entries[gi]!.kind === GazKind.GROUP || (info.gazEntry[last] === gi && (last + 1 >= n || info.gazEntry[last + 1] !== gi)))) continue;
    const sp: EntitySpan = { first, last, type: 'organization', entry: -1, source: 'rule' };
    // Take over model spans it covers; leave alone a person or a longer span it overlaps partly.
    let ok = true;
    for (let j = first; j <= last && ok; j++) {
      const o = owner[j]!;
      if (o < 0) continue;
      const other = spans[o]!;
      if (other.type === 'group' || other.first < first || other.last > last) ok = false;
    }
    if (ok) place(sp, true);
    i = last;
  }
  // 5. A person's name holds no number: "Bill 10" of "Senate Bill 10" is a bill, "Louis 16" a misreading.
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (!sp || sp.type !== 'person') continue;
    for (let j = sp.first; j <= sp.last; j++) if (tokens.kind[j] === TokenKind.NUMBER) { spans[k] = null; break; }
  }
  return { spans: spans.filter((s): s is EntitySpan => s !== null).sort((a, b) => a.first - b.first), info, headline };
}
