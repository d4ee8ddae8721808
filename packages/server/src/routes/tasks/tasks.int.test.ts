// Red-flag tasks and the caseload: a baseline with cauda equina symptoms opens an emergency
// task due the same day; the caseload puts it first; it escalates to the unit's lead when the
// deadline passes unacknowledged (decided on read, with the fake clock); a clinician
// acknowledges it and closes it only with an outcome; every step is in the audit trail. And a
// treatment session entered in one go marks accepted plan components delivered.
import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import {
  BASELINE_INSTRUMENTS,
  CaseloadSchema,
  PatientSummarySchema,
  PlanListSchema,
  ProblemSchema,
  QuestionnaireLinkSchema,
  RedFlagTaskListSchema,
  RedFlagTaskSchema,
  SessionSchema,
} from '@workup/contracts';
import { findInstrument } from '@workup/core';
import { listAuditEvents, setUnitLead } from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  type TestApp,
} from '@workup/testkit';

const redFlagKeys = (findInstrument('red_flags')?.definition.items ?? [])
  .map((item) => item.key)
  .filter((key) => !key.startsWith('axspa_') || key === 'axspa_onset_before_45_over_3_months');
const NO_RED_FLAGS = Object.fromEntries(redFlagKeys.map((key) => [key, 0]));

const BASELINE = {
  sbt: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 1 },
  ompsq10: { '1': 2, '2': 3, '3': 8, '4': 8, '5': 2, '6': 2, '7': 2, '8': 9, '9': 2, '10': 1 },
  odi: { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 0, '7': 0, '8': 0, '9': 0, '10': 0 },
  eq5d3l: { MO: 1, SC: 1, UA: 1, PD: 2, AD: 1, VAS: 85 },
  pain_nrs: { back: 3, leg: 0 },
  work: {
    employed: 1,
    sick_leave_degree: 0,
    sick_leave_days: 0,
    work_heavy_or_monotonous: 2,
    job_satisfaction: 8,
    supervisor_support: 8,
    modified_duties_possible: 2,
    work_harms_back_belief: 1,
    rtw_expectation: 9,
    employer_contact_consent: 1,
    benefit_or_claim_pending: 0,
  },
  motivation: { importance: 9, confidence: 8, readiness: 9 },
  red_flags: NO_RED_FLAGS,
};

