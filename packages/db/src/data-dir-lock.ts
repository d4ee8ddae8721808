import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another workup process is using the data directory ${dataDir}. ` +
        'Embedded PGlite serves one process only: stop the other process, choose another ' +
        'DATA_DIR, or set DATABASE_URL to a PostgreSQL server to run several instances.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** A lock older than this without a refresh belongs to a process that died. */
const STALE_AFTER_MS = 10_000;

/**
 * Locks `dataDir` for this process (a `workup.lock` folder beside the data, refreshed while
 * the process lives). Resolves to the function that releases it.
 */
export async function lockDataDir(
  dataDir: string,
  onCompromised: (error: Error) => void = (error) => {
    throw error;
  },
): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, 'workup.lock'),
      stale: STALE_AFTER_MS,
      realpath: false,
      onCompromised,
    });
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirLockedError(dataDir);
    }
    throw error;
  }
}
