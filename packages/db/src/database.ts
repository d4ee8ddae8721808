import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Durability } from '@workup/contracts';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

/** The Drizzle database, the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * An open transaction. Repositories take a `Db`, which a transaction also is, so they run
 * inside the caller's transaction; functions that must run in one (the audit trail, next to
 * the change it records) ask for this type.
 */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseOptions =
  /** Embedded PGlite; `dataDir: null` keeps everything in memory (tests). */
  | { readonly kind: 'pglite'; readonly dataDir: string | null }
  | { readonly kind: 'postgres'; readonly url: string; readonly maxConnections?: number };

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** How safe an acknowledged write is, read from the running database. */
  durability(): Promise<Durability>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Opens the database and brings its schema up to date. With PGlite on disk the data directory
 * is locked first, because PGlite is single-process: a second process fails with
 * {@link DataDirLockedError} instead of corrupting the data.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let release: (() => Promise<void>) | null = null;
  let client: PGlite;
  if (dataDir === null) {
    client = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
    try {
      client = new PGlite(join(dataDir, 'pglite'));
      await client.waitReady;
    } catch (error) {
      await release();
      throw error;
    }
  }
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (error) {
    await client.close();
    if (release) await release();
    throw error;
  }
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    durability: () => Promise.resolve(dataDir === null ? 'memory' : 'local-disk'),
    async close() {
      await client.close();
      if (release) await release();
    },
  };
}

async function openPostgres(url: string, maxConnections: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  const db = drizzlePg({ client: pool, schema });
  try {
    await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    async durability() {
      const result = await pool.query<{ fsync: string; sync: string }>(
        "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync",
      );
      const row = result.rows[0];
      return row?.fsync === 'on' && row.sync !== 'off' ? 'synchronous' : 'relaxed';
    },
    close: () => pool.end(),
  };
}
