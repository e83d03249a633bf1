import { describe, expect, it } from 'vitest';
import * as data from '../../src/data/index.js';
import { detectFormat, readData } from '../../src/data/index.js';

describe('detectFormat', () => {
  it.each([
    ['units.csv', '[', 'csv'],
    ['UNITS.CSV', '', 'csv'],
    ['units.json', 'a,b', 'json'],
    ['dir/单位.JSON', '', 'json'],
    ['units.txt', '  \n [{"a":1}]', 'json'],
    ['units', '\uFEFF[]', 'json'],
    ['units', '{"a":1}', 'json'],
    ['units', 'a,b\n1,2', 'csv'],
    ['', '', 'csv'],
  ])('%s with %j → %s', (name, text, want) => {
    expect(detectFormat(name, text)).toBe(want);
  });
});

describe('readData', () => {
  const inputs = [{ name: 'a', type: { kind: 'number' } } as const];
  it('dispatches on the format', () => {
    expect(readData('a\n1\n', 'csv', inputs).rows[0]!.values['a']).toBe(1);
    expect(readData('[{"a": 2}]', 'json', inputs).rows[0]!.values['a']).toBe(2);
  });
  it('re-exports the readers and helpers', () => {
    expect(typeof data.readCsv).toBe('function');
    expect(typeof data.readJson).toBe('function');
    expect(typeof data.coerceValue).toBe('function');
    expect(typeof data.decodeBytes).toBe('function');
  });
});
