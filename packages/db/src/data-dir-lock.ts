import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
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

const LOCK_NAME = 'workup.lock';
/** Beside the lock folder, not in it: proper-lockfile removes the folder with rmdir. */
const OWNER_FILE = 'workup.lock.owner.json';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

/** True when the process `pid` exists on this machine (signal 0 tests without signalling). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the lock's recorded owner is a process of this machine that no longer exists (it
 * was killed, e.g. by SIGKILL or a power cut, before it could release the lock). A lock without
 * a readable owner is left to the staleness timeout.
 */
function ownerIsDead(dataDir: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as LockOwner;
    return owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
  } catch {
    return false;
  }
}

function acquire(dataDir: string, onCompromised: (error: Error) => void) {
  return lockfile.lock(dataDir, {
    lockfilePath: join(dataDir, LOCK_NAME),
    stale: STALE_AFTER_MS,
    realpath: false,
    onCompromised,
  });
}

/**
 * Locks `dataDir` for this process (a `workup.lock` folder beside the data, refreshed while
 * the process lives, recording the owner's pid and host). A lock whose owner on this machine
 * has died is taken over at once, so a restart after a crash always succeeds; a lock of a live
 * process is refused. Resolves to the function that releases the lock.
 */
export async function lockDataDir(
  dataDir: string,
  onCompromised: (error: Error) => void = (error) => {
    throw error;
  },
): Promise<() => Promise<void>> {
  const lockPath = join(dataDir, LOCK_NAME);
  let release: () => Promise<void>;
  try {
    release = await acquire(dataDir, onCompromised);
  } catch (error) {
    if (!(error instanceof Error && (error as NodeJS.ErrnoException).code === 'ELOCKED')) {
      throw error;
    }
    if (!ownerIsDead(dataDir)) throw new DataDirLockedError(dataDir);
    // Move the dead owner's lock aside atomically, then take the lock the ordinary way: of two
    // processes that both saw the dead owner, only one can rename it and only one gets the lock.
    try {
      const aside = `${lockPath}.dead-${String(process.pid)}`;
      renameSync(lockPath, aside);
      rmSync(aside, { recursive: true, force: true });
    } catch {
      // Another process moved it first; the lock below decides.
    }
    try {
      release = await acquire(dataDir, onCompromised);
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new DataDirLockedError(dataDir);
      }
      throw retryError;
    }
  }
  const ownerPath = join(dataDir, OWNER_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname() };
  writeFileSync(ownerPath, JSON.stringify(owner));
  return async () => {
    rmSync(ownerPath, { force: true });
    await release();
  };
}
