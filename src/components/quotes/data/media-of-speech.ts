/**
 * Nouns of the medium or occasion of a statement, heads of the adjuncts "in a statement", "on Twitter",
 * "at a press conference": where or how something was said, never what was said. As a regex alternation
 * (plural forms optional), shared by the content-lead reader (find-open.ts) and the adjunct-only content
 * filter (index.ts).
 */
export const MEDIUM_NOUN_ALT =
  'statements?|interviews?|releases?|conferences?|briefings?|tweets?|posts?|e-?mails?|letters?|speech|speeches|broadcasts?|podcasts?|blogs?|videos?|messages?|op-ed|remarks|twitter|facebook|instagram|television|radio|tv|' +
  // Channels and pages a statement is posted on: "said on its Telegram channel that ...", "on its website".
  'channels?|accounts?|websites?|web\\s+site|pages?|feeds?|newsletters?|telegram|youtube|tiktok|weibo|vkontakte';
