// Keeps docs/language.md honest. The reference is the language as it behaves, so:
//
//   ```jx                    a complete ruleset: compiles with no error and no warning, has at
//                            least one `test` block, and every test passes;
//   ```jx warning CODE…      the same, but it must warn with each CODE (and warn with nothing else);
//   ```jx expect-error CODE  compiling it must report CODE (the diagnostics section);
//   ```jx pending CODE       a catalogued code the implementation does not report yet: compiling
//                            must NOT report it (once it does, the fence becomes expect-error);
//   ```jx fragment           a partial snippet inside prose, not run.
//
// A block may also carry `file=NAME`: it is written to a scratch folder under that name (so can a
// ```csv or ```json block), and a block with `cli="ARGS"` shows what `jixiao ARGS` prints: the test
// runs the CLI on those files and compares its output with the block, character for character.
//
// Beyond the blocks: every keyword spelling, function name, full-width punctuation mark and
// diagnostic code of the implementation must appear in the reference.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES, compile, Evaluator, FULL_WIDTH, FUNCTIONS, KEYWORDS, runTests, type DiagnosticCode } from '../../src/index.js';
import { main } from '../../src/cli/main.js';

const DOC_PATH = 'docs/language.md';
const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');

interface Block {
  /** The first word of the info string: jx, csv, json, text, sh… */
  readonly lang: string;
  /** The words after it that are not attributes (for jx: mode and codes). */
  readonly words: readonly string[];
  readonly attrs: Readonly<Record<string, string>>;
  readonly body: string;
  /** 1-based line of the opening fence in the doc. */
  readonly line: number;
}

