// Sample files as a user in China would bring them: an XLSX written by a real XLSX library, and a
// CSV saved in GBK (encoded here through a table built from Node's own GBK decoder).
import ExcelJS from 'exceljs';

let gbkTable: Map<string, number[]> | undefined;

/** Each character's GBK bytes, from decoding every two-byte sequence once. */
function gbk(): Map<string, number[]> {
  if (gbkTable) return gbkTable;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
      } catch {
        // not a GBK character
      }
    }
  }
  gbkTable = table;
  return table;
}

export function encodeGbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbk().get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A workbook as Excel keeps units: numbers as numbers, percents as fractions formatted 0%. */
export async function unitsXlsx(header: string[], rows: (string | number | boolean)[][], percentColumns: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('样本单位');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  for (const name of percentColumns) sheet.getColumn(header.indexOf(name) + 1).numFmt = '0%';
  return Buffer.from(await book.xlsx.writeBuffer());
}
