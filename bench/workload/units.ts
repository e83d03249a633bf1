// Generated units (fixed seed): the input values of each unit, as the data reader would give
// them (percent as a share, counts as integers, bools), and the same units as CSV text.
import type { Leaf, Spec } from './spec.js';

export type Unit = Record<string, number | boolean>;

/** mulberry32: a small seeded generator, so every run scores the same units. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = 20240601;

/** One value for a leaf's input; per-mille steps keep figures exact as decimals. */
function value(leaf: Leaf, r: () => number, quality: number): number | boolean {
  switch (leaf.kind) {
    case 'bands':
      return Math.round(700 + 300 * Math.min(1, r() * 0.6 + quality * 0.55)) / 1000;
    case 'ratio':
      return Math.round(600 + 500 * Math.min(1, r() * 0.5 + quality * 0.6)) / 1000;
    case 'deduct':
      return Math.floor(r() * r() * 6 * (1.2 - quality));
    case 'yesno':
      return r() < 0.7 + 0.3 * quality;
  }
}

/** `n` units; each has an overall quality so totals spread over all four grades. */
export function makeUnits(spec: Spec, n: number, seed = SEED): Unit[] {
  const r = rng(seed);
  const units: Unit[] = new Array(n);
  for (let u = 0; u < n; u++) {
    const quality = r();
    // built in one go, as JSON.parse builds objects: V8 keeps one shared hidden class with fast
    // properties (adding 100 properties one keyed store at a time would leave a hash table)
    units[u] = Object.fromEntries(spec.leaves.map((leaf) => [leaf.input, value(leaf, r, quality)]));
  }
  return units;
}

function cell(v: number | boolean): string {
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

export function csvHeader(spec: Spec): string {
  return ['id', ...spec.leaves.map((l) => l.input)].join(',') + '\n';
}

/** Rows `from`..`from+n-1` as CSV lines (ids are row numbers), generated in chunks by the caller. */
export function csvRows(spec: Spec, units: readonly Unit[], from: number): string {
  let s = '';
  units.forEach((u, k) => {
    s += `U${from + k}`;
    for (const leaf of spec.leaves) s += `,${cell(u[leaf.input]!)}`;
    s += '\n';
  });
  return s;
}
