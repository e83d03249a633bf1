// The parser stores a CST node's children in a plain object keyed by label (grammar/parser.ts,
// cstInvocationStateUpdate): a key that Object.prototype already has would read as set.
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { parser } from '../../grammar/parser.js';

interface GastNode {
  readonly definition?: readonly GastNode[];
  readonly label?: string;
  readonly terminalType?: { readonly name: string };
  readonly nonTerminalName?: string;
}

/** Every key a CST node's children can have: each terminal's and subrule's label, or else its name. */
function childKeys(node: GastNode, into: Set<string>): Set<string> {
  if (node.terminalType) into.add(node.label ?? node.terminalType.name);
  // a subrule's definition is the called rule's own: it is walked as a rule of its own
  if (node.nonTerminalName) return into.add(node.label ?? node.nonTerminalName);
  for (const d of node.definition ?? []) childKeys(d, into);
  return into;
}

describe('CST children', () => {
  const keys = new Set<string>();
  for (const rule of Object.values(parser.getGAstProductions())) childKeys(rule as GastNode, keys);

  it('are keyed by labels, rule names and token names, none of them an Object.prototype member', () => {
    // the walk reaches labels, subrules and plain tokens alike
    expect([...keys]).toEqual(expect.arrayContaining(['name', 'member', 'indicator', 'Semicolon', 'operand']));
    expect([...keys].filter((k) => k in Object.prototype)).toEqual([]);
  });

  it('still read an absent clause as absent (an indicator without a note has note null)', () => {
    const r = parse('ruleset 示例 {\n  indicator 甲 weight 100 { score full }\n}');
    expect(r.diagnostics).toEqual([]);
    expect(r.ast!.indicators[0]).toMatchObject({ note: null, na: null, children: [] });
  });
});
