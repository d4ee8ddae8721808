import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

describe('data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workup-lock-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets one holder in, refuses a second with a clear error, and frees on release', async () => {
    const release = await lockDataDir(dir);
    await assert.rejects(lockDataDir(dir), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.match(error.message, /Another workup process is using the data directory/);
      assert.match(error.message, /DATABASE_URL/);
      return true;
    });
    await release();
    const again = await lockDataDir(dir);
    await again();
  });
});

describe('data directory lock after a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workup-lock-crash-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes over at once a lock whose owner was killed, but never a live owner’s', async () => {
    // A child process takes the lock and is killed with SIGKILL: it cannot release it.
    const script = `import { lockDataDir } from ${JSON.stringify(new URL('./data-dir-lock.ts', import.meta.url).href)};
await lockDataDir(${JSON.stringify(dir)});
process.stdout.write('locked\\n');
setInterval(() => {}, 1000);`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('locked')) resolve();
      });
      child.once('exit', (code) => {
        reject(new Error(`child exited ${String(code)}`));
      });
    });
    await assert.rejects(lockDataDir(dir), DataDirLockedError, 'a live owner keeps its lock');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // Without the takeover this would throw: the dead owner's lock is fresher than the
    // staleness timeout and lockDataDir does not retry.
    const release = await lockDataDir(dir);
    await release();
  });
});
