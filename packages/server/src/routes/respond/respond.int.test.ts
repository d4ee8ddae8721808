// Patient links: save and resume, a link opens only its own questionnaire, and idempotent
// submissions (a replay gets the first answer, another body 422, concurrent copies store one).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  DraftSchema,
  PatientSummarySchema,
  ProblemSchema,
  QuestionnaireLinkSchema,
  SubmitAnswersResponseSchema,
} from '@workup/contracts';
import { listAuditEvents, listPatientResponses } from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  type TestApp,
} from '@workup/testkit';
import { requestHash } from './index';

const MEDIUM = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 0, '9': 3 };

describeEachDatabase('patient links over HTTP', (getDatabase) => {
  let harness: TestApp;
  let staff: Awaited<ReturnType<typeof signInStaff>>;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  before(async () => {
    harness = await createTestApp(getDatabase(), { clock });
    staff = await signInStaff(harness);
  });

  /** A new patient with an open STarT Back link; resolves to the patient id and the token. */
  const issueLink = async () => {
    const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken };
    const patient = PatientSummarySchema.parse(
      (
        await harness.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers,
          payload: { givenName: 'Kari', familyName: 'Nilsen' },
        })
      ).json(),
    );
    const link = QuestionnaireLinkSchema.parse(
      (
        await harness.app.inject({
          method: 'POST',
          url: `/api/v1/patients/${patient.id}/questionnaire-links`,
          headers,
          payload: { instrument: 'sbt', timepoint: 'baseline', dueOn: '2026-03-09' },
        })
      ).json(),
    );
    assert.equal(link.assignment.timepoint, 'baseline');
    assert.equal(link.assignment.dueOn, '2026-03-09');
    return { patientId: patient.id, token: new URL(link.url).hash.slice(1) };
  };

  const asPatient = (
    token: string,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    harness.app.inject({
      method,
      url: `/api/v1/respond${url}`,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  it('saves answers part-way and resumes them; the response keeps when it was started', async () => {
    const { patientId, token } = await issueLink();
    const empty = DraftSchema.parse((await asPatient(token, 'GET', '/draft')).json());
    assert.deepEqual(empty, { answers: {}, responses: {}, startedAt: null, savedAt: null });
    const first = await asPatient(token, 'PUT', '/draft', { answers: { '1': 1, '2': 0 } });
    assert.equal(first.statusCode, 200, first.body);
    clock.advance(5 * 60_000);
    const second = await asPatient(token, 'PUT', '/draft', {
      answers: { '1': 1, '2': 0, '3': 1, '9': null },
    });
    assert.equal(second.statusCode, 200, second.body);
    const resumed = DraftSchema.parse((await asPatient(token, 'GET', '/draft')).json());
    assert.deepEqual(resumed, {
      answers: { '1': 1, '2': 0, '3': 1, '9': null },
      responses: { sbt: { '1': 1, '2': 0, '3': 1, '9': null } },
      startedAt: '2026-03-02T08:00:00.000Z',
      savedAt: '2026-03-02T08:05:00.000Z',
    });
    const outOfRange = await asPatient(token, 'PUT', '/draft', { answers: { '9': 5 } });
    assert.equal(outOfRange.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(outOfRange.json()).errors?.[0]?.path, ['answers', '9']);
    clock.advance(60_000);
    const sent = await asPatient(token, 'POST', '', { answers: MEDIUM });
    assert.equal(sent.statusCode, 201, sent.body);
    const [response] = await listPatientResponses(getDatabase().db, patientId);
    assert.equal(response?.startedAt?.toISOString(), '2026-03-02T08:00:00.000Z');
    assert.equal(response.submittedAt.toISOString(), '2026-03-02T08:06:00.000Z');
    assert.equal(response.timepoint, 'baseline');
    // Once sent, the draft is gone and the link answers no more.
    assert.equal((await asPatient(token, 'GET', '/draft')).statusCode, 409);
    assert.equal((await asPatient(token, 'PUT', '/draft', { answers: {} })).statusCode, 409);
    const actions = (await listAuditEvents(getDatabase().db, { patientId })).map((e) => e.action);
    assert.ok(actions.includes('questionnaire.draft_save'));
    assert.ok(actions.includes('questionnaire.draft_read'));
  });

  it('opens only its own questionnaire: another patient’s draft stays apart', async () => {
    const one = await issueLink();
    const two = await issueLink();
    await asPatient(one.token, 'PUT', '/draft', { answers: { '1': 1 } });
    const other = DraftSchema.parse((await asPatient(two.token, 'GET', '/draft')).json());
    assert.deepEqual(other.answers, {});
    assert.equal((await asPatient('x'.repeat(43), 'GET', '/draft')).statusCode, 401);
  });

  it('replays a submission with the same Idempotency-Key: same status and body', async () => {
    const { patientId, token } = await issueLink();
    const key = { 'idempotency-key': 'c3c9a1d2-5a0e-4b7e-9f6a-1f1f2a3b4c5d' };
    const first = await asPatient(token, 'POST', '', { answers: MEDIUM }, key);
    assert.equal(first.statusCode, 201, first.body);
    clock.advance(60_000);
    // The same answers in another key order are the same request.
    const reordered = Object.fromEntries(Object.entries(MEDIUM).reverse());
    const replay = await asPatient(token, 'POST', '', { answers: reordered }, key);
    assert.equal(replay.statusCode, 201, replay.body);
    assert.deepEqual(
      SubmitAnswersResponseSchema.parse(replay.json()),
      SubmitAnswersResponseSchema.parse(first.json()),
    );
    const other = await asPatient(token, 'POST', '', { answers: { ...MEDIUM, '9': 4 } }, key);
    assert.equal(other.statusCode, 422);
    assert.equal(ProblemSchema.parse(other.json()).code, 'idempotency_key_reused');
    const newKey = await asPatient(
      token,
      'POST',
      '',
      { answers: MEDIUM },
      {
        'idempotency-key': 'another-key',
      },
    );
    assert.equal(newKey.statusCode, 409);
    const noKey = await asPatient(token, 'POST', '', { answers: MEDIUM });
    assert.equal(noKey.statusCode, 409);
    assert.equal((await listPatientResponses(getDatabase().db, patientId)).length, 1);
  });

  it('refuses a malformed Idempotency-Key with the header’s path', async () => {
    const { token } = await issueLink();
    const bad = await asPatient(
      token,
      'POST',
      '',
      { answers: MEDIUM },
      {
        'idempotency-key': 'x'.repeat(256),
      },
    );
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(bad.json()).errors?.[0]?.path, ['idempotency-key']);
  });

  it('stores exactly one response for concurrent duplicates, and each gets the first answer', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { patientId, token } = await issueLink();
      const key = { 'idempotency-key': `concurrent-${String(round)}` };
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => asPatient(token, 'POST', '', { answers: MEDIUM }, key)),
      );
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        Array.from({ length: 6 }, () => 201),
        answers.map((a) => a.body).join('\n'),
      );
      assert.equal(new Set(answers.map((a) => a.body)).size, 1);
      assert.equal((await listPatientResponses(getDatabase().db, patientId)).length, 1);
      const events = await listAuditEvents(getDatabase().db, { patientId });
      assert.equal(
        events.filter((e) => e.action === 'questionnaire.submit' && e.outcome === 'success').length,
        1,
      );
    }
  });

  it('stores one response for concurrent submissions without a key; the others get 409', async () => {
    const { patientId, token } = await issueLink();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => asPatient(token, 'POST', '', { answers: MEDIUM })),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409, 409]);
    assert.equal((await listPatientResponses(getDatabase().db, patientId)).length, 1);
  });
});

it('hashes equal bodies alike whatever the key order', () => {
  assert.equal(
    requestHash({ answers: { '1': 1, '2': null } }),
    requestHash({ answers: { '2': null, '1': 1 } }),
  );
  assert.notEqual(requestHash({ answers: { '1': 1 } }), requestHash({ answers: { '1': 0 } }));
});
