import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordClusters } from './clusters.js';
import { hashString } from './hash.js';

const fine = (w: string): number => wordClusters(hashString(w)) & 0xffff;
const coarse = (w: string): number => wordClusters(hashString(w)) >>> 16;

test('word clusters: words used alike share a cluster, unrelated ones do not, unknown words have none', () => {
  for (const w of ['london', 'said', 'tuesday', 'microsoft']) {
    assert.ok(fine(w) > 0 && coarse(w) > 0, `${w} has clusters`);
  }
  assert.equal(fine('tuesday'), fine('thursday'));
  assert.equal(coarse('london'), coarse('sydney'));
  assert.notEqual(fine('tuesday'), fine('microsoft'));
  // Looked up lower-cased: the tagger's word hash is the lower-case one.
  assert.equal(wordClusters(hashString('London')), wordClusters(hashString('london')));
  assert.equal(wordClusters(hashString('qzxvbnm')), 0);
});