/** Fenced code blocks (``` or ~~~, any length ≥ 3) with their info strings and line numbers. */
function extractBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const info = open[3]!.trim();
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[j]!)) body.push(lines[j++]!);
    const attrs: Record<string, string> = {};
    const rest = info.replace(/(\w[\w-]*)=(?:"([^"]*)"|(\S+))/g, (_, k: string, q?: string, bare?: string) => {
      attrs[k] = q ?? bare ?? '';
      return '';
    });
    const [lang = '', ...words] = rest.split(/\s+/).filter(Boolean);
    blocks.push({ lang, words, attrs, body: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

const blocks = extractBlocks(doc);
const jxBlocks = blocks.filter((b) => b.lang === 'jx');
const mode = (b: Block): string => b.words[0] ?? 'run';
const where = (b: Block, line = 0): string => `${DOC_PATH}:${b.line + line}`;

function showDiagnostics(b: Block, ds: ReturnType<typeof compile>['diagnostics']): string {
  return ds.map((d) => `  ${where(b, d.span.line)}:${d.span.col}: ${d.severity} ${d.code} ${d.message.zh}`).join('\n');
}

/** Compiles a runnable block and runs its tests; returns what is wrong, or [] when all is well. */
function problemsOfRunnable(b: Block, allowedWarnings: readonly string[]): string[] {
  const r = compile(b.body);
  const problems: string[] = [];
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const stray = r.diagnostics.filter((d) => d.severity === 'warning' && !allowedWarnings.includes(d.code));
  if (errors.length > 0) problems.push(`does not compile:\n${showDiagnostics(b, errors)}`);
  if (stray.length > 0) problems.push(`warns unexpectedly (fence it \`jx warning CODE\` if that is the point):\n${showDiagnostics(b, stray)}`);
  for (const code of allowedWarnings) {
    if (!r.diagnostics.some((d) => d.code === code)) problems.push(`was fenced \`jx warning ${code}\` but does not warn with it`);
  }
  if (errors.length > 0 || !r.program) return problems;
  if (r.program.tests.length === 0) problems.push('has no `test` block: every runnable example asserts its figures');
  for (const t of runTests(new Evaluator(r.program))) {
    for (const e of t.expects.filter((x) => !x.pass)) {
      problems.push(`test "${t.name}" fails at ${where(b, e.line)}: \`${e.text}\` — actual: ${e.actual}`);
    }
  }
  return problems;
}

describe(`${DOC_PATH}: examples`, () => {
  it('has its blocks well fenced', () => {
    const modes = new Set(['run', 'warning', 'expect-error', 'pending', 'fragment']);
    for (const b of jxBlocks) {
      expect(modes.has(mode(b)), `${where(b)}: unknown fence \`jx ${b.words.join(' ')}\``).toBe(true);
      if (mode(b) !== 'run' && mode(b) !== 'fragment') {
        const codes = b.words.slice(1);
        expect(codes.length, `${where(b)}: \`jx ${mode(b)}\` needs a diagnostic code`).toBeGreaterThan(0);
        for (const c of codes) expect(Object.hasOwn(CODES, c), `${where(b)}: \`${c}\` is not in CODES`).toBe(true);
      }
    }
  });

  it('has at least 25 runnable examples, and few fragments', () => {
    const runnable = jxBlocks.filter((b) => mode(b) === 'run' || mode(b) === 'warning');
    const fragments = jxBlocks.filter((b) => mode(b) === 'fragment');
    expect(runnable.length).toBeGreaterThanOrEqual(25);
    expect(fragments.length, 'fragments are for snippets inside prose only').toBeLessThanOrEqual(runnable.length / 2);
  });

  for (const b of jxBlocks) {
    const m = mode(b);
    if (m === 'run' || m === 'warning') {
      it(`line ${b.line}: compiles and its tests pass`, () => {
        const problems = problemsOfRunnable(b, m === 'warning' ? b.words.slice(1) : []);
        expect(problems, `${where(b)}: the example\n${problems.join('\n')}`).toEqual([]);
      });
    } else if (m === 'expect-error') {
      it(`line ${b.line}: reports ${b.words.slice(1).join(', ')}`, () => {
        const r = compile(b.body);
        for (const code of b.words.slice(1)) {
          expect(
            r.diagnostics.some((d) => d.code === code),
            `${where(b)}: expected ${code}, got:\n${showDiagnostics(b, r.diagnostics) || '  (nothing)'}`,
          ).toBe(true);
        }
        // an example of a warning should show only that warning, not an unrelated error
        if (b.words.slice(1).every((c) => CODES[c as DiagnosticCode]?.severity === 'warning')) {
          const errors = r.diagnostics.filter((d) => d.severity === 'error');
          expect(errors, `${where(b)}: a warning example must otherwise compile:\n${showDiagnostics(b, errors)}`).toEqual([]);
        }
      });
    } else if (m === 'pending') {
      it(`line ${b.line}: ${b.words.slice(1).join(', ')} is still unreported, as the reference says`, () => {
        const r = compile(b.body);
        for (const code of b.words.slice(1)) {
          expect(
            r.diagnostics.some((d) => d.code === code),
            `${where(b)}: the implementation now reports ${code}: fence this block \`jx expect-error ${code}\` and update the text around it`,
          ).toBe(false);
        }
      });
    }
  }
});

describe(`${DOC_PATH}: command-line output`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-doc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = blocks.filter((b) => b.attrs['file']);
  for (const f of files) writeFileSync(join(dir, f.attrs['file']!), `${f.body}\n`);

  it('names each file once', () => {
    const names = files.map((f) => f.attrs['file']);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const b of blocks.filter((x) => x.attrs['cli'] !== undefined)) {
    it(`line ${b.line}: jixiao ${b.attrs['cli']}`, async () => {
      const args = b.attrs['cli']!.split(/\s+/).filter(Boolean).map((a) => (files.some((f) => f.attrs['file'] === a) ? join(dir, a) : a));
      let out = '';
      let err = '';
      // results may be written through `out` or streamed to `stdout`: collect both, in order
      const stdout = new Writable({
        write(chunk: Buffer | string, _enc, done) {
          out += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
          done();
        },
      });
      const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), stdout };
      const code = await main(args, io as Parameters<typeof main>[1]);
      const strip = (s: string): string => s.split(`${dir}/`).join('').trimEnd();
      const shown = b.attrs['stream'] === 'stderr' ? strip(err) : strip(out);
      expect(shown, `${where(b)}: \`jixiao ${b.attrs['cli']}\` now prints (stderr: ${strip(err) || 'nothing'}):\n${shown}\n`).toBe(b.body.trimEnd());
      if (b.attrs['exit'] !== undefined) expect(code, `${where(b)}: exit code`).toBe(Number(b.attrs['exit']));
    });
  }
});

