// What every check shares: the source text, the declared names, and the diagnostic list.
import type { Expr, InputDecl, LetDecl, Span } from '../ast/nodes.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type Fix, type Message } from '../diagnostics/diagnostic.js';
import type { IrDivision, IrExpr, IrInput, IrLet } from '../ir/ir.js';
import type { Interval } from './interval.js';
import type { Ty } from './types.js';

export interface Checked {
  readonly ir: IrExpr;
  readonly ty: Ty;
  readonly range: Interval;
}

export type Symbol =
  | { readonly kind: 'input'; readonly index: number; readonly decl: InputDecl; readonly ty: Ty }
  | { readonly kind: 'let'; readonly index: number; readonly decl: LetDecl };

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly symbols = new Map<string, Symbol>();
  readonly inputs: IrInput[] = [];
  readonly lets: (IrLet & { readonly range: Interval })[] = [];
  readonly divisions: IrDivision[] = [];
  /** Lets being checked, to find cycles. */
  readonly resolving = new Set<string>();
  /** Nested muting, for re-checking an expression without reporting twice. */
  private muted = 0;

  constructor(readonly text: string) {}

  report(code: DiagnosticCode, span: Span, message: Message, fix?: Fix): void {
    if (this.muted === 0) this.diagnostics.push(diagnostic(code, span, message, fix));
  }

  quietly<T>(run: () => T): T {
    this.muted++;
    try {
      return run();
    } finally {
      this.muted--;
    }
  }

  /** The source text of a node, whitespace collapsed, for explanations and messages. */
  source(node: { span: Span } | Span): string {
    const span = 'span' in node ? node.span : node;
    return this.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  }

  sourceOf(e: Expr): string {
    return this.source(e);
  }
}
