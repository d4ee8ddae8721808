// Crash safety (issue 5): the real server process is killed with SIGKILL twenty times while
// patients submit questionnaires, on embedded PGlite and on PostgreSQL. After every kill the
// server must restart, and every submission it acknowledged (201) must be in the record.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import {
  PatientDetailSchema,
  PatientSummarySchema,
  QuestionnaireLinkSchema,
  SessionInfoSchema,
} from '@workup/contracts';
import {
  createPostgresTestDatabase,
  freePort,
  spawnServer,
  waitForOutput,
  type ServerProcess,
} from '@workup/testkit';

const KILLS = 20;
const SUBMISSIONS_PER_ROUND = 6;
const ANSWERS = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 1, '9': 3 };

/** A small seeded generator (mulberry32), so that a failing run can be repeated exactly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Acknowledged {
  readonly patientId: string;
  readonly assignmentId: string;
  submitted: boolean;
}

class Client {
  cookie = '';
  csrfToken = '';
  constructor(private readonly base: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const response = await fetch(`${this.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('workup_session='));
    assert.ok(setCookie);
    this.cookie = setCookie.split(';')[0] ?? '';
    this.csrfToken = SessionInfoSchema.parse(await response.json()).csrfToken;
  }

  async send(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

async function runCrashRounds(t: TestContext, env: Record<string, string>, seed: number) {
  const random = seededRandom(seed);
  const port = await freePort();
  const base = `http://127.0.0.1:${String(port)}`;
  const serverEnv = { ...env, PORT: String(port), LOG_LEVEL: 'warn', PUBLIC_URL: base };
  const client = new Client(base);
  const acknowledged: Acknowledged[] = [];
  let login: RegExpExecArray | null = null;
  let server: ServerProcess | null = null;
  t.after(() => server?.child.kill('SIGKILL'));

  const verify = async (round: number) => {
    for (const ack of acknowledged) {
      const response = await client.send('GET', `/patients/${ack.patientId}`);
      assert.equal(response.status, 200, `round ${String(round)}: acknowledged patient is there`);
      const detail = PatientDetailSchema.parse(await response.json());
      const assignment = detail.assignments.find((a) => a.id === ack.assignmentId);
      assert.ok(assignment, `round ${String(round)}: acknowledged link is there`);
      if (ack.submitted) {
        assert.equal(
          assignment.status,
          'submitted',
          `round ${String(round)}: acknowledged answers`,
        );
      }
    }
  };

  for (let round = 0; round <= KILLS; round += 1) {
    server = spawnServer(serverEnv);
    await waitForOutput(server, /workup is running/, 60_000);
    if (round === 0) {
      login = /e-mail:\s+(\S+)\s+password:\s+(\S+)/.exec(server.stdout());
      assert.ok(login, 'the demo login is printed on first start');
    }
    assert.ok(login);
    if ((await client.send('GET', '/auth/session')).status !== 200) {
      await client.signIn(login[1] ?? '', login[2] ?? '');
    }
    await verify(round);
    if (round === KILLS) break;

    // Patients and links, acknowledged one by one.
    const batch: { ack: Acknowledged; token: string }[] = [];
    for (let index = 0; index < SUBMISSIONS_PER_ROUND; index += 1) {
      const created = await client.send('POST', '/patients', {
        givenName: `Crash${String(round)}`,
        familyName: `Test${String(index)}`,
      });
      assert.equal(created.status, 201);
      const patient = PatientSummarySchema.parse(await created.json());
      const linked = await client.send('POST', `/patients/${patient.id}/questionnaire-links`, {
        instrument: 'sbt',
      });
      assert.equal(linked.status, 201);
      const link = QuestionnaireLinkSchema.parse(await linked.json());
      const ack = { patientId: patient.id, assignmentId: link.assignment.id, submitted: false };
      acknowledged.push(ack);
      batch.push({ ack, token: new URL(link.url).hash.slice(1) });
    }

    // Submissions in flight, and SIGKILL at a seeded moment among them: after the first is
    // acknowledged (so that the kill lands while others are being stored), or after 3 s.
    let firstAck: () => void = () => undefined;
    const acknowledgedOnce = new Promise<void>((resolve) => {
      firstAck = resolve;
      setTimeout(resolve, 3_000);
    });
    const submissions = batch.map(async ({ ack, token }, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 10));
      try {
        const response = await fetch(`${base}/api/v1/respond`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ answers: ANSWERS }),
        });
        if (response.status === 201) {
          ack.submitted = true;
          firstAck();
        }
      } catch {
        // The connection died with the server: not acknowledged, so nothing is promised.
      }
    });
    await acknowledgedOnce;
    const delay = Math.floor(random() * 25);
    await new Promise((resolve) => setTimeout(resolve, delay));
    const exited = server.exited;
    server.child.kill('SIGKILL');
    await exited;
    await Promise.all(submissions);
  }
  const submitted = acknowledged.filter((ack) => ack.submitted).length;
  t.diagnostic(
    `${String(KILLS)} kills; ${String(acknowledged.length)} links and ${String(submitted)} acknowledged submissions all present`,
  );
  assert.ok(submitted > 0, 'some submissions were acknowledged before the kills');
  const last = server;
  assert.ok(last);
  last.child.kill('SIGTERM');
  await last.exited;
}

describe('crash safety: SIGKILL during submissions', { concurrency: false }, () => {
  it('on embedded PGlite: restarts every time and keeps every acknowledged submission', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'workup-crash-'));
    t.after(() => {
      rmSync(dataDir, { recursive: true, force: true });
    });
    await runCrashRounds(t, { DATA_DIR: dataDir }, 20261123);
  });

  it('on PostgreSQL: restarts every time and keeps every acknowledged submission', async (t) => {
    if (!process.env.TEST_DATABASE_URL) {
      const reason = 'PostgreSQL not configured: set TEST_DATABASE_URL (bash .ci/run starts one)';
      if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
      process.stdout.write(`skipped: ${reason}\n`);
      t.skip(reason);
      return;
    }
    const scratch = await createPostgresTestDatabase();
    t.after(() => scratch.drop());
    await runCrashRounds(t, { DATABASE_URL: scratch.url }, 20261124);
  });
});
