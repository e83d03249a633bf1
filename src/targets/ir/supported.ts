// The IR features the targets implement are exactly those of the published IR schema (v1). A
// program with anything more (a newer language feature) is refused with the place and the name of
// what is missing, rather than scored without it.
import type { IrProgram } from '../../ir/ir.js';
import { newAjv } from './read.js';
import { IR_SCHEMA } from './schema.js';

export class UnsupportedIrError extends Error {}

let validate: ReturnType<ReturnType<typeof newAjv>['compile']> | undefined;
const checked = new WeakSet<IrProgram>();

/** What in the program goes beyond IR v1 (up to three places), or undefined when nothing does. */
export function beyondIrV1(program: IrProgram): string | undefined {
  if (checked.has(program)) return undefined;
  validate ??= newAjv().compile(IR_SCHEMA);
  // test blocks do not reach any target's output
  if (validate({ ...program, tests: [] })) {
    checked.add(program);
    return undefined;
  }
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'}${e.keyword === 'additionalProperties' ? ` has \`${String(e.params['additionalProperty'])}\`` : ` ${e.message ?? e.keyword}`}`)
    .join('; ');
}

/** Throws UnsupportedIrError unless every part of the program is one `target` implements. */
export function assertSupported(program: IrProgram, target: string): void {
  const beyond = beyondIrV1(program);
  if (beyond) throw new UnsupportedIrError(`the ${target} target does not implement this part of the ruleset yet (IR v1): ${beyond}`);
}
