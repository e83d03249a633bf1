// A throwaway PostgreSQL server for tests: Debian's binaries, a fresh cluster in a temp dir owned
// by the `postgres` OS user, loopback only, on a free port; stopped and removed afterwards.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

export interface PgServer {
  readonly port: number;
  readonly client: pg.Client;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder, or undefined. JIXIAO_PG_ROOT points elsewhere (to test the absent case). */
export function findPgBin(): string | undefined {
  const root = process.env['JIXIAO_PG_ROOT'] ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. Under CI=true the tests must
 * fail with this reason; elsewhere they skip and print it.
 */
export function pgUnavailable(): string | undefined {
  if (!findPgBin()) return `PostgreSQL server binaries not found under ${process.env['JIXIAO_PG_ROOT'] ?? '/usr/lib/postgresql'}/*/bin (Debian package \`postgresql\`)`;
  if (userInfo().uid === 0 && !postgresUser()) return 'no `postgres` OS user to run the server as (Debian package `postgresql` creates it)';
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the postgres user (as ourselves when not root). */
function run(bin: string, args: readonly string[]): void {
  const asRoot = userInfo().uid === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export async function startPostgres(): Promise<PgServer> {
  const reason = pgUnavailable();
  if (reason) throw new Error(reason);
  const bin = findPgBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pg-'));
  const owner = userInfo().uid === 0 ? postgresUser() : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  let port = 0;
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // another test file may take the free port between our probe and the server's bind: try again
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`could not start PostgreSQL: ${err.stderr?.toString() || err.message}`);
  }
  // a worker that exits without afterAll (a crash, a timeout) must not leave a server behind
  const halt = (): void => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', halt);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  return {
    port,
    client,
    async stop() {
      await client.end().catch(() => undefined);
      process.removeListener('exit', halt);
      halt();
    },
  };
}

/**
 * A describe block with a PostgreSQL server of its own. Without a server it fails under CI=true
 * (the reason is the error) and is skipped elsewhere, saying why.
 */
export function describePostgres(name: string, body: (server: () => PgServer) => void): void {
  const reason = pgUnavailable();
  if (reason && process.env.CI !== 'true') {
    console.warn(`skipping "${name}": ${reason}`);
    describe.skip(`${name} (skipped: ${reason})`, () => body(() => undefined as never));
    return;
  }
  describe(name, () => {
    let server: PgServer | undefined;
    beforeAll(async () => {
      server = await startPostgres();
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });
    body(() => {
      if (!server) throw new Error('PostgreSQL did not start');
      return server;
    });
  });
}
