// A ruleset whose every name and text is an attack on some target's quoting: SQL, JS string and
// template literals, comments, inline <script>, Markdown tables, object prototypes.
import { compile, type IrProgram, type UnitValues } from '../../src/index.js';
import type { Unit } from './engines.js';

export const HOSTILE = [
  '"; DROP TABLE x; --',
  "'); DROP TABLE x; --",
  'back\\slash\\',
  '${globalThis.pwned = 1}',
  '*/ globalThis.pwned = 2; /*',
  '</script><script>globalThis.pwned = 3</script>',
  'line\u2028sep\u2029para',
  '__proto__',
  'constructor',
  '`${tick}`',
  '<!-- x',
  'new\nline\r',
  '--',
  '\\u0022',
  "E'\\'",
  'a|b',
];

const BASE = `ruleset base {
  title "t" district "t" kind t
  input a1: money(万元)
  input a2: money(万元)
  input a3: percent
  input a4: enum(m1, m2, m3)
  input a5: bool
  input a6: score
  input a7: count
  let q1 = a2 / a1
  indicator n1 weight 60 {
    indicator n2 weight 30 {
      score bands q1 { >= 90%: full; >= 50%: 50%; else: 0 }
      note "t"
      na when a7 == 9
    }
    indicator n3 weight 30 { score a4 == m1 ? full : a4 == m2 ? full / 2 : 0 }
  }
  indicator n4 weight 40 {
    indicator n5 weight 20 { score manual a6 }
    indicator n6 weight 20 { score deduct 2 per a7 max 10 }
  }
  grades { g1 >= 90; g2 >= 60; g3 otherwise }
  outcomes { g2: "t" adjust -10%; g3: "t" adjust -100% }
  alert l1 "t" when a3 < 50%
  alert l2 "t" when a5
}`;

const PLACEHOLDERS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'q1', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'g1', 'g2', 'g3', 'l1', 'l2', 'm1', 'm2', 'm3'];
const TEXT_KEYS = new Set(['note', 'naText', 'subjectText', 'text', 'countText', 'divisor', 'message']);
/** Every placeholder gets a hostile name, distinct among its kind. */
export const NAMES = new Map(PLACEHOLDERS.map((p, k) => [p, `${HOSTILE[k % HOSTILE.length]}${k >= HOSTILE.length ? k : ''}`]));
export const TEXT = HOSTILE.join(' ');

/** The base ruleset with every name replaced by a hostile one and every text by all of them. */
export function hostileProgram(): IrProgram {
  const r = compile(BASE);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message.en).join('; '));
  const rename = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      if (key === 'path') return v.split('/').map((part) => NAMES.get(part) ?? part).join('/');
      if (NAMES.has(v)) return NAMES.get(v);
      return TEXT_KEYS.has(key) ? TEXT : v;
    }
    if (Array.isArray(v)) return v.map((x) => rename(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x, k)]));
    return v;
  };
  const p = rename({ ...r.program!, tests: [] }, '') as IrProgram;
  return { ...p, name: TEXT, title: TEXT, district: TEXT, kind: TEXT };
}

export const n = (p: string): string => NAMES.get(p)!;

/** Units keyed by the hostile input names (own properties, even `__proto__`). */
export function hostileUnits(): Unit[] {
  const rows: [number, number, number, string, boolean, number, number][] = [
    [100, 95, 0.4, 'm1', true, 15, 1],
    [100, 60, 0.9, 'm2', false, 20, 3],
    [0, 60, 0.9, 'm3', false, 5, 0],
    [100, 10, 0.9, 'm1', true, 25, 2],
    [0, 60, 0.9, 'm3', false, 5, 9],
  ];
  return rows.map((v, k) => ({
    id: `u${k}`,
    values: Object.fromEntries([
      [n('a1'), v[0]],
      [n('a2'), v[1]],
      [n('a3'), v[2]],
      [n('a4'), n(v[3])],
      [n('a5'), v[4]],
      [n('a6'), v[5]],
      [n('a7'), v[6]],
    ]) as UnitValues,
  }));
}

