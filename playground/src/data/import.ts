// Importing sample units from a file: CSV in UTF-8 or GBK (as Excel in China saves it), or the
// first worksheet of an XLSX workbook. Both libraries load only when a file is imported.
import { parseCsv } from './csv.js';
import { sheetFromCells, type Sheet } from './sheet.js';

export interface Imported {
  readonly sheet: Sheet;
  /** `UTF-8`, `GBK` or `XLSX`, for the message. */
  readonly encoding: string;
}

type CellValue = import('exceljs').CellValue;

/** One spreadsheet cell as the text a CSV would hold: percents stay fractions (0.86 = 86%). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText((v.result ?? null) as CellValue);
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return '';
}

async function readXlsx(bytes: ArrayBuffer): Promise<Sheet> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const ws = book.worksheets[0];
  if (!ws) throw new Error('工作簿中没有工作表 / the workbook has no worksheet');
  const cells: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    cells[n - 1] = values.map((v) => cellText(v as CellValue).trim());
  });
  return sheetFromCells(Array.from(cells, (r) => r ?? []));
}

export async function importFile(file: File): Promise<Imported> {
  const bytes = await file.arrayBuffer();
  const head = new Uint8Array(bytes.slice(0, 4));
  // An XLSX is a zip: "PK\3\4".
  if (/\.xlsx$/i.test(file.name) || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4)) {
    return { sheet: await readXlsx(bytes), encoding: 'XLSX' };
  }
  const { decodeBytes } = await import('../../../src/index.js');
  const { text, encoding } = decodeBytes(new Uint8Array(bytes));
  const sheet = sheetFromCells(parseCsv(text));
  if (sheet.columns.length === 0) throw new Error('文件是空的 / the file is empty');
  return { sheet, encoding: encoding.toUpperCase() };
}
