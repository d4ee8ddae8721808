import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  HealthSchema,
  PatientDetailSchema,
  PatientListSchema,
  PatientSummarySchema,
  ProblemSchema,
  QuestionnaireFormSchema,
  QuestionnaireLinkSchema,
  SessionInfoSchema,
  SessionStateSchema,
} from '@workup/contracts';
import { listAuditEvents } from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  type TestApp,
} from '@workup/testkit';

const HIGH_RISK = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 1, '9': 3 };

const signIn = signInStaff;

function tokenOf(url: string): string {
  return new URL(url).hash.slice(1);
}

describeEachDatabase('walking skeleton over HTTP', (getDatabase, kind) => {
  let harness: TestApp;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  before(async () => {
    harness = await createTestApp(getDatabase(), {
      clock,
      env: { PUBLIC_URL: 'https://workup.test', SIGN_IN_MAX_ATTEMPTS: '30' },
    });
  });

  it('answers /healthz without authentication with the database kind', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    const health = HealthSchema.parse(response.json());
    assert.equal(health.database.kind, kind);
    assert.equal(health.database.durability, kind === 'pglite' ? 'memory' : 'synchronous');
  });

  it('signs a clinician in with a hardened session cookie', async () => {
    const { rawCookie } = await signIn(harness);
    assert.equal(rawCookie.httpOnly, true);
    assert.equal(rawCookie.sameSite, 'Strict');
    assert.equal(rawCookie.secure, true);
    assert.equal(rawCookie.path, '/');
  });

  it('refuses a wrong password with problem+json and audits it', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: harness.clinician.email, password: 'wrong password' },
    });
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(ProblemSchema.parse(response.json()).code, 'invalid_credentials');
    const events = await listAuditEvents(getDatabase().db);
    assert.ok(events.some((e) => e.action === 'staff.sign_in' && e.outcome === 'denied'));
  });

  it('needs a session for patient data and the CSRF token for changes', async () => {
    const anonymous = await harness.app.inject({ method: 'GET', url: '/api/v1/patients' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(ProblemSchema.parse(anonymous.json()).code, 'unauthenticated');
    const { cookie } = await signIn(harness);
    const noCsrf = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { cookie },
      payload: { givenName: 'Eva', familyName: 'Lund' },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(ProblemSchema.parse(noCsrf.json()).code, 'csrf_failed');
  });

  it('runs the journey: patient, link, answers, scores, audit', async () => {
    const { cookie, csrfToken } = await signIn(harness);
    const headers = { cookie, 'x-csrf-token': csrfToken };

    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers,
      payload: { givenName: 'Eva', familyName: 'Lund', birthYear: 1980 },
    });
    assert.equal(created.statusCode, 201, created.body);
    const patient = PatientSummarySchema.parse(created.json());

    const linked = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers,
      payload: { instrument: 'sbt' },
    });
    assert.equal(linked.statusCode, 201, linked.body);
    const link = QuestionnaireLinkSchema.parse(linked.json());
    assert.match(link.url, /^https:\/\/workup\.test\/q#[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${tokenOf(link.url)}` };

    const form = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/respond',
      headers: bearer,
    });
    assert.equal(form.statusCode, 200, form.body);
    const questionnaire = QuestionnaireFormSchema.parse(form.json());
    assert.equal(questionnaire.instrument, 'sbt');
    assert.deepEqual(
      questionnaire.items.map((item) => item.key),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    );

    const outOfRange = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: bearer,
      payload: { answers: { ...HIGH_RISK, '9': 7 } },
    });
    assert.equal(outOfRange.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(outOfRange.json()).errors?.[0]?.path, ['answers', '9']);

    const incomplete = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: bearer,
      payload: { answers: { ...HIGH_RISK, '5': null } },
    });
    assert.equal(incomplete.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(incomplete.json()).errors?.[0]?.path, ['answers', '5']);

    const submitted = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: bearer,
      payload: { answers: HIGH_RISK },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);

    const again = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: bearer,
      payload: { answers: HIGH_RISK },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(ProblemSchema.parse(again.json()).code, 'already_submitted');

    const detail = await harness.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patient.id}`,
      headers: { cookie },
    });
    assert.equal(detail.statusCode, 200, detail.body);
    const record = PatientDetailSchema.parse(detail.json());
    assert.deepEqual(record.latestSbt?.scores, { total: 6, psychosocial: 4, risk: 'high' });
    assert.equal(record.assignments[0]?.status, 'submitted');

    const list = PatientListSchema.parse(
      (
        await harness.app.inject({ method: 'GET', url: '/api/v1/patients', headers: { cookie } })
      ).json(),
    );
    assert.equal(list.patients.find((p) => p.id === patient.id)?.latestSbt?.scores.risk, 'high');

    const trail = await listAuditEvents(getDatabase().db, { patientId: patient.id });
    assert.deepEqual(
      trail.map((event) => `${event.actorType}:${event.action}:${event.outcome}`),
      [
        'staff:patient.create:success',
        'staff:questionnaire_link.create:success',
        'patient_link:questionnaire.open:success',
        'patient_link:questionnaire.submit:success',
        'patient_link:questionnaire.submit:denied',
        'staff:patient.read:success',
      ],
    );
    for (const event of trail) assert.equal(JSON.stringify(event).includes('Lund'), false);
  });

  it('keeps units apart: another unit’s clinician cannot read the patient', async () => {
    const own = await signIn(harness);
    const created = PatientSummarySchema.parse(
      (
        await harness.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers: { cookie: own.cookie, 'x-csrf-token': own.csrfToken },
          payload: { givenName: 'Ola', familyName: 'Nord' },
        })
      ).json(),
    );
    const other = await signIn(harness, await harness.addClinician('Other Centre'));
    const read = await harness.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${created.id}`,
      headers: { cookie: other.cookie },
    });
    assert.equal(read.statusCode, 404);
    const list = PatientListSchema.parse(
      (
        await harness.app.inject({
          method: 'GET',
          url: '/api/v1/patients',
          headers: { cookie: other.cookie },
        })
      ).json(),
    );
    assert.equal(list.patients.length, 0);
  });

  it('revokes the older link when a new one is issued, and expires links', async () => {
    const { cookie, csrfToken } = await signIn(harness);
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const patient = PatientSummarySchema.parse(
      (
        await harness.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers,
          payload: { givenName: 'Liisa', familyName: 'Koski' },
        })
      ).json(),
    );
    const issue = async () =>
      QuestionnaireLinkSchema.parse(
        (
          await harness.app.inject({
            method: 'POST',
            url: `/api/v1/patients/${patient.id}/questionnaire-links`,
            headers,
            payload: { instrument: 'sbt' },
          })
        ).json(),
      );
    const first = await issue();
    const second = await issue();
    const open = (url: string) =>
      harness.app.inject({
        method: 'GET',
        url: '/api/v1/respond',
        headers: { authorization: `Bearer ${tokenOf(url)}` },
      });
    assert.equal((await open(first.url)).statusCode, 401);
    assert.equal((await open(second.url)).statusCode, 200);
    clock.advance(harness.config.patientLinkTtlMs);
    const expired = await open(second.url);
    assert.equal(expired.statusCode, 410);
    assert.equal(ProblemSchema.parse(expired.json()).code, 'link_expired');
    const garbage = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/respond',
      headers: { authorization: 'Bearer not-a-token' },
    });
    assert.equal(garbage.statusCode, 401);
  });

  it('ends a session after the idle timeout', async () => {
    const { cookie } = await signIn(harness);
    const ok = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie },
    });
    assert.equal(ok.statusCode, 200);
    clock.advance(harness.config.sessionIdleMs);
    const idle = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie },
    });
    assert.equal(idle.statusCode, 401);
  });

  it('answers "is anybody signed in?" with 200 and a null session, never an error', async () => {
    const state = async (cookie?: string) => {
      const response = await harness.app.inject({
        method: 'GET',
        url: '/api/v1/auth/state',
        headers: cookie === undefined ? {} : { cookie },
      });
      assert.equal(response.statusCode, 200);
      return SessionStateSchema.parse(response.json()).session;
    };
    assert.equal(await state(), null);
    assert.equal(await state('workup_session=not-a-session'), null);
    const { cookie, csrfToken } = await signIn(harness);
    assert.equal((await state(cookie))?.csrfToken, csrfToken);
    clock.advance(harness.config.sessionIdleMs);
    assert.equal(await state(cookie), null, 'an idle session is over');
  });

  it('rotates the session on sign-in and ends it on sign-out', async () => {
    const first = await signIn(harness);
    const second = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { cookie: first.cookie },
      payload: { email: harness.clinician.email, password: harness.clinician.password },
    });
    const rotated = second.cookies.find((c) => c.name === 'workup_session');
    assert.ok(rotated && `workup_session=${rotated.value}` !== first.cookie);
    const stale = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: first.cookie },
    });
    assert.equal(stale.statusCode, 401);
    const cookie = `workup_session=${rotated.value}`;
    const { csrfToken } = SessionInfoSchema.parse(second.json());
    const out = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.equal(out.statusCode, 204);
    const after = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie },
    });
    assert.equal(after.statusCode, 401);
  });

  it('validates input at the edge with field paths, and 404s unknown ids', async () => {
    const { cookie, csrfToken } = await signIn(harness);
    const bad = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { givenName: '', familyName: 'X', birthYear: 1800, extra: true },
    });
    assert.equal(bad.statusCode, 422);
    const paths = ProblemSchema.parse(bad.json()).errors?.map((e) => e.path.join('.'));
    assert.ok(paths?.includes('givenName') && paths.includes('birthYear'), String(paths));
    const notUuid = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/patients/42',
      headers: { cookie },
    });
    assert.equal(notUuid.statusCode, 404);
    const unknown = await harness.app.inject({
      method: 'GET',
      url: '/api/v1/nothing',
      headers: { cookie },
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(ProblemSchema.parse(unknown.json()).code, 'not_found');
  });

  it('limits sign-in attempts with 429 and Retry-After', async () => {
    let last = await harness.app.inject({ method: 'GET', url: '/healthz' });
    for (let attempt = 0; attempt < 35; attempt += 1) {
      last = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '203.0.113.9',
        payload: { email: 'nobody@test.workup.invalid', password: 'guess' },
      });
      if (last.statusCode === 429) break;
    }
    assert.equal(last.statusCode, 429);
    assert.equal(ProblemSchema.parse(last.json()).code, 'rate_limited');
    assert.match(String(last.headers['retry-after']), /^\d+$/);
  });

  it('describes every API route in OpenAPI 3.1 with request and response schemas', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses?: Record<string, unknown>; requestBody?: unknown }>
      >;
    }>();
    assert.equal(document.openapi, '3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    assert.ok(operations.length >= 8, `only ${operations.length} operations`);
    for (const { path, method, operation } of operations) {
      assert.ok(
        operation.responses && Object.keys(operation.responses).length > 0,
        `${method} ${path}: no response schema`,
      );
      if (method === 'post' && !path.endsWith('/sign-out')) {
        assert.ok(operation.requestBody, `${method} ${path}: no request schema`);
      }
    }
  });
});
