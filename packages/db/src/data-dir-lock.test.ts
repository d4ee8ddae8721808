import assert from 'node:assert/strict';
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
