// A link that covers the whole baseline: one form of eight questionnaires, a draft by
// instrument, completeness with optional and conditional items, and on submit the scores of
// each instrument, triage with the server's pathway, the plan and, for a red flag, its task.
import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import {
  BASELINE_INSTRUMENTS,
  DraftSchema,
  PatientSummarySchema,
  ProblemSchema,
  QuestionnaireFormSchema,
  QuestionnaireLinkSchema,
  SubmitAnswersResponseSchema,
  TriageResultSchema,
  RED_FLAG_ITEM_KEYS,
} from '@workup/contracts';
import {
  listAuditEvents,
  listPatientRedFlagTasks,
  listPatientResponses,
  listPlans,
} from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  type TestApp,
} from '@workup/testkit';

/** Every red-flag finding absent, up to the axial SpA gate (its criteria are asked only after a yes). */
const NO_RED_FLAGS = Object.fromEntries(
  RED_FLAG_ITEM_KEYS.slice(
    0,
    RED_FLAG_ITEM_KEYS.indexOf('axspa_onset_before_45_over_3_months') + 1,
  ).map((key) => [key, 0]),
);

/**
 * A whole baseline. ODI: sections 1-10 without 8 (it does not apply) sum to 13 of 45, so
 * 13/45 × 100 = 28.888… %, 28.9 with one decimal, band `moderate` (> 20 and ≤ 40; reference.md
 * §5, contracts.md §1). SBT: total 6, psychosocial 4 (items 5, 6, 7 and item 9 "very much"),
 * high risk (reference.md §1).
 */
const BASELINE = {
  sbt: { '1': 1, '2': 1, '3': 0, '4': 0, '5': 1, '6': 1, '7': 1, '8': 0, '9': 3 },
  ompsq10: {
    '1': 3,
    '2': 6,
    '3': 5,
    '4': 6,
    '5': 5,
    '6': 4,
    '7': 6,
    '8': 5,
    '9': 6,
    '10': 5,
  },
  odi: { '1': 2, '2': 1, '3': 2, '4': 1, '5': 2, '6': 1, '7': 1, '8': null, '9': 2, '10': 1 },
  eq5d3l: { MO: 1, SC: 1, UA: 2, PD: 2, AD: 1, VAS: 70 },
  pain_nrs: { back: 6, leg: 3 },
  work: {
    employed: 1,
    sick_leave_degree: 50,
    sick_leave_days: 20,
    work_heavy_or_monotonous: 7,
    job_satisfaction: 6,
    supervisor_support: 5,
    modified_duties_possible: 2,
    work_harms_back_belief: 4,
    rtw_expectation: 7,
    employer_contact_consent: 1,
    benefit_or_claim_pending: 0,
  },
  motivation: { importance: 8, confidence: 5, readiness: 7 },
  red_flags: NO_RED_FLAGS,
};

