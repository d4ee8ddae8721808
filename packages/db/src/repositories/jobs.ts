import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { jobs } from '../schema';

export type JobRow = typeof jobs.$inferSelect;

/**
 * Adds a job, in the caller's transaction when `db` is one: the job exists exactly when the
 * change that caused it was committed.
 */
export async function enqueueJob(
  db: Db,
  input: {
    kind: string;
    payload: Record<string, unknown>;
    runAt: Date;
    maxAttempts: number;
    now: Date;
  },
): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload,
      runAt: input.runAt,
      status: 'pending',
      maxAttempts: input.maxAttempts,
      createdAt: input.now,
    })
    .returning({ id: jobs.id });
  if (!row) throw new Error('insert into jobs returned no row');
  return row.id;
}

/**
 * Claims up to `limit` jobs that are due (pending and `run_at` reached) or whose worker's lease
 * ran out (running, `lease_until` passed: the worker died between claim and completion). The
 * rows are locked with `FOR UPDATE SKIP LOCKED`, so two workers on one PostgreSQL never claim
 * the same job; each claim counts an attempt and sets a new lease. Oldest due first.
 */
export async function claimJobs(
  db: Db,
  input: { workerId: string; now: Date; leaseMs: number; limit: number; kinds?: readonly string[] },
): Promise<JobRow[]> {
  const due = or(
    and(eq(jobs.status, 'pending'), lte(jobs.runAt, input.now)),
    and(eq(jobs.status, 'running'), lte(jobs.leaseUntil, input.now)),
  );
  const candidates = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(input.kinds ? and(due, inArray(jobs.kind, [...input.kinds])) : due)
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(input.limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: input.workerId,
      leaseUntil: new Date(input.now.getTime() + input.leaseMs),
    })
    .where(inArray(jobs.id, candidates))
    .returning();
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** The fencing condition: still this worker's claim, at this attempt. */
const stillClaimed = (job: { id: number; workerId: string; attempt: number }) =>
  and(
    eq(jobs.id, job.id),
    eq(jobs.status, 'running'),
    eq(jobs.lockedBy, job.workerId),
    eq(jobs.attempts, job.attempt),
  );

/** Marks a claimed job done; false when the claim was lost (its lease ran out and was taken). */
export async function completeJob(
  db: Db,
  job: { id: number; workerId: string; attempt: number; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', finishedAt: job.now, leaseUntil: null })
    .where(stillClaimed(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Records a failed attempt: back to pending at `retryAt`, or `failed` for good when `retryAt`
 * is null (the caller gave up). Resolves to what happened, or `lost` when the claim was lost.
 */
export async function failJob(
  db: Db,
  job: { id: number; workerId: string; attempt: number; now: Date },
  outcome: { error: string; retryAt: Date | null },
): Promise<'retry' | 'failed' | 'lost'> {
  const rows = await db
    .update(jobs)
    .set(
      outcome.retryAt === null
        ? { status: 'failed', finishedAt: job.now, leaseUntil: null, lastError: outcome.error }
        : {
            status: 'pending',
            runAt: outcome.retryAt,
            leaseUntil: null,
            lockedBy: null,
            lastError: outcome.error,
          },
    )
    .where(stillClaimed(job))
    .returning({ id: jobs.id });
  if (rows.length === 0) return 'lost';
  return outcome.retryAt === null ? 'failed' : 'retry';
}

/** Cancels jobs that have not started; a running one finishes (its handler re-checks). */
export async function cancelJobs(db: Db, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: now })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.status, 'pending')));
}

/** Jobs, oldest first, optionally of one kind (tests, operations). */
export async function listJobs(db: Db, filter: { kind?: string } = {}): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(filter.kind === undefined ? undefined : eq(jobs.kind, filter.kind))
    .orderBy(asc(jobs.id));
}

/** The earliest time a pending job is due; null when none is pending. */
export async function nextJobDue(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ runAt: jobs.runAt })
    .from(jobs)
    .where(eq(jobs.status, 'pending'))
    .orderBy(asc(jobs.runAt))
    .limit(1);
  return row?.runAt ?? null;
}
