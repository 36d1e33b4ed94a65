/**
 * Words that take a period without ending a sentence. "Maj. Gen. Igor ..." and "Sept. 30"
 * are common in agency copy; a period after them is part of the token.
 */
export const ABBREVIATIONS = new Set([
  // titles and ranks ("Maj. Gen.", "Col. Dave", "Sen. Smith")
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'maj', 'col', 'lt', 'sgt', 'capt', 'cpt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'brig', 'cpl', 'pvt', 'fr', 'st', 'mt', 'ft', 'jr', 'sr',
  // months ("Sept. 30", "Oct. 6, 2011")
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // companies and misc ("Acme Corp.", "No. 5", "vs.")
  'inc', 'corp', 'ltd', 'co', 'bros', 'vs', 'etc', 'no', 'nos', 'approx', 'est', 'dept', 'univ', 'assn', 'fig', 'vol', 'ca', 'cf', 'al',
]);
