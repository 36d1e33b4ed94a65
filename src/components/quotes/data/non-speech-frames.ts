/**
 * Cue words that read as motion, appearance, finding or knowing, not speech, when the word right
 * after them is one of these: "went to the meeting", "appeared on a podcast", "found in the soil",
 * "adding to the evidence", "knew about it", "learned from them". With a clause or a quote after them
 * the same words are attribution cues ("went on to say", "found that ...", "adding that ...").
 * Chosen from PolNeAR train counts (cue / occurrences with that next word: "went to" 1/42,
 * "appeared on" 1/11, "appeared in" 0/5, "adding to" 0/10, "found in" 1/5, "knew about" 0/7,
 * "learned about" 0/4, "show up" 0/17) and the phrasal verbs of English; a frame with "to" only
 * applies when a noun phrase follows it, so "went to say" stays.
 */
const GO = ['to', 'according', 'into', 'through', 'home', 'down', 'up', 'back', 'there', 'here', 'with', 'for', 'under', 'viral', 'unnoticed', 'missing', 'wrong', 'away', 'around', 'inside', 'abroad', 'ahead'];
const APPEAR = ['on', 'in', 'at', 'with', 'onto', 'alongside', 'inside', 'during', 'next'];
const FIND = ['in', 'at', 'on', 'inside', 'near', 'under', 'among', 'within', 'himself', 'herself', 'itself', 'themselves', 'myself', 'ourselves', 'yourself', 'alone', 'dead', 'ways', 'guilty', 'online'];
const ADD = ['to', 'up', 'in'];
const KNOW = ['about', 'of', 'each', 'him', 'them', 'me', 'us'];
const LEARN = ['about', 'from', 'in', 'to'];
const SHOW = ['up', 'on', 'in', 'off', 'at', 'around'];
/** A legal charge, not an accusation voiced: "charged with arson", "charged over the fire" ("charged that ..." stays). */
const CHARGE = ['with', 'in', 'over', 'after', 'for', 'on'];
/** Phrasal verbs of calling that are actions: "called in to help", "called off the search" ("called on X to", "called for" stay). */
const CALL = ['in', 'off'];
/** Speaking to someone, somewhere or at some time names no content: "spoke to reporters in June" ("spoke about X" stays). */
const SPEAK = ['to', 'with', 'at', 'on', 'in', 'during', 'before', 'after', 'from', 'for', 'by', 'via', 'through'];
/** A reporter's dateline credit or a posting, not a report's content: "X reported from Kyiv", "reported live", "reports for the BBC". */
const REPORT = ['from', 'live', 'for'];

/** Cue word -> next words that show a non-speech use. */
export const NON_SPEECH_FRAMES: Readonly<Record<string, readonly string[]>> = {
  went: GO, go: GO, goes: GO, going: GO, gone: GO,
  appeared: APPEAR, appears: APPEAR, appear: APPEAR, appearing: APPEAR,
  found: FIND, finds: FIND, find: FIND,
  adding: ADD, add: ADD, adds: ADD,
  knew: KNOW, know: KNOW, knows: KNOW, known: KNOW,
  learned: LEARN, learnt: LEARN, learn: LEARN, learns: LEARN, learning: LEARN,
  show: SHOW, shows: SHOW, showed: SHOW, showing: SHOW,
  charged: CHARGE, charges: CHARGE, charge: CHARGE, charging: CHARGE,
  called: CALL, calls: CALL, call: CALL, calling: CALL,
  reported: REPORT, reports: REPORT, report: REPORT, reporting: REPORT,
  spoke: SPEAK, speak: SPEAK, speaks: SPEAK, speaking: SPEAK, spoken: SPEAK, talked: SPEAK, talk: SPEAK, talks: SPEAK, talking: SPEAK,
};
