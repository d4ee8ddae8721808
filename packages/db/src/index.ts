export { openDatabase, MIGRATIONS_DIR } from './database';
export type { Database, DatabaseOptions, Db, DbTransaction } from './database';
export { DataDirLockedError, lockDataDir } from './data-dir-lock';
export * as schema from './schema';
export * from './repositories/index';
