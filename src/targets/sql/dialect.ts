// The SQL dialect contract: the only place where user text becomes SQL. Identifiers are quoted,
// strings and numbers become literals; anything a dialect cannot represent exactly is refused
// rather than altered.

export interface Dialect {
  readonly name: 'postgres' | 'duckdb';
  /** A quoted identifier. */
  ident(name: string): string;
  /** A string literal with exactly this text. */
  string(s: string): string;
  /** A double-precision literal equal to this JS number, bit for bit. */
  number(v: number): string;
  readonly doubleType: string;
  readonly textType: string;
  /** Integer division of two BIGINTs, truncating. */
  intDiv(a: string, b: string): string;
  /** The columns of a row that was carried through the stages as one value. */
  expandRow(expr: string): string;
  /** Appended to each stage: keeps the planner from inlining one stage's expressions into the next. */
  readonly fence: string;
}

export class SqlEmitError extends Error {}

function refuseNul(s: string, what: string): void {
  if (s.includes('\u0000')) throw new SqlEmitError(`${what} contains a NUL character, which SQL text cannot carry: ${JSON.stringify(s)}`);
}

/** `"name"` with embedded quotes doubled: the SQL standard's delimited identifier. */
export function quoteIdent(name: string, maxBytes = Infinity): string {
  refuseNul(name, 'an identifier');
  if (name === '') throw new SqlEmitError('an identifier cannot be empty');
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > maxBytes) throw new SqlEmitError(`the identifier ${JSON.stringify(name)} is ${bytes} bytes long; this database keeps only ${maxBytes} and would silently cut it`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** `'text'` with embedded quotes doubled: a standard string literal (backslashes are plain characters). */
export function quoteString(s: string): string {
  refuseNul(s, 'a string');
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * `E'text'` with backslashes and quotes escaped: PostgreSQL's escape string, whose meaning does
 * not depend on the server's standard_conforming_strings setting.
 */
export function quoteEscapeString(s: string): string {
  refuseNul(s, 'a string');
  return `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The shortest decimal that reads back as exactly this double, as a quoted literal for a cast. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new SqlEmitError(`the constant ${v} is not a finite number`);
  return `'${Object.is(v, -0) ? '0' : String(v)}'`;
}
