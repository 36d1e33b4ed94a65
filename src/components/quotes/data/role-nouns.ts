/**
 * Nouns that name a speaker by role ("the FSB chief", "the diplomat", "a source"), grouped into
 * synonym classes so a role noun can be matched against an entity's role titles.
 * `people` lists plural or generic sources that are never resolved to one entity.
 */
export const ROLE_CLASSES: Record<string, string[]> = {
  head: ['chief', 'head', 'director', 'leader', 'boss', 'chairman', 'chairwoman', 'chair', 'commander', 'president', 'ceo', 'secretary', 'governor', 'mayor', 'premier', 'chancellor'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman', 'representative', 'speaker', 'press secretary', 'spokespeople'],
  diplomat: ['diplomat', 'envoy', 'ambassador', 'consul', 'foreign minister', 'emissary', 'attaché'],
  minister: ['minister', 'secretary', 'deputy minister', 'deputy'],
  official: ['official', 'officer', 'functionary', 'aide', 'adviser', 'advisor', 'administrator'],
  military: ['general', 'commander', 'colonel', 'officer', 'admiral', 'marshal'],
  lawmaker: ['senator', 'lawmaker', 'congressman', 'congresswoman', 'legislator', 'deputy', 'mp', 'representative'],
  candidate: ['candidate', 'nominee', 'contender'],
  expert: ['expert', 'analyst', 'researcher', 'scholar', 'economist', 'professor', 'pollster', 'strategist'],
};

/** Words that mark the Foreign Ministry world, for "the diplomat". */
export const DIPLOMATIC_ORG_WORDS = ['foreign', 'state department', 'embassy', 'diplomatic', 'consulate'];

/** Every singular role noun, for speaker-phrase detection. */
export const ROLE_NOUNS = new Set<string>([
  ...Object.values(ROLE_CLASSES).flat().filter((w) => !w.includes(' ')),
  'source', 'sources', 'officials', 'experts', 'analysts', 'critics', 'people', 'voters', 'residents', 'witnesses',
  'report', 'reports', 'poll', 'polls', 'survey', 'study', 'statement', 'ministry', 'agency', 'department', 'service',
  'campaign', 'government', 'authorities', 'police', 'military', 'army', 'group', 'organization', 'committee', 'council',
  'spokespersons', 'spokesmen', 'diplomats', 'leaders', 'ministers', 'observers', 'activists', 'supporters', 'democrats',
  'republicans', 'investigators', 'prosecutors', 'lawyer', 'attorney', 'judge', 'court', 'aides', 'advisers', 'staff',
  'newspaper', 'outlet', 'website', 'channel', 'broadcaster', 'news', 'media', 'document', 'documents', 'data', 'figures',
  'man', 'woman', 'member', 'members', 'chiefs', 'heads', 'team', 'office', 'administration', 'white', 'house',
]);

/** Plural or collective sources: resolved to no single entity. */
export const GENERIC_SOURCES = new Set(['source', 'sources', 'officials', 'experts', 'analysts', 'critics', 'people', 'voters', 'residents', 'witnesses', 'reports', 'polls', 'observers', 'activists', 'supporters', 'investigators', 'aides', 'advisers']);

/** Lower-case words allowed inside a speaker phrase before its head ("a senior Russian official"). */
export const MODIFIERS = new Set([
  'senior', 'former', 'top', 'deputy', 'chief', 'high-ranking', 'high-level', 'state-run', 'state', 'local', 'foreign',
  'military', 'security', 'intelligence', 'defense', 'defence', 'press', 'presidential', 'federal', 'national', 'regional',
  'campaign', 'police', 'government', 'party', 'white', 'anonymous', 'unnamed', 'news', 'first', 'vice', 'special', 'acting',
  'top-ranking', 'interior', 'justice', 'health', 'finance', 'economic', 'other', 'another', 'several', 'some', 'many', 'two',
  'three', 'both', 'most', 'one', 'new', 'recent', 'latest', 'independent', 'democratic', 'republican', 'service',
]);

/** Determiners that may open a speaker phrase. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those']);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we']);
