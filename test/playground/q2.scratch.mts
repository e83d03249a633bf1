import { gradeChangingEdit, leafWeight, testCounts } from './oracle.ts';
import { readFileSync } from 'node:fs';
import { sheetFromCells } from '../../playground/src/data/sheet.ts';
import { parseCsv } from '../../playground/src/data/csv.ts';
const src = readFileSync('rulesets/quwo/部门整体.jx', 'utf8');
const sheet = sheetFromCells(parseCsv(readFileSync('rulesets/quwo/sample.csv', 'utf8')));
console.log(testCounts(src), gradeChangingEdit(src, sheet as any), leafWeight(src));
