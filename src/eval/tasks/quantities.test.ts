import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cqeQuantities, singularPhrase } from './quantities.js';

/** [counted phrase, NewsQuant unit] */
const PHRASES: [string, string][] = [
  ['European countries', 'european country'],
  ['commercial fishermen', 'commercial fisherman'],
  ['viruses', 'virus'],
  ['houses', 'house'],
  ['best wireless speakers', 'good wireless speaker'],
  ['hottest luxury cars', 'hot luxury car'],
  ['largest dinosaurs', 'large dinosaur'],
  ['realest conversations', 'real conversation'],
  ['smaller tenancies', 'small tenancy'],
  ['forest fires', 'forest fire'],
];

test('NewsQuant unit phrases: singular head, base-form adjectives', () => {
  for (const [input, expected] of PHRASES) assert.equal(singularPhrase(input), expected, input);
});

/** [sentence, NewsQuant unit of its first quantity] */
const UNITS: [string, string][] = [
  ['one of the oldest ballparks in America.', 'old ballpark america'],
  ['one of the hottest luxury cars in the world with tuners', 'hot luxury car world'],
  ['three thousand tests per day', 'test per day'],
  ['gave up 517 rushing yards against them', 'yard'],
  ['One fourth of the US population is vaccinated.', '% us population'],
  ['A third of those screened were obese.', '% -'],
  ['one of the most gifted and unpredictable attackers in the Premier League', 'gifted unpredictable attacker premier league'],
];

test('NewsQuant units: scope after "one of", rates, unit heads, fractions', () => {
  for (const [input, expected] of UNITS) assert.equal(cqeQuantities(input)[0]?.normalizedUnit.toLowerCase(), expected, input);
});
