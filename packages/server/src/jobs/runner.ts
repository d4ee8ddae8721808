import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { claimJobs, completeJob, failJob, type Db, type JobRow } from '@workup/db';
import type { Clock } from '../services/clock';
import { retryDelayMs } from './backoff';

/** Does a job's work; throws to have it retried. */
export type JobHandler = (job: JobRow) => Promise<void>;

export interface JobRunnerOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Called once when a job of that kind is given up, after it was marked failed. */
  readonly onGiveUp?: Readonly<Record<string, JobHandler>>;
  readonly leaseMs: number;
  readonly pollMs: number;
  /** Jobs claimed at a time. */
  readonly batchSize?: number;
  readonly workerId?: string;
  readonly retryDelayMs?: (attempt: number) => number;
}

/**
 * Only the class and code of an error go to the jobs table and the logs: a transport's message
 * may quote an address or a phone number.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const code = (error as { code?: unknown }).code;
  const status = (error as { responseCode?: unknown; status?: unknown }).responseCode;
  return [
    error.name,
    typeof code === 'string' ? code : null,
    typeof status === 'number' ? status : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
}

/**
 * Runs durable jobs from the `jobs` table: claims due ones (`FOR UPDATE SKIP LOCKED`, with a
 * lease), runs their handler, marks them done, or schedules a retry with backoff and gives up
 * after the job's attempts. Any number of runners may share one PostgreSQL; a job is run by one
 * at a time, and a runner that dies leaves its claims to be taken again when their lease ends.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly options: JobRunnerOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(options: JobRunnerOptions) {
    this.options = options;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Claims the jobs due now and runs them one after another; resolves to how many ran. */
  async runDue(): Promise<number> {
    const { db, clock, leaseMs } = this.options;
    const claimed = await claimJobs(db, {
      workerId: this.workerId,
      now: clock.now(),
      leaseMs,
      limit: this.options.batchSize ?? 10,
      kinds: Object.keys(this.options.handlers),
    });
    for (const job of claimed) await this.run(job);
    return claimed.length;
  }

  /** Runs due jobs until none is left (tests step a fake clock and drain). */
  async drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const ran = await this.runDue();
      total += ran;
      if (ran === 0) return total;
    }
    throw new Error(`jobs still due after ${maxRounds} rounds`);
  }

  private async run(job: JobRow): Promise<void> {
    const { db, clock, logger } = this.options;
    const claim = { id: job.id, workerId: this.workerId, attempt: job.attempts };
    const log = logger.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    const giveUp = async (reason: string) => {
      const outcome = await failJob(
        db,
        { ...claim, now: clock.now() },
        { error: reason, retryAt: null },
      );
      if (outcome !== 'failed') return;
      log.error({ reason }, 'job gave up');
      await this.options.onGiveUp?.[job.kind]?.(job);
    };
    // Claimed again after leases ran out more often than it may be tried: a crash loop.
    if (job.attempts > job.maxAttempts) {
      await giveUp('lease expired on every attempt');
      return;
    }
    const handler = this.options.handlers[job.kind];
    if (!handler) {
      await giveUp(`no handler for ${job.kind}`);
      return;
    }
    try {
      await handler(job);
    } catch (error) {
      const reason = describeError(error);
      if (job.attempts >= job.maxAttempts) {
        await giveUp(reason);
        return;
      }
      const delay = (this.options.retryDelayMs ?? retryDelayMs)(job.attempts);
      const now = clock.now();
      const outcome = await failJob(
        db,
        { ...claim, now },
        { error: reason, retryAt: new Date(now.getTime() + delay) },
      );
      log.warn({ reason, retryInMs: delay, outcome }, 'job failed; retrying later');
      return;
    }
    const done = await completeJob(db, { ...claim, now: clock.now() });
    if (done) log.debug('job done');
    else log.warn('job finished after its lease ran out and was claimed again');
  }

  /** Polls for due jobs every `pollMs` until {@link stop}. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.drain(100)
        .catch((error: unknown) => {
          this.options.logger.error({ err: describeError(error) }, 'job runner round failed');
        })
        .finally(() => {
          this.running = null;
          if (!this.stopped) {
            this.timer = setTimeout(tick, this.options.pollMs);
            this.timer.unref();
          }
        });
    };
    tick();
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
