// What the compiler emits for the ruleset, one entry per target, for the compile panel.
// Built only while that panel is open: emitting is cheap, but not free on large rulesets.
import type { IrProgram } from '../../../src/index.js';
import { emitScorer } from '../../../src/index.js';
import type { Output } from './protocol.js';

export function compileOutputs(program: IrProgram): Output[] {
  const base = program.name;
  return [
    {
      id: 'ir',
      label: { zh: 'IR（JSON）', en: 'IR (JSON)' },
      fileName: `${base}.ir.json`,
      text: `${JSON.stringify(program, null, 2)}\n`,
    },
    {
      id: 'js',
      label: { zh: '评分函数（JS）', en: 'Scorer (JS)' },
      fileName: `${base}.scorer.js`,
      text: `// 评分函数体：new Function('rt', body)(runtime) 得到 (unit, pts, app, out, al) => void\n${emitScorer(program, { explain: false })}\n`,
    },
  ];
}
