// A schema change without its migration fails here: drizzle-kit generates against a copy of
// the committed migrations and must find nothing to add.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MIGRATIONS = join(ROOT, 'packages/db/migrations');

describe('migrations', () => {
  it('match the schema in src/schema.ts', () => {
    // drizzle-kit wants an output folder relative to the working directory.
    const scratch = join('packages/db', `.migrations-check-${randomBytes(4).toString('hex')}`);
    cpSync(MIGRATIONS, join(ROOT, scratch), { recursive: true });
    try {
      const result = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/drizzle-kit/bin.cjs'),
          'generate',
          '--dialect',
          'postgresql',
          '--schema',
          'packages/db/src/schema.ts',
          '--out',
          scratch,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(
        readdirSync(join(ROOT, scratch)).sort(),
        readdirSync(MIGRATIONS).sort(),
        `src/schema.ts changed without a migration: run npm run db:generate -- --name what-changed\n${result.stdout}`,
      );
      assert.match(result.stdout, /No schema changes/);
    } finally {
      rmSync(join(ROOT, scratch), { recursive: true, force: true });
    }
  });
});
