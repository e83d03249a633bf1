// The `jixiao` command run in-process for the target tests: argv in, output and exit code out.
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function jixiao(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (err += s), stdout });
  return { code, out, err };
}

export const FIXTURE = 'test/targets/fixtures/示例.jx';

/** One unit of the fixture's data per line below the header: every input at a reachable value. */
export const FIXTURE_CSV = `id,单位,预算,支出,满意度,问题数,专家评分,制度健全,公开
A,甲单位,100,96,92%,0,18,是,按时
B,乙单位,0,96,92%,0,18,是,按时
C,丙单位,100,50,81%,2,15,是,逾期
D,丁单位,100,96,92%,0,25,是,按时
`;
