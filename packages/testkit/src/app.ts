import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@workup/db';
import { SESSION_COOKIE, SessionInfoSchema } from '@workup/contracts';
import { createStaffUser, createUnit } from '@workup/db';
import {
  createApp,
  createJobRunner,
  REFERRAL_NOTIFY_JOB,
  createLogger,
  hashPassword,
  loadConfig,
  type App,
  type Clock,
  type Config,
  type ScryptParams,
} from '@workup/server';
import { openTestDatabase } from './database';

/** Cheap scrypt parameters so that tests do not spend a second per sign-in. */
export const TEST_SCRYPT: ScryptParams = { log2N: 10, r: 8, p: 1 };

export const WEB_DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface TestStaff {
  readonly id: string;
  readonly unitId: string;
  readonly email: string;
  readonly password: string;
}

export interface TestApp {
  readonly app: App;
  readonly config: Config;
  readonly clinician: TestStaff;
  /** A vocational adviser in the clinician's unit. */
  readonly adviser: TestStaff;
  /** Creates another unit with its own clinician (to test that units cannot see each other). */
  addClinician(unitName: string): Promise<TestStaff>;
}

/**
 * The real app on `database` with a unit and a clinician, silent logs (or a given stream),
 * cheap password hashing and optional config overrides through `env`.
 */
export async function createTestApp(
  database: Database,
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    webDistDir?: string | null;
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const config = loadConfig(
    { LOG_LEVEL: options.logStream ? 'info' : 'silent', ...options.env },
    { webDistDir: options.webDistDir ?? null },
  );
  const logger = createLogger({ level: config.logLevel }, options.logStream);
  const clock = options.clock ?? { now: () => new Date() };
  const app = await createApp({
    config,
    database,
    logger,
    clock,
    passwordParams: TEST_SCRYPT,
  });
  let counter = 0;
  const addClinician = async (unitName: string): Promise<TestStaff> => {
    counter += 1;
    const now = clock.now();
    const unit = await createUnit(database.db, { name: unitName, now });
    const email = `clinician${counter}@test.workup.invalid`;
    const password = `correct horse battery staple ${counter}`;
    const user = await createStaffUser(database.db, {
      unitId: unit.id,
      email,
      displayName: `Test Clinician ${counter}`,
      role: 'clinician',
      passwordHash: await hashPassword(password, TEST_SCRYPT),
      now,
    });
    return { id: user.id, unitId: unit.id, email, password };
  };
  const clinician = await addClinician('Test Health Centre');
  const adviserPassword = 'correct horse battery staple adviser';
  const adviserEmail = `adviser-${randomUUID().slice(0, 8)}@test.workup.invalid`;
  const adviserUser = await createStaffUser(database.db, {
    unitId: clinician.unitId,
    email: adviserEmail,
    displayName: 'Test Adviser',
    role: 'vocational_adviser',
    passwordHash: await hashPassword(adviserPassword, TEST_SCRYPT),
    now: clock.now(),
  });
  const adviser = {
    id: adviserUser.id,
    unitId: clinician.unitId,
    email: adviserEmail,
    password: adviserPassword,
  };
  return { app, config, clinician, adviser, addClinician };
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/**
 * The whole app listening on 127.0.0.1 with an in-memory database, serving the built web app
 * from packages/web/dist (npm test builds it first), with a clinician and a vocational adviser
 * of one unit, and the background job runner polling every 100 ms (e-mail goes to the outbox).
 */
export async function startTestServer(): Promise<{
  baseUrl: string;
  clinician: { email: string; password: string };
  adviser: { email: string; password: string };
  close(): Promise<void>;
}> {
  const database = await openTestDatabase('pglite');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { app, config, clinician, adviser } = await createTestApp(database, {
    env: { PUBLIC_URL: baseUrl, JOB_POLL_MS: '100' },
    webDistDir: WEB_DIST_DIR,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const jobs = createJobRunner({
    config,
    db: database.db,
    clock: { now: () => new Date() },
    logger: createLogger({ level: 'silent' }),
    // Only the referrer's notifications: follow-up openings and reminders stay as the
    // journeys arrange them.
    kinds: [REFERRAL_NOTIFY_JOB],
  });
  jobs.runner.start();
  return {
    baseUrl,
    clinician: { email: clinician.email, password: clinician.password },
    adviser: { email: adviser.email, password: adviser.password },
    async close() {
      await jobs.runner.stop();
      jobs.transports.mailer.close();
      await app.close();
      await database.close();
    },
  };
}

/**
 * Signs a staff member in through the real endpoint and returns what later requests need: the
 * `Cookie` header value and the CSRF token for changes.
 */
export async function signInStaff(harness: TestApp, staff: TestStaff = harness.clinician) {
  const response = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: staff.email, password: staff.password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed with ${String(response.statusCode)}: ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (cookie === undefined) throw new Error('sign-in set no session cookie');
  const { csrfToken } = SessionInfoSchema.parse(response.json());
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrfToken, rawCookie: cookie };
}