describeEachDatabase('baseline links over HTTP', (getDatabase) => {
  let harness: TestApp;
  let staff: Awaited<ReturnType<typeof signInStaff>>;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  before(async () => {
    harness = await createTestApp(getDatabase(), { clock });
  });

  // The fake clock moves by hours between tests: a fresh session each time.
  beforeEach(async () => {
    staff = await signInStaff(harness);
  });

  const staffHeaders = () => ({ cookie: staff.cookie, 'x-csrf-token': staff.csrfToken });

  const newPatient = async () =>
    PatientSummarySchema.parse(
      (
        await harness.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers: staffHeaders(),
          payload: { givenName: 'Ines', familyName: 'Dahl', birthYear: 1980 },
        })
      ).json(),
    );

  const issueBaseline = async (patientId: string) => {
    const response = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patientId}/questionnaire-links`,
      headers: staffHeaders(),
      payload: { instruments: BASELINE_INSTRUMENTS, timepoint: 'baseline' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const link = QuestionnaireLinkSchema.parse(response.json());
    return { link, token: new URL(link.url).hash.slice(1) };
  };

  const asPatient = (
    token: string,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: object,
  ) =>
    harness.app.inject({
      method,
      url: `/api/v1/respond${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const fieldPaths = (body: string) =>
    (ProblemSchema.parse(JSON.parse(body)).errors ?? []).map((error) => error.path.join('.'));

  it('opens one form with the eight questionnaires in order, with optional and conditional items', async () => {
    const patient = await newPatient();
    const { link, token } = await issueBaseline(patient.id);
    assert.deepEqual(link.assignment.instruments, [...BASELINE_INSTRUMENTS]);
    assert.equal(link.assignment.instrument, 'sbt');
    const form = QuestionnaireFormSchema.parse((await asPatient(token, 'GET', '')).json());
    assert.deepEqual(
      form.questionnaires.map((questionnaire) => questionnaire.instrument),
      [...BASELINE_INSTRUMENTS],
    );
    assert.equal(form.instrument, 'sbt', 'the top level repeats the first questionnaire');
    assert.equal(form.timepoint, 'baseline');
    const items = (id: string) =>
      form.questionnaires.find((questionnaire) => questionnaire.instrument === id)?.items ?? [];
    const vas = items('eq5d3l').find((item) => item.key === 'VAS');
    assert.deepEqual([vas?.kind, vas?.min, vas?.max], ['integer', 0, 100]);
    assert.equal(items('odi').find((item) => item.key === '8')?.required, false);
    assert.deepEqual(items('work').find((item) => item.key === 'job_satisfaction')?.askedIf, {
      item: 'employed',
      in: [1],
    });
    assert.deepEqual(items('red_flags').find((item) => item.key === 'axspa_psoriasis')?.askedIf, {
      item: 'axspa_onset_before_45_over_3_months',
      in: [1],
    });
    const days = items('work').find((item) => item.key === 'sick_leave_days');
    assert.deepEqual([days?.kind, days?.min, days?.max, days?.unit], ['integer', 0, null, 'days']);
  });

  it('saves a draft by instrument and resumes it; codes out of range are refused', async () => {
    const patient = await newPatient();
    const { token } = await issueBaseline(patient.id);
    const partial = { sbt: BASELINE.sbt, ompsq10: { '1': 3, '2': 6 } };
    const saved = await asPatient(token, 'PUT', '/draft', { responses: partial });
    assert.equal(saved.statusCode, 200, saved.body);
    clock.advance(60 * 60_000);
    const resumed = DraftSchema.parse((await asPatient(token, 'GET', '/draft')).json());
    assert.deepEqual(resumed.responses, partial);
    assert.deepEqual(resumed.answers, BASELINE.sbt);
    const bad = await asPatient(token, 'PUT', '/draft', {
      responses: { eq5d3l: { VAS: 101 }, odi: { '1': 6 } },
    });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(fieldPaths(bad.body).sort(), ['responses.eq5d3l.VAS', 'responses.odi.1']);
    const stranger = await asPatient(token, 'PUT', '/draft', { responses: { rmdq: {} } });
    assert.deepEqual(fieldPaths(stranger.body), ['responses.rmdq']);
    const flat = await asPatient(token, 'PUT', '/draft', { answers: { '1': 1 } });
    assert.equal(flat.statusCode, 422, 'a link of several questionnaires needs "responses"');
    assert.deepEqual(fieldPaths(flat.body), ['responses']);
  });

  it('refuses an incomplete baseline, naming each missing or not-asked item', async () => {
    const patient = await newPatient();
    const { token } = await issueBaseline(patient.id);
    const { motivation: _left, ...withoutMotivation } = BASELINE;
    const response = await asPatient(token, 'POST', '', {
      responses: {
        ...withoutMotivation,
        sbt: { ...BASELINE.sbt, '9': null },
        work: { ...BASELINE.work, employed: 0 },
        red_flags: { ...NO_RED_FLAGS, axspa_psoriasis: 1 },
      },
    });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(fieldPaths(response.body).sort(), [
      'responses.motivation',
      'responses.red_flags.axspa_psoriasis',
      'responses.sbt.9',
      'responses.work.employer_contact_consent',
      'responses.work.job_satisfaction',
      'responses.work.modified_duties_possible',
      'responses.work.rtw_expectation',
      'responses.work.supervisor_support',
      'responses.work.work_harms_back_belief',
      'responses.work.work_heavy_or_monotonous',
    ]);
    assert.equal((await listPatientResponses(getDatabase().db, patient.id)).length, 0);
  });

  it('stores each score, triages with the pathway and stores the plan; the patient gets advice', async () => {
    const patient = await newPatient();
    const { token } = await issueBaseline(patient.id);
    const startedAt = clock.now().toISOString();
    await asPatient(token, 'PUT', '/draft', { responses: { sbt: BASELINE.sbt } });
    clock.advance(10 * 60_000);
    const sent = await asPatient(token, 'POST', '', { responses: BASELINE });
    assert.equal(sent.statusCode, 201, sent.body);
    const answer = SubmitAnswersResponseSchema.parse(sent.json());
    assert.equal(answer.advice?.urgency, 'none');
    assert.ok(answer.advice);
    assert.ok(answer.advice.components.includes('advice_stay_active'));
    assert.doesNotMatch(sent.body, /risk|psychosocial|total/, 'no scores or flags for the patient');

    const db = getDatabase().db;
    const responses = await listPatientResponses(db, patient.id);
    assert.deepEqual(
      responses.map((row) => row.instrumentId).sort(),
      [...BASELINE_INSTRUMENTS].sort(),
    );
    const scoresOf = (id: string) => responses.find((row) => row.instrumentId === id)?.scores;
    assert.deepEqual(scoresOf('odi'), { percent: 28.9, band: 'moderate' });
    assert.deepEqual(scoresOf('sbt'), { total: 6, psychosocial: 4, risk: 'high' });
    assert.equal(scoresOf('eq5d3l')?.vas, 70);
    assert.equal(responses.find((row) => row.instrumentId === 'odi')?.complete, false);
    for (const row of responses) {
      assert.equal(row.startedAt?.toISOString(), startedAt);
      assert.equal(row.timepoint, 'baseline');
    }

    const [plan, ...others] = await listPlans(db, patient.id);
    assert.equal(others.length, 0);
    assert.ok(plan);
    assert.equal(plan.createdBy, null);
    assert.ok(plan.assignmentId);
    assert.equal(plan.pathwayId, 'workup-default');
    const triage = TriageResultSchema.parse(plan.triage);
    assert.match(triage.pathway.hash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(plan.pathwayHash, triage.pathway.hash);
    assert.equal(plan.urgency, 'none');
    assert.ok(plan.flags.some((flag) => flag.colour === 'yellow' && flag.code === 'sbt_high_risk'));
    assert.deepEqual(
      plan.components.map((component) => component.code),
      triage.plan.map((item) => item.code),
    );
    assert.equal((await listPatientRedFlagTasks(db, patient.id)).length, 0);

    const actions = (await listAuditEvents(db, { patientId: patient.id })).map(
      (event) => `${event.actorType}:${event.action}`,
    );
    assert.equal(actions.filter((a) => a === 'patient_link:questionnaire.submit').length, 8);
    assert.ok(actions.includes('patient_link:plan.create'));
  });

  it('opens a red-flag task due the same day when cauda equina symptoms are reported', async () => {
    clock.set('2026-03-02T08:00:00.000Z');
    const patient = await newPatient();
    const { token } = await issueBaseline(patient.id);
    const sent = await asPatient(token, 'POST', '', {
      responses: { ...BASELINE, red_flags: { ...NO_RED_FLAGS, saddle_anaesthesia: 1 } },
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const answer = SubmitAnswersResponseSchema.parse(sent.json());
    assert.equal(answer.advice?.urgency, 'emergency');
    assert.deepEqual(
      answer.advice.components,
      ['emergency_referral'],
      'the referral leads; everything else waits for the clinician',
    );

    const db = getDatabase().db;
    const [plan] = await listPlans(db, patient.id);
    assert.equal(plan?.urgency, 'emergency');
    assert.equal(plan.components[0]?.code, 'emergency_referral');
    const [task, ...more] = await listPatientRedFlagTasks(db, patient.id);
    assert.equal(more.length, 0);
    assert.ok(task);
    assert.equal(task.urgency, 'emergency');
    assert.ok(task.flags.includes('cauda_equina'));
    assert.equal(task.planId, plan.id);
    // Opened at 09:00 in Stockholm: due by local midnight, 23:00 UTC.
    assert.equal(task.dueAt.toISOString(), '2026-03-02T23:00:00.000Z');
    const actions = (await listAuditEvents(db, { patientId: patient.id })).map((e) => e.action);
    assert.ok(actions.includes('red_flag_task.open'));
  });

  it('keeps one-instrument clients working and revokes an older link of the same set only', async () => {
    const patient = await newPatient();
    const first = await issueBaseline(patient.id);
    const sbtOnly = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers: staffHeaders(),
      payload: { instrument: 'sbt' },
    });
    assert.equal(sbtOnly.statusCode, 201);
    assert.equal((await asPatient(first.token, 'GET', '')).statusCode, 200, 'another set');
    const second = await issueBaseline(patient.id);
    assert.equal((await asPatient(first.token, 'GET', '')).statusCode, 401, 'revoked');
    assert.equal((await asPatient(second.token, 'GET', '')).statusCode, 200);
    const both = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers: staffHeaders(),
      payload: { instrument: 'sbt', instruments: ['sbt'] },
    });
    assert.equal(both.statusCode, 422);
    const twice = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers: staffHeaders(),
      payload: { instruments: ['sbt', 'sbt'] },
    });
    assert.equal(twice.statusCode, 422);
    const structureOnly = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers: staffHeaders(),
      payload: { instrument: 'startmsk' },
    });
    assert.equal(structureOnly.statusCode, 422);
  });
});
