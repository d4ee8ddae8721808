// Real server processes on one PostgreSQL: two instances send each due reminder exactly once,
// and an instance killed between claiming a reminder and sending it leaves a retry, not a loss.
// Needs TEST_DATABASE_URL (PGlite is one process by design); skipped with the reason otherwise.
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScheduleDefinitionSchema } from '@workup/contracts';
import {
  createFollowupEnrolment,
  createFollowupSchedule,
  createPatient,
  createStaffUser,
  createUnit,
  listJobs,
  openDatabase,
  schema,
  type Database,
} from '@workup/db';
import {
  createPostgresTestDatabase,
  freePort,
  spawnServer,
  waitForOutput,
  type ServerProcess,
} from '@workup/testkit';
import { startSmtpSink, type SmtpSink } from '../services/mailer-test-sink';
import { layOutEnrolment } from '../services/reminders';

const POSTGRES = process.env.TEST_DATABASE_URL;
const MISSING =
  'PostgreSQL not configured: set TEST_DATABASE_URL=postgres://user@host:port/db (bash .ci/run starts one)';

/** Today's baseline, open now, with one reminder due at once (a catch-up invitation). */
const DEFINITION = ScheduleDefinitionSchema.parse({
  timeZone: 'UTC',
  timepoints: [
    {
      timepoint: 'baseline',
      offset: { unit: 'days', value: 0 },
      instruments: ['sbt'],
      window: { opensBeforeDays: 0, dueAfterDays: 3, closesAfterDays: 14 },
    },
  ],
  reminders: { daysAfterOpening: [0], maxReminders: 1, sendAt: '00:00', channels: ['email'] },
});

