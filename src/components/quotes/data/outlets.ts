/**
 * Fallback detection of news outlets and agencies named as relays ("told RIA Novosti",
 * "according to Sputnik News", "the Associated Press reported") when no outlet registry is available.
 * Words typical of outlet names, plus short names of wire agencies that carry no such word.
 */
export const OUTLET_WORDS_RE =
  /\b(?:News|Novosti|(?:News|Press|Telegraph) Agency|Press|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Television|TV|Radio|Broadcasting|Daily|Magazine|Wire|Channel|Newspaper|Reuters|Interfax|Xinhua|Sputnik|TASS|AFP|AP|BBC|CNN|NBC|CBS|ABC|MSNBC|RT|Bloomberg|Kyodo|Yonhap|Anadolu|IRNA|Kommersant|Izvestia|Vedomosti|Pravda|Politico|Axios|Breitbart|Huffington|Newsweek|Al Jazeera|Al Arabiya|Dawn|Fars|Tasnim|Tolo|Pajhwok|Ukrinform|UNIAN|Xinhua|Hurriyet|Haaretz)\b/;

/** Words that make a capitalized name an organization rather than a person. */
export const ORG_WORDS_RE =
  /\b(?:Ministry|Agency|Service|Services|Department|Party|Committee|Council|Office|Commission|Bureau|Institute|University|Foundation|Association|Union|Court|Police|Army|Forces|Navy|Government|Administration|Campaign|Center|Centre|Corporation|Corp|Inc|Ltd|Company|Bank|Group|Organization|Organisation|Federation|Parliament|Senate|Congress|Duma|Kremlin|Pentagon|Embassy|Coalition|Movement|Front|Brigade)\b/;
