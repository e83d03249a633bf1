// The limits of one call: how big a ruleset or a data file may be and how deep it may nest.
// Past a limit the caller gets a clear diagnostic or file error, never a stack overflow or a hang.
// docs/data.md lists them; every check here is pure and linear in its input.

/** UTF-8 bytes of one ruleset source: a province's library of 10,000 indicators is about 1.1 MB
 * (the largest shipped ruleset is 20 KB). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** Characters on one source line: bounds the lexer's retries on unclosed quotes, which cost a line each. */
export const MAX_LINE_LENGTH = 1000;

/** Brackets ( { [ open at once: the recursive-descent parser needs stack in proportion. */
export const MAX_NESTING_DEPTH = 50;

/** Nodes on one path of the syntax tree, following `let` references (a sum of 300 terms is 300 deep):
 * the checker and the code generators recurse on it. */
export const MAX_EXPRESSION_DEPTH = 256;

/** Syntax errors reported before parsing stops (as clang does): error recovery may scan the rest of the file per error. */
export const MAX_SYNTAX_ERRORS = 20;

/** Indicators in one ruleset, at all levels together: twice a province's library of 10,000. */
export const MAX_INDICATORS = 20_000;

/** Characters of data text read into memory at once (readData, JSON files): about 64 MB. */
export const MAX_DATA_CHARS = 64 * 1024 * 1024;

/** Units (rows) scored by one in-memory call (readData, evaluateTable); streamed CSV has no such limit. */
export const MAX_UNITS = 100_000;

/** UTF-8 length of `text`, counting no further than `stop` bytes. */
export function utf8Length(text: string, stop = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // a surrogate pair is one 4-byte character
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether `text` is more than `max` bytes of UTF-8. A UTF-16 unit is 1 to 3 bytes (a surrogate
 * pair 4 for 2), so the length alone decides unless it lies between max / 3 and max. */
export function utf8Exceeds(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Length(text, max) > max;
}

const LINE_BREAK = /\r\n?|\n/g;

/** The first line (1-based) longer than `max` characters, with its offset and length; lines end at \n, \r\n or \r. */
export function firstLongLine(text: string, max = MAX_LINE_LENGTH): { line: number; start: number; length: number } | undefined {
  let line = 1;
  let start = 0;
  // the regex finds each line break natively: this runs on every keystroke of the playground
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    if (m.index - start > max) return { line, start, length: m.index - start };
    line++;
    start = m.index + m[0].length;
  }
  return text.length - start > max ? { line, start, length: text.length - start } : undefined;
}

/**
 * The index of the first step that opens a level beyond `max`, or -1. Each step is +1 (an
 * opening bracket), -1 (a closing one) or 0; a stray closer never takes the depth below 0.
 */
export function firstTooDeep(steps: ArrayLike<number>, max = MAX_NESTING_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < steps.length; i++) {
    depth = Math.max(0, depth + steps[i]!);
    if (depth > max) return i;
  }
  return -1;
}

/**
 * A node of a syntax tree nested deeper than `max` nodes (a node is an object with a `span`),
 * or undefined. Walks with an explicit stack, so any depth can be measured. The parser's trees
 * share no objects except spans (never entered), so each object is reached once; `for…in` and
 * two parallel stacks keep the walk free of per-object allocations (it runs over every node of
 * a 10,000-indicator ruleset).
 */
export function nodeTooDeep<N extends object>(root: N, max = MAX_EXPRESSION_DEPTH): N | undefined {
  const values: object[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth);
        }
      }
      continue;
    }
    const d = 'span' in value ? depth + 1 : depth;
    if (d > max) return value as N;
    const fields = value as Record<string, unknown>;
    for (const key in fields) {
      const child = fields[key];
      if (key !== 'span' && typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(d);
      }
    }
  }
  return undefined;
}

/** The depth of a tree of nodes, and the `Ref` names in it with the depth of each. */
function refsOf(root: object): { depth: number; refs: [string, number][] } {
  const refs: [string, number][] = [];
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const node = value as { span?: unknown; kind?: unknown; name?: { text?: unknown } };
    const d = !Array.isArray(value) && node.span ? depth + 1 : depth;
    deepest = Math.max(deepest, d);
    if (node.kind === 'Ref' && typeof node.name?.text === 'string') refs.push([node.name.text, d]);
    for (const [key, child] of Object.entries(value)) if (key !== 'span' && typeof child === 'object') stack.push([child, d]);
  }
  return { depth: deepest, refs };
}

/**
 * The index of a `let` whose expression, with the lets it refers to substituted, is nested
 * deeper than `max` nodes, or -1. A cycle counts once (the checker reports it).
 */
export function letTooDeep(lets: readonly { name: { text: string }; expr: object }[], max = MAX_EXPRESSION_DEPTH): number {
  const index = new Map(lets.map((l, i) => [l.name.text, i] as const));
  const trees = lets.map((l) => refsOf(l.expr));
  const depth = new Array<number>(lets.length).fill(-1); // -1 not seen, -2 being measured
  for (let root = 0; root < lets.length; root++) {
    const stack: [number, boolean][] = [[root, false]];
    while (stack.length > 0) {
      const [i, done] = stack.pop()!;
      if (done) {
        const refs = trees[i]!.refs.map(([name, d]) => d + Math.max(0, depth[index.get(name) ?? -1] ?? 0));
        depth[i] = Math.max(trees[i]!.depth, ...refs);
        if (depth[i]! > max) return i;
        continue;
      }
      if (depth[i] !== -1) continue;
      depth[i] = -2;
      stack.push([i, true]);
      for (const [name] of trees[i]!.refs) {
        const j = index.get(name);
        if (j !== undefined && depth[j] === -1) stack.push([j, false]);
      }
    }
  }
  return -1;
}
