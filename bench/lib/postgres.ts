// A PostgreSQL server for benchmarks: BENCH_DATABASE_URL or TEST_DATABASE_URL when set, else a
// throwaway cluster started from Debian's postgresql package (as `.ci/run` does), removed after.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@workup/testkit';

export interface BenchPostgres {
  readonly url: string;
  readonly origin: 'environment' | 'throwaway cluster';
  stop(): void;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb'))) return bin;
  }
  return null;
}

/** Runs a PostgreSQL tool, as the `postgres` user when we are root (initdb refuses root). */
function asServerUser(binary: string, args: string[]): void {
  const root = userInfo().uid === 0;
  const command = root ? 'runuser' : binary;
  const commandArgs = root ? ['-u', 'postgres', '--', binary, ...args] : args;
  const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${binary} failed: ${result.stderr.toString('utf8')}`);
  }
}

export async function benchPostgres(): Promise<BenchPostgres> {
  const fromEnv = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (fromEnv) return { url: fromEnv, origin: 'environment', stop: () => undefined };
  const bin = findBinDir();
  if (bin === null) {
    throw new Error(
      "No PostgreSQL: set BENCH_DATABASE_URL, or install Debian's postgresql package (apt-get install postgresql)",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'workup-bench-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'workup', '--auth=trust', '-E', 'UTF8']);
  asServerUser(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${String(port)} -k ${dir} -c max_connections=300`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgres://workup@127.0.0.1:${String(port)}/postgres`,
    origin: 'throwaway cluster',
    stop: () => {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
