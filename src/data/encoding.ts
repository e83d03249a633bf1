/**
 * Decoding data-file bytes: UTF-8 (with or without BOM), else GBK
 * (as saved by Excel on Chinese Windows). Pure; no I/O.
 */

export type TextEncodingName = 'utf-8' | 'gbk';

export function decodeBytes(buf: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8
  }
  let gbk: TextDecoder;
  try {
    gbk = new TextDecoder('gbk');
  } catch {
    // a Node built without full ICU: keep what we can
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  }
  return { text: gbk.decode(body), encoding: 'gbk' };
}
