import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantulum3Values } from './quantulum3.js';

/** [sentence, values quantulum3 reports] — its conventions: range midpoints, dozen as a unit, "a <unit>" is 1, stand-alone model numbers. */
const ROWS: [string, number[]][] = [
  ['I want a gallon of beer, and 3 to 4 L of wine', [1, 3.5]],
  ['temperatures ranged from -18 °C to -34 °C', [-26]],
  ['I bought a dozen eggs recently', [1]],
  ['Oh look, a penny!', [1]],
  ['the passage of Voyager 2 in 1979', [2, 1979]],
  ['Intel LGA1156 CPU', []],
  ['a second time', []],
];

test('quantulum3 values follow its conventions', () => {
  for (const [input, expected] of ROWS) assert.deepEqual(quantulum3Values(input), expected, input);
});
