// CSV text → cells, with the same library the compiler's data reader uses (lenient about ragged
// rows: the table shows what is there and the checker reports what is wrong, row by row).
import { parse } from 'csv-parse/browser/esm/sync';

export function parseCsv(text: string): string[][] {
  if (text.trim() === '') return [];
  return parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
}
