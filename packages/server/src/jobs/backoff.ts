/** The first retry waits this long; each further one twice as long as the one before. */
export const BACKOFF_BASE_MS = 30_000;
/** No retry waits longer than this. */
export const BACKOFF_MAX_MS = 60 * 60_000;

/**
 * How long to wait before retrying after the `attempt`-th failure (1 is the first): 30 s, 1 min,
 * 2 min, 4 min... capped at one hour. Deterministic, so tests can step a fake clock through it;
 * several instances do not need jitter to spread out, since only one of them holds a job.
 */
export function retryDelayMs(attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt ${attempt}`);
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt - 1, 30));
}
