// CST → AST for expressions: operators left-associative by precedence level, literals with units.
import type { CstNode, IToken } from 'chevrotain';
import type * as A from '../src/ast/nodes.js';
import { Incomplete, cover, mustNode, mustTok, name, node, nodeSpan, nodes, num, percentOf, tok, tokenSpan, toks } from './cst.js';

const OP_NAMES: Record<string, A.BinaryOp> = {
  GreaterEq: '>=',
  Greater: '>',
  LessEq: '<=',
  Less: '<',
  EqEq: '==',
  NotEq: '!=',
  Plus: '+',
  Minus: '-',
  Star: '*',
  Slash: '/',
  And: 'and',
  Or: 'or',
};
export function normalizeOp(t: IToken): A.BinaryOp {
  const op = OP_NAMES[t.tokenType.name];
  if (!op) throw new Incomplete();
  return op;
}

function leftAssoc(n: CstNode, next: (m: CstNode) => A.Expr): A.Expr {
  const c = n.children;
  const operands = nodes(c, 'operand');
  const ops = toks(c, 'op');
  if (operands.length === 0 || operands.length !== ops.length + 1) throw new Incomplete();
  let expr = next(operands[0]!);
  for (let i = 0; i < ops.length; i++) {
    const right = next(operands[i + 1]!);
    expr = { kind: 'Binary', op: normalizeOp(ops[i]!), left: expr, right, span: cover(expr.span, right.span) };
  }
  return expr;
}

export function buildExpr(n: CstNode): A.Expr {
  switch (n.name) {
    case 'expression': {
      const c = n.children;
      const test = buildExpr(mustNode(c, 'test'));
      if (!c.Question) return test;
      const then = buildExpr(mustNode(c, 'then'));
      const otherwise = buildExpr(mustNode(c, 'else'));
      return { kind: 'Conditional', test, then, else: otherwise, span: cover(test.span, otherwise.span) };
    }
    case 'orExpr':
    case 'andExpr':
    case 'additive':
    case 'multiplicative':
    case 'comparison':
      return leftAssoc(n, buildExpr);
    case 'notExpr':
    case 'unary': {
      const c = n.children;
      const operand = buildExpr(mustNode(c, 'operand'));
      const opTok = tok(c, 'not') ?? tok(c, 'minus');
      if (!opTok) return operand;
      const op = opTok.tokenType.name === 'Minus' ? '-' : 'not';
      if (op === '-' && (operand.kind === 'Number' || operand.kind === 'Percent' || operand.kind === 'Money')) {
        return { ...operand, value: -operand.value, span: cover(tokenSpan(opTok), operand.span) };
      }
      return { kind: 'Unary', op, operand, span: cover(tokenSpan(opTok), operand.span) };
    }
    case 'primary':
      return buildPrimary(n);
    default:
      throw new Incomplete();
  }
}

function buildPrimary(n: CstNode): A.Expr {
  const c = n.children;
  const span = nodeSpan(n);
  const number = tok(c, 'number');
  if (number) {
    const suffix = tok(c, 'suffix');
    if (!suffix) return { kind: 'Number', value: num(number), span };
    if (suffix.tokenType.name === 'Percent') return { kind: 'Percent', value: percentOf(number.image), span };
    return { kind: 'Money', value: num(number), unit: suffix.tokenType.name === 'Yuan' ? '元' : '万元', span };
  }
  const b = tok(c, 'bool');
  if (b) return { kind: 'Bool', value: b.tokenType.name === 'True', span };
  if (tok(c, 'full')) return { kind: 'Full', span };
  const inner = node(c, 'inner');
  if (inner) return { ...buildExpr(inner), span };
  const nm = mustTok(c, 'name');
  if (c.call) {
    if (!tok(c, 'RParen')) throw new Incomplete();
    return { kind: 'Call', callee: name(nm), args: nodes(c, 'arg').map(buildExpr), span };
  }
  return { kind: 'Ref', name: name(nm), span };
}
