import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real entry point, `npm start` without the web build. */
export const SERVER_MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));

/** A `workup` server running as a child process, as `npm start` runs it. */
export interface ServerProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** Starts `main.ts` in a child process with only `env` (plus PATH and TZ=UTC). */
export function spawnServer(env: Readonly<Record<string, string>>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the server's stdout matches `pattern`; fails when it exits or times out. */
export async function waitForOutput(
  run: ServerProcess,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.stdout())) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) {
      throw new Error(`the server exited (${String(run.child.exitCode)}): ${run.stderr()}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out; stdout: ${run.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
