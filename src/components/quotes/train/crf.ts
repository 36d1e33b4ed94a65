/**
 * A linear-chain CRF learner over the attribution tagger's features (../tagger.ts): the same hashed
 * emission rows and previous-tag rows as the structured perceptron in train-tagger.ts, trained for the
 * conditional log-likelihood of each sentence's gold tags (forward-backward in log space, AdaGrad steps on
 *  the rows a sentence touches, iterates averaged). train-tagger.ts averages its weights with the perceptron's: the two
 * learners err differently (the CRF is the more precise, the perceptron finds more), and their average
 * is one linear model, so decoding costs the same.
 */
import { NT, ND, NF, ROWS, allowed, dynFeats, type TagInput } from '../tagger.js';

/** One training sentence: tokens [from, to) of a document's input and gold tags. */
export interface CrfUnit {
  inp: TagInput;
  gold: Uint8Array;
  from: number;
  to: number;
}

const NEG = -1e30;

/** log(sum(exp(xs[o .. o + n)))), NEG when all are NEG. */
function logSumExp(xs: Float64Array, o: number, n: number): number {
  let m = NEG;
  for (let i = 0; i < n; i++) if (xs[o + i]! > m) m = xs[o + i]!;
  if (m <= NEG) return NEG;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(xs[o + i]! - m);
  return m + Math.log(s);
}

/**
 * Averaged CRF weights (`ROWS * NT`, float) after `epochs` passes over `units` in the order `shuffle` gives each
 * epoch. `eta` is AdaGrad's step size. Gradients under 1e-4 are skipped (most tokens are sure O).
 * @example trainCrf(units, 1, (u) => u).length // ROWS * NT
 */
export function trainCrf(units: CrfUnit[], epochs: number, shuffle: (u: CrfUnit[]) => void, eta = 0.1, log?: (line: string) => void): Float64Array {
  const mask = ROWS - 1;
  const w = new Float64Array(ROWS * NT);
  const g2 = new Float64Array(ROWS * NT).fill(1e-8);
  // Averaged iterates (as the perceptron's): u sums each step times the number of sentences seen before it.
  const u = new Float64Array(ROWS * NT);
  let c = 1;
  const dyn = new Uint32Array(ND);
  const maxLen = units.reduce((m, u) => Math.max(m, u.to - u.from), 1);
  const emit = new Float64Array(maxLen * NT);
  const trans = new Float64Array(maxLen * NT * NT);
  const alpha = new Float64Array(maxLen * NT);
  const beta = new Float64Array(maxLen * NT);
  const tmp = new Float64Array(NT);
  const step = (r: number, g: number): void => {
    g2[r]! += g * g;
    const d = (eta * g) / Math.sqrt(g2[r]!);
    w[r]! += d;
    u[r]! += c * d;
  };
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(units);
    let ll = 0;
    let tokens = 0;
    for (const { inp, gold, from: a, to: b } of units) {
      const len = b - a;
      const p0 = a > 0 ? gold[a - 1]! : 0;
      // Emission and transition scores; the first token follows the gold tag before the sentence.
      for (let k = 0; k < len; k++) {
        const i = a + k;
        const o = i * NF;
        for (let t = 0; t < NT; t++) {
          let sc = 0;
          for (let f = 0; f < NF; f++) sc += w[(inp.feats[o + f]! & mask) * NT + t]!;
          emit[k * NT + t] = sc;
        }
        for (let p = 0; p < NT; p++) {
          const ro = (k * NT + p) * NT;
          if (k === 0 && p !== p0) { trans.fill(NEG, ro, ro + NT); continue; }
          dynFeats(inp, i, p, dyn);
          for (let t = 0; t < NT; t++) {
            if (!allowed(p, t)) { trans[ro + t] = NEG; continue; }
            let sc = 0;
            for (let f = 0; f < ND; f++) sc += w[(dyn[f]! & mask) * NT + t]!;
            trans[ro + t] = sc;
          }
        }
      }
      for (let t = 0; t < NT; t++) alpha[t] = trans[p0 * NT + t]! + emit[t]!;
      for (let k = 1; k < len; k++) {
        for (let t = 0; t < NT; t++) {
          for (let p = 0; p < NT; p++) tmp[p] = alpha[(k - 1) * NT + p]! + trans[(k * NT + p) * NT + t]!;
          alpha[k * NT + t] = logSumExp(tmp, 0, NT) + emit[k * NT + t]!;
        }
      }
      const logZ = logSumExp(alpha, (len - 1) * NT, NT);
      beta.fill(0, (len - 1) * NT, len * NT);
      for (let k = len - 2; k >= 0; k--) {
        for (let p = 0; p < NT; p++) {
          for (let t = 0; t < NT; t++) tmp[t] = trans[((k + 1) * NT + p) * NT + t]! + emit[(k + 1) * NT + t]! + beta[(k + 1) * NT + t]!;
          beta[k * NT + p] = logSumExp(tmp, 0, NT);
        }
      }
      for (let k = 0; k < len; k++) {
        const g = gold[a + k]!;
        ll += emit[k * NT + g]! + trans[(k * NT + (k ? gold[a + k - 1]! : p0)) * NT + g]!;
      }
      ll -= logZ;
      tokens += len;
      // Gradient of the log-likelihood: gold counts minus expected counts, per emission and per transition.
      for (let k = 0; k < len; k++) {
        const i = a + k;
        const o = i * NF;
        const g = gold[i]!;
        for (let t = 0; t < NT; t++) {
          const grad = (t === g ? 1 : 0) - Math.exp(alpha[k * NT + t]! + beta[k * NT + t]! - logZ);
          if (Math.abs(grad) < 1e-4) continue;
          for (let f = 0; f < NF; f++) step((inp.feats[o + f]! & mask) * NT + t, grad);
        }
        const gp = k ? gold[i - 1]! : p0;
        for (let p = 0; p < NT; p++) {
          if (k === 0 && p !== p0) continue;
          const before = k === 0 ? 0 : alpha[(k - 1) * NT + p]!;
          if (before <= NEG / 2) continue;
          dynFeats(inp, i, p, dyn);
          for (let t = 0; t < NT; t++) {
            const tr = trans[(k * NT + p) * NT + t]!;
            if (tr <= NEG / 2) continue;
            const grad = (p === gp && t === g ? 1 : 0) - Math.exp(before + tr + emit[k * NT + t]! + beta[k * NT + t]! - logZ);
            if (Math.abs(grad) < 1e-4) continue;
            for (let f = 0; f < ND; f++) step((dyn[f]! & mask) * NT + t, grad);
          }
        }
      }
      c++;
    }
    log?.(`crf epoch ${ep + 1}: mean log-likelihood per token ${(ll / tokens).toFixed(4)}`);
  }
  for (let i = 0; i < w.length; i++) w[i] = w[i]! - u[i]! / c;
  return w;
}
