// PostgreSQL: float8 arithmetic (IEEE doubles, as in JS), E'' strings, 63-byte identifiers, and
// OFFSET 0 to stop subquery pull-up, which would copy each stage's expressions into the next.
import { numberText, quoteEscapeString, quoteIdent, type Dialect } from './dialect.js';

export const postgres: Dialect = {
  name: 'postgres',
  ident: (name) => quoteIdent(name, 63),
  string: quoteEscapeString,
  number: (v) => `${numberText(v)}::float8`,
  doubleType: 'DOUBLE PRECISION',
  textType: 'TEXT',
  intDiv: (a, b) => `(${a} / ${b})`,
  expandRow: (expr) => `(${expr}).*`,
  fence: ' OFFSET 0',
};
