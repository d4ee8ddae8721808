// Staff sign-in additions: password rehash when the parameters change, the TOTP second factor
// (enrolment, sign-in, replay, a site that requires it) on an injected clock, and accounts an
// administrator disables or whose second factor they reset.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Secret } from 'otpauth';
import {
  ProblemSchema,
  SessionInfoSchema,
  StaffAccountSchema,
  StaffListSchema,
  TotpEnrolmentSchema,
} from '@workup/contracts';
import { createStaffUser, findStaffUserByEmail, listAuditEvents } from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  TEST_SCRYPT,
  type TestApp,
  type TestStaff,
} from '@workup/testkit';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { hashPassword, type ScryptParams } from '../../services/passwords';
import { totpCode } from '../../services/totp';

const TOTP_KEY = Buffer.alloc(32, 42).toString('base64');
const codeAt = (secret: string, at: Date) => totpCode(Secret.fromBase32(secret), at);

describeEachDatabase('staff sign-in: rehash and second factor', (getDatabase) => {
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');
  let harness: TestApp;

  before(async () => {
    harness = await createTestApp(getDatabase(), {
      clock,
      env: { TOTP_KEY, SIGN_IN_MAX_ATTEMPTS: '100' },
    });
  });

  /** Another app on the same database, with other settings. */
  const makeApp = (env: Record<string, string>, passwordParams: ScryptParams = TEST_SCRYPT) =>
    createApp({
      config: loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_MAX_ATTEMPTS: '100', ...env }),
      database: getDatabase(),
      logger: createLogger({ level: 'silent' }),
      clock,
      passwordParams,
    });

  /** Signs in on `app`; resolves to the cookie and CSRF token. */
  const signInOn = async (app: Awaited<ReturnType<typeof makeApp>>, staff: TestStaff) => {
    const response = await signIn(staff, undefined, app);
    assert.equal(response.statusCode, 200, response.body);
    const cookie = response.cookies.find((c) => c.name === 'workup_session');
    assert.ok(cookie);
    return {
      cookie: `workup_session=${cookie.value}`,
      csrfToken: SessionInfoSchema.parse(response.json()).csrfToken,
    };
  };

  const signIn = (
    staff: TestStaff,
    totp?: string,
    app: Awaited<ReturnType<typeof makeApp>> = harness.app,
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: staff.email, password: staff.password, ...(totp ? { totp } : {}) },
    });

  const post = (session: { cookie: string; csrfToken: string }, url: string, payload: unknown) =>
    harness.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: payload as Record<string, unknown>,
    });

  /** Enrols `staff` and resolves to the base32 secret. */
  const enrol = async (staff: TestStaff) => {
    const session = await signInStaff(harness, staff);
    const started = await post(session, '/auth/totp/enrolment', {});
    assert.equal(started.statusCode, 201, started.body);
    const { secret, otpauthUri } = TotpEnrolmentSchema.parse(started.json());
    assert.equal(new URL(otpauthUri).searchParams.get('secret'), secret);
    const confirmed = await post(session, '/auth/totp/confirmation', {
      code: codeAt(secret, clock.now()),
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual(SessionInfoSchema.parse(confirmed.json()).totp, {
      enabled: true,
      enrolmentRequired: false,
    });
    return { secret, session };
  };

  it('rehashes the password at sign-in when the stored parameters differ from the current', async () => {
    const older: ScryptParams = { log2N: 10, r: 8, p: 1 };
    const current: ScryptParams = { log2N: 11, r: 8, p: 2 };
    const password = 'a password hashed with older parameters';
    const email = 'rehash@test.workup.invalid';
    await createStaffUser(getDatabase().db, {
      unitId: harness.clinician.unitId,
      email,
      displayName: 'Rehash',
      role: 'clinician',
      passwordHash: await hashPassword(password, older),
      now: clock.now(),
    });
    const app = await makeApp({}, current);
    const staff = { id: '', unitId: '', email, password };
    const storedHash = async () =>
      (await findStaffUserByEmail(getDatabase().db, email))?.passwordHash;
    assert.match(String(await storedHash()), /^scrypt\$ln=10,r=8,p=1\$/);
    const wrong = await signIn({ ...staff, password: 'not it' }, undefined, app);
    assert.equal(wrong.statusCode, 401);
    assert.match(
      String(await storedHash()),
      /^scrypt\$ln=10,r=8,p=1\$/,
      'no rehash on a wrong password',
    );
    assert.equal((await signIn(staff, undefined, app)).statusCode, 200);
    const upgraded = String(await storedHash());
    assert.match(upgraded, /^scrypt\$ln=11,r=8,p=2\$/);
    assert.equal((await signIn(staff, undefined, app)).statusCode, 200);
    assert.equal(await storedHash(), upgraded, 'no second rehash with the same parameters');
    await app.close();
  });

  it('enrols with an otpauth URI, then asks for a code at every sign-in', async () => {
    const staff = await harness.addClinician('TOTP Centre');
    const { secret } = await enrol(staff);
    const stored = await findStaffUserByEmail(getDatabase().db, staff.email);
    assert.ok(stored?.totpSecret);
    assert.equal(stored.totpSecret.includes(secret), false, 'the secret is stored encrypted');
    assert.equal(stored.totpPendingSecret, null);

    clock.advance(60_000);
    const missing = await signIn(staff);
    assert.equal(missing.statusCode, 401);
    assert.equal(ProblemSchema.parse(missing.json()).code, 'totp_required');
    const wrong = await signIn(staff, codeAt(secret, new Date(clock.now().getTime() + 120_000)));
    assert.equal(ProblemSchema.parse(wrong.json()).code, 'invalid_totp');
    const good = await signIn(staff, codeAt(secret, clock.now()));
    assert.equal(good.statusCode, 200, good.body);
    assert.deepEqual(SessionInfoSchema.parse(good.json()).totp, {
      enabled: true,
      enrolmentRequired: false,
    });
    // The same code again (a replay) is refused, even within its 30 seconds.
    const replayed = await signIn(staff, codeAt(secret, clock.now()));
    assert.equal(replayed.statusCode, 401);
    assert.equal(ProblemSchema.parse(replayed.json()).code, 'invalid_totp');
    // One step of drift either way is accepted.
    clock.advance(60_000);
    const drifted = await signIn(staff, codeAt(secret, new Date(clock.now().getTime() - 30_000)));
    assert.equal(drifted.statusCode, 200, drifted.body);

    // The secret is never shown again: not by the session, not to an administrator.
    const session = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `workup_session=${String(drifted.cookies[0]?.value)}` },
    });
    assert.equal(session.body.includes(secret), false);
    const again = await post(
      {
        cookie: `workup_session=${String(drifted.cookies[0]?.value)}`,
        csrfToken: SessionInfoSchema.parse(drifted.json()).csrfToken,
      },
      '/auth/totp/enrolment',
      {},
    );
    assert.equal(again.statusCode, 409);
    const reasons = (await listAuditEvents(getDatabase().db))
      .filter((e) => e.subjectId === staff.id && e.outcome === 'denied')
      .map((e) => (e.detail as { reason?: string } | null)?.reason);
    assert.deepEqual(reasons, ['totp_missing', 'totp_invalid', 'totp_replayed']);
  });

  it('refuses a confirmation code that does not match the new secret', async () => {
    const staff = await harness.addClinician('Confirm Centre');
    const session = await signInStaff(harness, staff);
    const none = await post(session, '/auth/totp/confirmation', { code: '123456' });
    assert.equal(none.statusCode, 409);
    const { secret } = TotpEnrolmentSchema.parse(
      (await post(session, '/auth/totp/enrolment', {})).json(),
    );
    const wrong = await post(session, '/auth/totp/confirmation', {
      code: codeAt(secret, new Date(clock.now().getTime() + 300_000)),
    });
    assert.equal(wrong.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(wrong.json()).errors?.[0]?.path, ['code']);
    assert.equal((await signIn(staff)).statusCode, 200, 'not enabled before confirmation');
  });

  it('with TOTP_REQUIRED, lets someone without a second factor only enrol', async () => {
    const strict = await makeApp({ TOTP_KEY, TOTP_REQUIRED: 'true' });
    const staff = await harness.addClinician('Strict Centre');
    const session = await signInOn(strict, staff);
    const info = await strict.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    });
    assert.deepEqual(SessionInfoSchema.parse(info.json()).totp, {
      enabled: false,
      enrolmentRequired: true,
    });
    const blocked = await strict.inject({
      method: 'GET',
      url: '/api/v1/patients',
      headers: { cookie: session.cookie },
    });
    assert.equal(blocked.statusCode, 403);
    assert.equal(ProblemSchema.parse(blocked.json()).code, 'totp_enrolment_required');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const { secret } = TotpEnrolmentSchema.parse(
      (
        await strict.inject({
          method: 'POST',
          url: '/api/v1/auth/totp/enrolment',
          headers,
          payload: {},
        })
      ).json(),
    );
    const confirmed = await strict.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirmation',
      headers,
      payload: { code: codeAt(secret, clock.now()) },
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const open = await strict.inject({
      method: 'GET',
      url: '/api/v1/patients',
      headers: { cookie: session.cookie },
    });
    assert.equal(open.statusCode, 200);
    clock.advance(30_000);
    const withCode = await signIn(staff, codeAt(secret, clock.now()), strict);
    assert.equal(withCode.statusCode, 200, withCode.body);
    assert.equal(SessionInfoSchema.parse(withCode.json()).totp?.enrolmentRequired, false);
    await strict.close();
  });

  it('answers 503 for enrolment when the server has no TOTP_KEY', async () => {
    const keyless = await makeApp({});
    const session = await signInOn(keyless, await harness.addClinician('Keyless Centre'));
    const response = await keyless.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrolment',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: {},
    });
    assert.equal(response.statusCode, 503);
    assert.equal(ProblemSchema.parse(response.json()).code, 'totp_unavailable');
    await keyless.close();
  });

  it('lets an administrator reset a lost second factor and disable an account', async () => {
    const email = `admin${String(Date.now())}@test.workup.invalid`;
    const password = 'administrator password';
    const adminRow = await createStaffUser(getDatabase().db, {
      unitId: harness.clinician.unitId,
      email,
      displayName: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword(password, TEST_SCRYPT),
      now: clock.now(),
    });
    const admin = await signInStaff(harness, {
      id: adminRow.id,
      unitId: adminRow.unitId,
      email,
      password,
    });
    const staff = await harness.addClinician('Reset Centre');
    const { session: staffSession } = await enrol(staff);
    const list = StaffListSchema.parse(
      (
        await harness.app.inject({
          method: 'GET',
          url: '/api/v1/staff',
          headers: { cookie: admin.cookie },
        })
      ).json(),
    );
    assert.equal(list.staff.find((s) => s.id === staff.id)?.totpEnabled, true);
    const patch = (body: Record<string, unknown>) =>
      harness.app.inject({
        method: 'PATCH',
        url: `/api/v1/staff/${staff.id}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        payload: body,
      });
    const reset = await patch({ resetTotp: true });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal(StaffAccountSchema.parse(reset.json()).totpEnabled, false);
    const ended = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: staffSession.cookie },
    });
    assert.equal(ended.statusCode, 401, 'a reset ends the sessions');
    assert.equal((await signIn(staff)).statusCode, 200, 'no code needed after the reset');

    const disabled = await patch({ disabled: true });
    assert.equal(StaffAccountSchema.parse(disabled.json()).disabled, true);
    const refused = await signIn(staff);
    assert.equal(refused.statusCode, 401);
    assert.equal(ProblemSchema.parse(refused.json()).code, 'invalid_credentials');
    const self = await harness.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${adminRow.id}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { role: 'clinician' },
    });
    assert.equal(self.statusCode, 422);
    assert.equal((await patch({ disabled: false })).statusCode, 200);
    assert.equal((await signIn(staff)).statusCode, 200);
  });
});
