// Whether two IR programs score alike, so that the check worker can keep an evaluator (and its
// compiled, warmed-up scorers) across edits that leave the figures alone: a title, a comment,
// spaces within a line. The IR is plain JSON, so equality is structural.

/** Structural equality of JSON data (objects, arrays, strings, numbers, booleans, null). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], bs[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  for (const k of keys) if (!Object.hasOwn(bo, k) || !sameData(ao[k], bo[k])) return false;
  return true;
}

/** Everything scoring and the tests read is the whole IR but its title. */
export function scoresAlike<P extends { readonly title: string | null }>(a: P, b: P): boolean {
  return sameData({ ...a, title: null }, { ...b, title: null });
}