describeEachDatabase('red-flag tasks and the caseload over HTTP', (getDatabase) => {
  let harness: TestApp;
  let staff: Awaited<ReturnType<typeof signInStaff>>;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  before(async () => {
    harness = await createTestApp(getDatabase(), { clock, env: { SIGN_IN_MAX_ATTEMPTS: '100' } });
  });

  beforeEach(async () => {
    staff = await signInStaff(harness);
  });

  const headers = () => ({ cookie: staff.cookie, 'x-csrf-token': staff.csrfToken });
  const get = (url: string) => harness.app.inject({ method: 'GET', url, headers: headers() });
  const post = (url: string, payload: object) =>
    harness.app.inject({
      method: 'POST',
      url,
      headers: headers(),
      payload: payload as Record<string, unknown>,
    });

  /** A patient who answered the baseline with these red flags; resolves to the patient id. */
  const answered = async (familyName: string, redFlags: Record<string, number>) => {
    const patient = PatientSummarySchema.parse(
      (await post('/api/v1/patients', { givenName: 'Test', familyName })).json(),
    );
    const link = QuestionnaireLinkSchema.parse(
      (
        await post(`/api/v1/patients/${patient.id}/questionnaire-links`, {
          instruments: BASELINE_INSTRUMENTS,
          timepoint: 'baseline',
        })
      ).json(),
    );
    const sent = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: { authorization: `Bearer ${new URL(link.url).hash.slice(1)}` },
      payload: { responses: { ...BASELINE, red_flags: { ...NO_RED_FLAGS, ...redFlags } } },
    });
    assert.equal(sent.statusCode, 201, sent.body);
    return patient.id;
  };

  const caseload = async (query = '') => {
    const response = await get(`/api/v1/caseload${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return CaseloadSchema.parse(response.json());
  };

  it('puts emergency red flags first, then urgent ones, and filters', async () => {
    clock.set('2026-03-02T08:00:00.000Z');
    const calm = await answered('Aalto', {});
    const urgent = await answered('Berg', {
      cancer_history: 1,
      unexplained_weight_loss: 1,
      night_pain_unremitting: 1,
    });
    const emergency = await answered('Ceder', { saddle_anaesthesia: 1, bladder_dysfunction: 1 });
    const list = await caseload();
    const order = list.entries.map((entry) => entry.patient.id);
    assert.deepEqual(order.slice(0, 2), [emergency, urgent]);
    assert.ok(order.indexOf(calm) > 1);
    const [first, second] = list.entries;
    assert.equal(first?.task?.urgency, 'emergency');
    assert.ok(first.task.flags.includes('cauda_equina'));
    assert.equal(first.task.dueAt, '2026-03-02T23:00:00.000Z');
    assert.equal(first.task.overdue, false);
    assert.equal(second?.task?.urgency, 'urgent');
    assert.equal(second.task.dueAt, '2026-03-03T08:00:00.000Z');

    const red = await caseload('?flag=red');
    assert.deepEqual(red.entries.map((entry) => entry.patient.id).slice(0, 2), [emergency, urgent]);
    assert.ok(!red.entries.some((entry) => entry.patient.id === calm));
    const low = await caseload('?risk=low');
    assert.ok(
      low.entries.every((entry) => entry.risk.sbt === 'low' || entry.risk.ompsq10 === 'low'),
    );
    assert.ok(low.entries.some((entry) => entry.patient.id === calm));
    const overdue = await caseload('?overdue=true');
    assert.deepEqual(overdue.entries, []);
    const bad = await get('/api/v1/caseload?flag=purple');
    assert.equal(bad.statusCode, 422);
  });

  it('escalates to the unit lead when not acknowledged by the deadline, once, audited', async () => {
    clock.set('2026-03-03T08:00:00.000Z');
    staff = await signInStaff(harness);
    const lead = await harness.addClinician('Lead');
    await setUnitLead(getDatabase().db, harness.clinician.unitId, lead.id);
    const patientId = await answered('Dahl', { bowel_incontinence: 1 });
    const before = RedFlagTaskListSchema.parse(
      (await get(`/api/v1/patients/${patientId}/tasks`)).json(),
    );
    const [task] = before.tasks;
    assert.ok(task);
    assert.equal(task.status, 'open');
    assert.equal(task.escalatedAt, null);
    // Opened 09:00 Stockholm time: due at local midnight. A minute before, nothing happens.
    clock.set('2026-03-03T22:59:00.000Z');
    staff = await signInStaff(harness);
    const early = await caseload();
    assert.equal(early.entries.find((e) => e.patient.id === patientId)?.task?.overdue, false);
    clock.set('2026-03-03T23:00:00.000Z');
    staff = await signInStaff(harness);
    const late = await caseload();
    const entry = late.entries.find((e) => e.patient.id === patientId);
    assert.equal(entry?.task?.overdue, true);
    assert.equal(entry.task.escalatedTo, lead.id);
    assert.equal(entry.task.escalatedAt, '2026-03-03T23:00:00.000Z');
    await caseload();
    const escalations = (await listAuditEvents(getDatabase().db, { patientId })).filter(
      (event) => event.action === 'red_flag_task.escalate',
    );
    assert.equal(escalations.length, 1, 'escalated once, however often it is read');
    assert.equal(escalations[0]?.actorType, 'system');
    await setUnitLead(getDatabase().db, harness.clinician.unitId, null);
  });

  it('is acknowledged by a clinician and closed only with an outcome', async () => {
    clock.set('2026-03-04T08:00:00.000Z');
    staff = await signInStaff(harness);
    const patientId = await answered('Ek', { saddle_anaesthesia: 1 });
    const [task] = RedFlagTaskListSchema.parse(
      (await get(`/api/v1/patients/${patientId}/tasks`)).json(),
    ).tasks;
    assert.ok(task);
    const base = `/api/v1/patients/${patientId}/tasks/${task.id}`;
    const noOutcome = await post(`${base}/closure`, {});
    assert.equal(noOutcome.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(noOutcome.json()).errors?.[0]?.path, ['outcome']);
    clock.advance(10 * 60_000);
    const acknowledged = RedFlagTaskSchema.parse(
      (await post(`${base}/acknowledgement`, {})).json(),
    );
    assert.equal(acknowledged.status, 'acknowledged');
    assert.equal(acknowledged.acknowledgedBy, harness.clinician.id);
    assert.equal(acknowledged.acknowledgedAt, '2026-03-04T08:10:00.000Z');
    // Acknowledged in time: no escalation even after the deadline.
    clock.set('2026-03-05T06:00:00.000Z');
    staff = await signInStaff(harness);
    const later = await caseload();
    const entry = later.entries.find((e) => e.patient.id === patientId);
    assert.equal(entry?.task?.overdue, false);
    assert.equal(entry.task.escalatedAt, null);
    const closed = RedFlagTaskSchema.parse(
      (
        await post(`${base}/closure`, {
          outcome: 'referred',
          note: 'Sent to the emergency department',
        })
      ).json(),
    );
    assert.equal(closed.status, 'closed');
    assert.equal(closed.outcome, 'referred');
    const again = await post(`${base}/closure`, { outcome: 'ruled_out' });
    assert.equal(again.statusCode, 409);
    assert.equal((await post(`${base}/acknowledgement`, {})).statusCode, 409);
    const after = await caseload();
    assert.equal(after.entries.find((e) => e.patient.id === patientId)?.task, null);
    const actions = (await listAuditEvents(getDatabase().db, { patientId })).map((e) => e.action);
    for (const step of ['red_flag_task.open', 'red_flag_task.acknowledge', 'red_flag_task.close']) {
      assert.ok(actions.includes(step), step);
    }
    const other = await harness.addClinician('Elsewhere');
    const outsider = await signInStaff(harness, other);
    const denied = await harness.app.inject({
      method: 'POST',
      url: `${base}/acknowledgement`,
      headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrfToken },
      payload: {},
    });
    assert.equal(denied.statusCode, 404);
  });

  it('records a session in one go and marks accepted components delivered', async () => {
    clock.set('2026-03-06T08:00:00.000Z');
    staff = await signInStaff(harness);
    const patientId = await answered('Falk', {});
    const [plan] = PlanListSchema.parse(
      (await get(`/api/v1/patients/${patientId}/plans`)).json(),
    ).plans;
    assert.ok(plan);
    const codes = plan.components.map((component) => component.code);
    assert.ok(codes.includes('advice_stay_active') && codes.includes('education'), codes.join());
    const decide = (code: string, payload: object) =>
      harness.app.inject({
        method: 'PUT',
        url: `/api/v1/patients/${patientId}/plans/${plan.id}/components/${code}`,
        headers: headers(),
        payload: payload as Record<string, unknown>,
      });
    assert.equal((await decide('advice_stay_active', { decision: 'accepted' })).statusCode, 200);
    const noReason = await decide('education', { decision: 'changed' });
    assert.equal(noReason.statusCode, 422);
    assert.equal(
      (await decide('education', { decision: 'changed', reason: 'Group session instead' }))
        .statusCode,
      200,
    );
    const response = await post(`/api/v1/patients/${patientId}/protocol/sessions`, {
      performedOn: '2026-03-06',
      planId: plan.id,
      measures: [
        { interventionCode: 'advice_stay_active', durationMinutes: 10 },
        { interventionCode: 'education', durationMinutes: 20 },
        { interventionCode: 'physio_exercise', durationMinutes: 30 },
      ],
      notes: 'First visit',
    });
    assert.equal(response.statusCode, 201, response.body);
    const session = SessionSchema.parse(response.json());
    assert.equal(session.entries.length, 3);
    assert.deepEqual(session.delivered, ['advice_stay_active', 'education']);
    const after = PlanListSchema.parse((await get(`/api/v1/patients/${patientId}/plans`)).json());
    const delivered = after.plans[0]?.components.filter((c) => c.deliveredOn === '2026-03-06');
    assert.deepEqual(delivered?.map((c) => c.code).sort(), ['advice_stay_active', 'education']);
    const twice = await post(`/api/v1/patients/${patientId}/protocol/sessions`, {
      performedOn: '2026-03-06',
      measures: [{ interventionCode: 'education' }, { interventionCode: 'education' }],
    });
    assert.equal(twice.statusCode, 422);
    const future = await post(`/api/v1/patients/${patientId}/protocol/sessions`, {
      performedOn: '2026-03-07',
      measures: [{ interventionCode: 'education' }],
    });
    assert.equal(future.statusCode, 422);
  });
});
