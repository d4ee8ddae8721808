import { randomBytes } from 'node:crypto';
import { after, before, describe, it, type TestContext } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '@workup/db';

export type TestDatabaseKind = 'pglite' | 'postgres';

const POSTGRES_MISSING =
  'PostgreSQL not configured: set TEST_DATABASE_URL=postgres://user@host:port/db ' +
  '(bash .ci/run installs and starts a throwaway cluster; on Debian: apt-get install postgresql)';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database created on
 * the TEST_DATABASE_URL server and dropped again on close.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite', dataDir: null });
  const scratch = await createPostgresTestDatabase();
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * A new, empty database on the TEST_DATABASE_URL server (for tests that start the real server
 * process against it), with the function that drops it again.
 */
export async function createPostgresTestDatabase(url = process.env.TEST_DATABASE_URL): Promise<{
  readonly url: string;
  drop(): Promise<void>;
}> {
  if (!url) throw new Error(POSTGRES_MISSING);
  const name = `workup_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        // pg's Pool.end() resolves before its connections have finished closing; dropping
        // `with (force)` at once would terminate them mid-close, and the dying client's error
        // surfaces as an uncaught exception. So wait for them to go first (55006: in use).
        for (let attempt = 0; ; attempt += 1) {
          try {
            await cleanup.query(`drop database if exists ${name}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) {
              await cleanup.query(`drop database if exists ${name} with (force)`);
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * Runs `suite` once on in-memory PGlite and, when TEST_DATABASE_URL is set, once more on
 * PostgreSQL, each on its own fresh database. Without PostgreSQL the second run is reported as
 * skipped with what is missing, or fails when REQUIRE_POSTGRES=1.
 */
export function describeEachDatabase(
  name: string,
  suite: (getDatabase: () => Database, kind: TestDatabaseKind) => void,
): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
      describe(`${name} [postgres]`, () => {
        it('runs on PostgreSQL', (t: TestContext) => {
          if (process.env.REQUIRE_POSTGRES === '1') {
            throw new Error(`REQUIRE_POSTGRES=1 but ${POSTGRES_MISSING}`);
          }
          process.stdout.write(`skipped: ${POSTGRES_MISSING}\n`);
          t.skip(POSTGRES_MISSING);
        });
      });
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      let database: Database | null = null;
      // Registered before the suite's own hooks, so it runs first.
      before(async () => {
        database = await openTestDatabase(kind);
      });
      after(async () => {
        await database?.close();
      });
      suite(() => {
        if (!database) throw new Error('the test database is opened in before(); use it in tests');
        return database;
      }, kind);
    });
  }
}
