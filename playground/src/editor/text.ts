// Text-level edits the editor offers that need no parse: formatting (indentation by braces) and
// turning full-width IME punctuation into its ASCII twin. Strings and comments are never touched.
// Pure functions over the source text, so they are tested without a browser.

const SLASH = 0x2f;
const STAR = 0x2a;
const QUOTE = 0x22;
const CURLY_OPEN = 0x201c; // “
const CORNER_OPEN = 0x300c; // 「

/** Half-open ranges of source that are code (not inside a string or comment). */
export function codeRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let i = 0;
  const close = (end: number): void => {
    if (end > start) out.push([start, end]);
  };
  // Runs on every keystroke over the whole text: compares char codes, never makes a string.
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    let skipTo = -1;
    if (c === SLASH && next === SLASH) skipTo = indexOrEnd(text, '\n', i);
    else if (c === SLASH && next === STAR) skipTo = indexOrEnd(text, '*/', i + 2, 2);
    else if (c === QUOTE) skipTo = stringEnd(text, i);
    else if (c === CURLY_OPEN) skipTo = indexOrEnd(text, '”', i + 1, 1);
    else if (c === CORNER_OPEN) skipTo = indexOrEnd(text, '」', i + 1, 1);
    if (skipTo >= 0) {
      close(i);
      i = skipTo;
      start = i;
    } else i++;
  }
  close(text.length);
  return out;
}

function indexOrEnd(text: string, needle: string, from: number, include = 0): number {
  const k = text.indexOf(needle, from);
  return k < 0 ? text.length : k + include;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++; // backslash
    else if (c === QUOTE || c === 0x0a) return i + 1;
  }
  return text.length;
}

/** 1 at each offset that is code: a lookup per character, however many strings the file has. */
export function codeMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const [a, b] of codeRanges(text)) mask.fill(1, a, b);
  return mask;
}

/** Full-width punctuation with an ASCII meaning, at code offsets only. */
export function fullWidthOffsets(text: string, table: Readonly<Record<string, string>>): { offset: number; char: string; ascii: string }[] {
  const out: { offset: number; char: string; ascii: string }[] = [];
  // Most of a file is ASCII: skip it without a lookup (and without making a one-character string).
  const asciiKeys = Object.keys(table).some((k) => k.charCodeAt(0) < 0x80);
  for (const [a, b] of codeRanges(text)) {
    for (let i = a; i < b; i++) {
      if (!asciiKeys && text.charCodeAt(i) < 0x80) continue;
      const ascii = table[text[i]!];
      if (ascii !== undefined) out.push({ offset: i, char: text[i]!, ascii });
    }
  }
  return out;
}

/** The text with full-width punctuation in [from, to) replaced by ASCII; strings and comments kept. */
export function toAsciiPunctuation(text: string, table: Readonly<Record<string, string>>, from = 0, to = text.length): string {
  const hits = fullWidthOffsets(text, table).filter((f) => f.offset >= from && f.offset < to);
  let out = '';
  let last = 0;
  for (const f of hits) {
    out += text.slice(last, f.offset) + f.ascii;
    last = f.offset + 1;
  }
  return out + text.slice(last);
}

const OPEN = new Set(['{', '｛']);
const CLOSE = new Set(['}', '｝']);

/**
 * Re-indents by brace depth (two spaces), trims trailing spaces, keeps at most one blank line in a
 * row and ends with one newline. Lines inside block comments keep their own layout.
 */
export function formatSource(text: string): string {
  const mask = codeMask(text.replace(/\r\n?/g, '\n'));
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let depth = 0;
  let offset = 0;
  let blank = 0;
  for (const raw of lines) {
    const lineStart = offset;
    offset += raw.length + 1;
    const trimmed = raw.trim();
    const firstCode = lineStart + raw.length - raw.trimStart().length;
    const insideComment = trimmed !== '' && mask[firstCode] !== 1 && !trimmed.startsWith('//') && !trimmed.startsWith('/*') && !/^["“「]/.test(trimmed);
    let opens = 0;
    let leadingCloses = 0;
    let closes = 0;
    let sawCode = false;
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i]!;
      if (mask[lineStart + i] !== 1 || ch === ' ' || ch === '\t') continue;
      if (CLOSE.has(ch)) {
        closes++;
        if (!sawCode) leadingCloses++;
      } else if (OPEN.has(ch)) opens++;
      if (!CLOSE.has(ch)) sawCode = true;
    }
    if (trimmed === '') {
      blank++;
      if (blank <= 1 && out.length > 0) out.push('');
      continue;
    }
    blank = 0;
    if (insideComment) out.push(raw.trimEnd());
    else out.push('  '.repeat(Math.max(0, depth - leadingCloses)) + trimmed);
    depth = Math.max(0, depth + opens - closes);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