/** A scratch database on the server with a unit, a clinician and a schedule. */
async function scratchDatabase() {
  const scratch = await createPostgresTestDatabase(POSTGRES);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 2 });
  const now = new Date();
  const unit = await createUnit(database.db, { name: 'Two Instances Centre', now });
  const clinician = await createStaffUser(database.db, {
    unitId: unit.id,
    email: `clinician-${String(now.getTime())}@test.workup.invalid`,
    displayName: 'Clinician',
    role: 'clinician',
    passwordHash: 'scrypt$unused',
    now,
  });
  const schedule = await createFollowupSchedule(database.db, {
    unitId: unit.id,
    name: 'Baseline',
    study: null,
    definition: DEFINITION,
    createdBy: clinician.id,
    now,
  });
  /** Includes `count` patients today, each with an e-mail address; their jobs are due now. */
  const enrol = async (count: number, prefix: string) => {
    for (let i = 0; i < count; i += 1) {
      await database.db.transaction(async (tx) => {
        const at = new Date();
        const patient = await createPatient(tx, {
          unitId: unit.id,
          givenName: 'Test',
          familyName: `Patient ${String(i)}`,
          birthYear: 1980,
          email: `${prefix}-${String(i)}@example.invalid`,
          now: at,
        });
        const enrolment = await createFollowupEnrolment(tx, {
          patientId: patient.id,
          scheduleId: schedule.id,
          episodeId: null,
          inclusionOn: at.toISOString().slice(0, 10),
          scheduleVersion: 1,
          createdBy: clinician.id,
          now: at,
        });
        await layOutEnrolment({ maxAttempts: 8 }, tx, enrolment, schedule, at);
      });
    }
  };
  return {
    url: scratch.url,
    database,
    enrol,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

async function startInstance(url: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const server = spawnServer({
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    JOB_POLL_MS: '50',
    ...env,
  });
  await waitForOutput(server, /workup is running/);
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const sentReminders = async (database: Database) =>
  (await database.db.select().from(schema.followupReminders)).filter(
    (reminder) => reminder.status === 'sent',
  ).length;

function skipWithoutPostgres(t: TestContext): boolean {
  if (POSTGRES) return false;
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${MISSING}`);
  process.stdout.write(`skipped: ${MISSING}\n`);
  t.skip(MISSING);
  return true;
}

describe('follow-up jobs on two app instances sharing one PostgreSQL', () => {
  const PATIENTS = 60;
  let sink: SmtpSink;
  let db: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
  const servers: ServerProcess[] = [];

  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => {
    for (const server of servers) await stop(server);
    await db?.close();
    await sink.close();
  });

  it('sends each due reminder exactly once', { timeout: 180_000 }, async (t) => {
    if (skipWithoutPostgres(t)) return;
    db = await scratchDatabase();
    const env = { SMTP_URL: sink.url, JOB_LEASE_SECONDS: '60' };
    servers.push(await startInstance(db.url, env), await startInstance(db.url, env));
    // Both are polling; now the reminders fall due, all at once.
    await db.enrol(PATIENTS, 'pair');
    const database = db.database;
    await until(async () => (await sentReminders(database)) === PATIENTS, 90_000, 'the reminders');
    // Anything sent twice would arrive within a few more polls.
    await sleep(1000);
    const recipients = sink.messages.flatMap((message) => message.to);
    assert.equal(sink.messages.length, PATIENTS, 'messages received by the SMTP server');
    assert.equal(new Set(recipients).size, PATIENTS, 'every patient exactly once');
    const messageIds = sink.messages.map(
      (message) => /^Message-ID: (.+)$/im.exec(message.data)?.[1] ?? '',
    );
    assert.equal(new Set(messageIds).size, PATIENTS);
    const reminderJobs = (await listJobs(database.db, { kind: 'followup.remind' })).filter(
      (job) => job.status === 'done',
    );
    assert.equal(reminderJobs.length, PATIENTS);
    assert.ok(reminderJobs.every((job) => job.attempts === 1));
    // Both instances did part of the work.
    const workers = new Set(reminderJobs.map((job) => job.lockedBy));
    assert.equal(workers.size, 2, `reminders sent by ${String(workers.size)} instance(s)`);
  });
});

describe('an instance killed between claiming a reminder and sending it', () => {
  let hung: SmtpSink;
  let working: SmtpSink;
  let db: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
  const servers: ServerProcess[] = [];

  before(async () => {
    hung = await startSmtpSink();
    hung.hang = true;
    working = await startSmtpSink();
  });
  after(async () => {
    for (const server of servers) await stop(server);
    await db?.close();
    await hung.close();
    await working.close();
  });

  it(
    'leaves a retry after its lease, not a loss, and no duplicate',
    { timeout: 180_000 },
    async (t) => {
      if (skipWithoutPostgres(t)) return;
      db = await scratchDatabase();
      const database = db.database;
      // Instance A's mail server never answers: A claims the reminder and is stuck sending it.
      const first = await startInstance(db.url, { SMTP_URL: hung.url, JOB_LEASE_SECONDS: '4' });
      servers.push(first);
      await db.enrol(1, 'crash');
      await until(() => Promise.resolve(hung.connections > 0), 30_000, 'A to start sending');
      const [claimed] = await listJobs(database.db, { kind: 'followup.remind' });
      assert.equal(claimed?.status, 'running');
      assert.equal(claimed.attempts, 1);
      // Killed mid-send, as a crash or a power cut would.
      first.child.kill('SIGKILL');
      await first.exited;
      // Instance B takes the job over once A's lease has run out, and sends it.
      const second = await startInstance(db.url, { SMTP_URL: working.url, JOB_LEASE_SECONDS: '4' });
      servers.push(second);
      await until(async () => (await sentReminders(database)) === 1, 60_000, 'the retry');
      await sleep(500);
      assert.equal(working.messages.length, 1);
      assert.deepEqual(working.messages[0]?.to, ['crash-0@example.invalid']);
      const [job] = await listJobs(database.db, { kind: 'followup.remind' });
      assert.equal(job?.status, 'done');
      assert.equal(job.attempts, 2);
      assert.notEqual(job.lockedBy, claimed.lockedBy);
    },
  );
});
