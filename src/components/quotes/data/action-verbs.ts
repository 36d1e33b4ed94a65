/**
 * Verbs of physical, military or material action. A tagged cue made of such a verb (and no speech or
 * cognition word) reports what someone did, not what they said or think ("forces are fighting against
 * ...", "the coalition has been targeting ...", "X delivers weapons to ..."), so the tagger's attribution
 * is dropped. Base forms; inflections match through their stem.
 */
export const ACTION_VERBS: readonly string[] = [
  'fight', 'target', 'attack', 'strike', 'bomb', 'shell', 'kill', 'wound', 'injure', 'shoot', 'fire', 'hit', 'raid', 'storm',
  'invade', 'occupy', 'seize', 'capture', 'besiege', 'destroy', 'burn', 'blow', 'explode', 'detonate', 'crash',
  'deliver', 'supply', 'ship', 'send', 'transfer', 'provide', 'equip', 'arm', 'train', 'deploy', 'station',
  'push', 'pull', 'drive', 'carry', 'move', 'withdraw', 'retreat', 'advance', 'enter', 'cross', 'flee', 'escape',
  'arrive', 'land', 'fly', 'travel', 'start', 'launch', 'begin', 'conduct', 'stage', 'build', 'construct',
  'arrest', 'detain', 'kidnap', 'abduct', 'release', 'free', 'rescue', 'evacuate', 'liberate', 'recapture', 'retake',
  'defeat', 'beat', 'win', 'lose', 'surrender', 'pay', 'buy', 'sell', 'spend', 'fund', 'finance', 'sign',
];
