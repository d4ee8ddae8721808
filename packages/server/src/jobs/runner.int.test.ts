// The job runner on a real database: jobs exist only if their transaction committed, run once,
// retry with backoff, give up and say so, and survive a worker that dies between claim and work.
// Two real server processes racing for the same jobs are in two-instances.int.test.ts.
import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import pino from 'pino';
import { claimJobs, completeJob, enqueueJob, listJobs, type JobRow } from '@workup/db';
import { describeEachDatabase, FakeClock } from '@workup/testkit';
import { describeError, JobRunner, type JobHandler } from './runner';

const LEASE_MS = 60_000;
const silent = pino({ level: 'silent' });

describeEachDatabase('job runner', (getDatabase) => {
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');
  const ran: number[] = [];
  let failuresLeft = 0;
  const gaveUp: number[] = [];

  const handlers: Record<string, JobHandler> = {
    'test.ok': (job: JobRow) => {
      ran.push(job.id);
      return Promise.resolve();
    },
    'test.flaky': (job: JobRow) => {
      ran.push(job.id);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        const error = new Error('Recipient rejected: patient@example.invalid') as Error & {
          code: string;
        };
        error.code = 'EENVELOPE';
        return Promise.reject(error);
      }
      return Promise.resolve();
    },
  };
  const runner = (workerId: string) =>
    new JobRunner({
      db: getDatabase().db,
      clock,
      logger: silent,
      handlers,
      onGiveUp: {
        'test.flaky': (job) => {
          gaveUp.push(job.id);
          return Promise.resolve();
        },
      },
      leaseMs: LEASE_MS,
      pollMs: 10,
      workerId,
    });
  const enqueue = (kind: string, maxAttempts = 3, runAt = clock.now()) =>
    enqueueJob(getDatabase().db, { kind, payload: {}, runAt, maxAttempts, now: clock.now() });
  const jobById = async (id: number) => {
    const job = (await listJobs(getDatabase().db)).find((row) => row.id === id);
    assert.ok(job);
    return job;
  };

  beforeEach(() => {
    ran.length = 0;
    gaveUp.length = 0;
    failuresLeft = 0;
    clock.advance(24 * 3_600_000);
  });

  it('a job enqueued in a transaction that rolls back never exists', async () => {
    const before = (await listJobs(getDatabase().db)).length;
    await assert.rejects(
      getDatabase().db.transaction(async (tx) => {
        await enqueueJob(tx, {
          kind: 'test.ok',
          payload: {},
          runAt: clock.now(),
          maxAttempts: 1,
          now: clock.now(),
        });
        throw new Error('the change failed');
      }),
    );
    assert.equal((await listJobs(getDatabase().db)).length, before);
  });

  it('runs a due job once, and not one whose time has not come', async () => {
    const due = await enqueue('test.ok');
    const later = await enqueue('test.ok', 3, new Date(clock.now().getTime() + 60_000));
    assert.equal(await runner('a').drain(), 1);
    assert.deepEqual(ran, [due]);
    assert.equal((await jobById(due)).status, 'done');
    assert.equal((await jobById(later)).status, 'pending');
    clock.advance(60_000);
    await runner('a').drain();
    assert.deepEqual(ran, [due, later]);
  });

  it('retries with backoff (30 s, then 60 s) and records only the error class and code', async () => {
    failuresLeft = 2;
    const id = await enqueue('test.flaky', 5);
    const worker = runner('a');
    await worker.drain();
    let job = await jobById(id);
    assert.equal(job.status, 'pending');
    assert.equal(job.attempts, 1);
    assert.equal(job.runAt.getTime() - clock.now().getTime(), 30_000);
    assert.equal(job.lastError, 'Error EENVELOPE');
    clock.advance(29_999);
    assert.equal(await worker.drain(), 0);
    clock.advance(1);
    await worker.drain();
    job = await jobById(id);
    assert.equal(job.runAt.getTime() - clock.now().getTime(), 60_000);
    clock.advance(60_000);
    await worker.drain();
    job = await jobById(id);
    assert.equal(job.status, 'done');
    assert.equal(job.attempts, 3);
    assert.deepEqual(ran, [id, id, id]);
  });

  it('gives up after its attempts, marks the job failed and says so once', async () => {
    failuresLeft = 10;
    const id = await enqueue('test.flaky', 2);
    const worker = runner('a');
    await worker.drain();
    clock.advance(30_000);
    await worker.drain();
    clock.advance(3_600_000);
    assert.equal(await worker.drain(), 0);
    const job = await jobById(id);
    assert.equal(job.status, 'failed');
    assert.equal(job.attempts, 2);
    assert.ok(job.finishedAt);
    assert.deepEqual(gaveUp, [id]);
  });

  it('a worker that dies between claim and work: the job is retried after its lease, not lost', async () => {
    const id = await enqueue('test.ok');
    // Worker A claims the job and dies before running it (nothing more happens on its side).
    const claimed = await claimJobs(getDatabase().db, {
      workerId: 'crashed',
      now: clock.now(),
      leaseMs: LEASE_MS,
      limit: 10,
    });
    assert.deepEqual(
      claimed.map((job) => job.id),
      [id],
    );
    const survivor = runner('b');
    assert.equal(await survivor.drain(), 0, 'leased: nobody else may take it yet');
    clock.advance(LEASE_MS);
    assert.equal(await survivor.drain(), 1);
    assert.deepEqual(ran, [id]);
    const job = await jobById(id);
    assert.equal(job.status, 'done');
    assert.equal(job.attempts, 2);
    assert.equal(job.lockedBy, 'b');
    // Had A only been slow, its late completion would be refused (fenced by worker and attempt).
    assert.equal(
      await completeJob(getDatabase().db, {
        id,
        workerId: 'crashed',
        attempt: 1,
        now: clock.now(),
      }),
      false,
    );
  });

  it('a job whose workers keep dying is given up without running again', async () => {
    const id = await enqueue('test.flaky', 2);
    for (let crash = 0; crash < 2; crash += 1) {
      await claimJobs(getDatabase().db, {
        workerId: `crash-${crash}`,
        now: clock.now(),
        leaseMs: LEASE_MS,
        limit: 10,
      });
      clock.advance(LEASE_MS);
    }
    await runner('b').drain();
    assert.deepEqual(ran, []);
    assert.equal((await jobById(id)).status, 'failed');
    assert.equal((await jobById(id)).lastError, 'lease expired on every attempt');
    assert.deepEqual(gaveUp, [id]);
  });

  it('two workers claiming at the same moment never get the same job', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i += 1) ids.push(await enqueue('test.ok'));
    const claim = (workerId: string) =>
      claimJobs(getDatabase().db, { workerId, now: clock.now(), leaseMs: LEASE_MS, limit: 15 });
    const [a, b] = await Promise.all([claim('a'), claim('b')]);
    const all = [...a, ...b].map((job) => job.id);
    assert.equal(new Set(all).size, all.length, 'a job was claimed twice');
    assert.deepEqual(
      [...all].sort((x, y) => x - y),
      [...ids].sort((x, y) => x - y),
    );
  });

  it('keeps personal data out of recorded errors', () => {
    const error = Object.assign(new Error('550 <greta@example.invalid> unknown'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    assert.equal(describeError(error), 'Error EENVELOPE 550');
    assert.equal(describeError('x'), 'non-error thrown');
  });
});