describe(`${DOC_PATH}: completeness`, () => {
  /** Text in backticks anywhere in the doc outside code blocks, e.g. `指标`. */
  const inline = new Set<string>();
  {
    let inFence = false;
    for (const line of doc.split('\n')) {
      if (/^ {0,3}(`{3,}|~{3,})/.test(line)) inFence = !inFence;
      else if (!inFence) for (const m of line.matchAll(/`([^`]+)`/g)) inline.add(m[1]!.trim());
    }
  }

  it('links only to headings that exist', () => {
    // GitHub's anchors: lower case, punctuation dropped, each space a hyphen
    const slug = (h: string): string => h.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
    const anchors = new Set<string>();
    let inFence = false;
    for (const line of doc.split('\n')) {
      if (/^ {0,3}(`{3,}|~{3,})/.test(line)) inFence = !inFence;
      else if (!inFence && /^#{1,6} /.test(line)) anchors.add(slug(line.replace(/^#+ /, '')));
    }
    const broken = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((a) => !anchors.has(a));
    expect(broken, 'links to missing headings').toEqual([]);
  });

  it('lists every keyword spelling of grammar/keywords.ts', () => {
    const missing = KEYWORDS.flatMap((k) => k.spellings.filter((s) => !inline.has(s)).map((s) => `${k.name}: \`${s}\``));
    expect(missing, 'keyword spellings missing from the keyword table').toEqual([]);
  });

  it('lists every spelling of the built-in functions', () => {
    const missing = Object.entries(FUNCTIONS).flatMap(([fn, ss]) => ss.filter((s) => !inline.has(s)).map((s) => `${fn}: \`${s}\``));
    expect(missing).toEqual([]);
  });

  it('lists every full-width punctuation mark with its ASCII twin', () => {
    const rows = doc.split('\n').filter((l) => l.startsWith('|'));
    const missing = Object.entries(FULL_WIDTH).filter(
      ([fw, ascii]) => !rows.some((r) => r.includes(`\`${fw}\``) && r.includes(`\`${ascii}\``)),
    );
    expect(missing.map(([fw, a]) => `${fw} → ${a}`), 'full-width marks missing from the punctuation table').toEqual([]);
  });

  it('describes every diagnostic code with its severity', () => {
    const rows = doc.split('\n').filter((l) => l.startsWith('|'));
    for (const [code, info] of Object.entries(CODES)) {
      const row = rows.find((r) => r.startsWith(`| \`${code}\``));
      expect(row, `no row \`| \`${code}\` |\` in the diagnostics table`).toBeDefined();
      expect(row!.includes(info.severity), `the row of ${code} does not say ${info.severity}`).toBe(true);
    }
  });

  it('shows an example of every code the checker reports', () => {
    const shown = new Set(jxBlocks.filter((b) => mode(b) === 'expect-error' || mode(b) === 'pending').flatMap((b) => b.words.slice(1)));
    // eval-* and data-* happen per unit or per row; limit-* need inputs too big to show (one is shown)
    const missing = Object.keys(CODES).filter((c) => !/^(eval|data|limit)-/.test(c) && !shown.has(c));
    expect(missing, 'codes without an expect-error (or pending) example').toEqual([]);
  });

  it('says when each per-unit, per-row and limit code happens', () => {
    for (const code of Object.keys(CODES).filter((c) => /^(eval|data|limit)-/.test(c))) {
      expect(inline.has(code), `\`${code}\` is not described`).toBe(true);
    }
  });
});
