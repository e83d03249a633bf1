// Reading chevrotain's CST: typed access to a node's children, spans, and the `Incomplete`
// signal for nodes that error recovery left unfinished. Shared by the AST builders.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from '../src/ast/nodes.js';

export type Children = Record<string, CstElement[] | undefined>;

export class Incomplete extends Error {}

export function isToken(e: CstElement | undefined): e is IToken {
  return !!e && 'image' in e;
}
export function isNode(e: CstElement | undefined): e is CstNode {
  return !!e && 'children' in e;
}
export function tok(c: Children, key: string, i = 0): IToken | undefined {
  const e = c[key]?.[i];
  return isToken(e) && !e.isInsertedInRecovery && !Number.isNaN(e.startOffset) ? e : undefined;
}
export function mustTok(c: Children, key: string, i = 0): IToken {
  const t = tok(c, key, i);
  if (!t) throw new Incomplete();
  return t;
}
export function toks(c: Children, key: string): IToken[] {
  return (c[key] ?? []).filter((e): e is IToken => isToken(e) && !e.isInsertedInRecovery && !Number.isNaN(e.startOffset));
}
export function node(c: Children, key: string, i = 0): CstNode | undefined {
  const e = c[key]?.[i];
  return isNode(e) && !e.recoveredNode ? e : undefined;
}
export function mustNode(c: Children, key: string, i = 0): CstNode {
  const n = node(c, key, i);
  if (!n) throw new Incomplete();
  return n;
}
export function nodes(c: Children, key: string): CstNode[] {
  return (c[key] ?? []).filter((e): e is CstNode => isNode(e) && !e.recoveredNode);
}

export function tokenSpan(t: IToken): A.Span {
  return {
    start: t.startOffset,
    end: (t.endOffset ?? t.startOffset) + 1,
    line: t.startLine ?? 1,
    col: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endCol: t.endColumn ?? t.startColumn ?? 1,
  };
}
export function cover(a: A.Span, b: A.Span): A.Span {
  return { start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}
/** The span from the first to the last token of a CST node. */
export function nodeSpan(n: CstNode): A.Span {
  // the parser tracks node locations; only nodes touched by error recovery need the token walk
  const l = n.location;
  if (l && !Number.isNaN(l.startOffset) && l.endOffset !== undefined && !Number.isNaN(l.endOffset)) {
    return {
      start: l.startOffset,
      end: l.endOffset + 1,
      line: l.startLine ?? 1,
      col: l.startColumn ?? 1,
      endLine: l.endLine ?? l.startLine ?? 1,
      endCol: l.endColumn ?? l.startColumn ?? 1,
    };
  }
  return walkedSpan(n);
}

export function walkedSpan(n: CstNode): A.Span {
  const all: IToken[] = [];
  const walk = (m: CstNode): void => {
    for (const list of Object.values(m.children)) {
      for (const e of list) {
        if (isToken(e)) {
          if (!e.isInsertedInRecovery && !Number.isNaN(e.startOffset)) all.push(e);
        } else walk(e);
      }
    }
  };
  walk(n);
  if (all.length === 0) throw new Incomplete();
  all.sort((a, b) => a.startOffset - b.startOffset);
  return cover(tokenSpan(all[0]!), tokenSpan(all[all.length - 1]!));
}
export function name(t: IToken): A.Name {
  return { text: t.image, span: tokenSpan(t) };
}
export function unquote(image: string): string {
  if (image.startsWith('"')) {
    return image.slice(1, -1).replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
  }
  return image.slice(1, -1);
}
export function num(t: IToken): number {
  return Number(t.image);
}
/** `85.5` with `%` is the exact decimal 0.855, not 85.5 / 100. */
export function percentOf(image: string): number {
  return Number(`${image}e-2`);
}

/** Runs `build`, dropping the node if error recovery left it incomplete. */
export function attempt<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (e instanceof Incomplete) return undefined;
    throw e;
  }
}
export function all<T>(list: CstNode[], build: (n: CstNode) => T): T[] {
  return list.map((n) => attempt(() => build(n))).filter((x): x is T => x !== undefined);
}
