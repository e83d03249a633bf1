// A diagnostic is data: a stable code, a span, a severity, a message in Chinese and English,
// and where one is obvious, a fix. Nothing in the pipeline throws for a user's mistake.
import type { Span } from '../ast/nodes.js';
import { CODES, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

/** A replacement of the source text at `span` by `text`. */
export interface Fix {
  readonly title: Message;
  readonly span: Span;
  readonly text: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: Message;
  readonly fix?: Fix;
}

export function diagnostic(code: DiagnosticCode, span: Span, message: Message, fix?: Fix): Diagnostic {
  const d: Diagnostic = { code, severity: CODES[code].severity, span, message };
  return fix ? { ...d, fix } : d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** `FILE:LINE:COL: error|warning CODE message` — the CLI's line format, stable for tools. */
export function formatDiagnostic(file: string, d: Diagnostic, lang: 'zh' | 'en' = 'zh'): string {
  return `${file}:${d.span.line}:${d.span.col}: ${d.severity} ${d.code} ${d.message[lang]}`;
}

export const NO_SPAN: Span = { start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
