// DuckDB: DOUBLE arithmetic (IEEE doubles, as in JS), standard strings (backslash is a plain
// character), the carried row a STRUCT expanded by unnest.
import { numberText, quoteIdent, quoteString, type Dialect } from './dialect.js';

export const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => quoteIdent(name),
  string: quoteString,
  number: (v) => `${numberText(v)}::DOUBLE`,
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  intDiv: (a, b) => `(${a} // ${b})`,
  expandRow: (expr) => `unnest(${expr})`,
  fence: '',
};
