// The authorisation matrix, cell by cell, over HTTP: every role × resource × action of
// PERMISSIONS is tried against a fresh patient. An allowed cell answers 2xx; a denied one 403
// with a denied audit event of that very request. Then the same for staff of another
// organisation, who must get 404 for every patient and leave a trace in its access log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import {
  AccessLogSchema,
  PatientDetailSchema,
  ResearchPatientListSchema,
  ResearchPatientSchema,
  STAFF_ROLES,
  TriageResultSchema,
  type StaffRole,
} from '@workup/contracts';
import {
  createEpisode,
  createFollowupEnrolment,
  createFollowupSchedule,
  createOrganisation,
  createPatient,
  createPlan,
  appendReferralEvent,
  appendSharingEvents,
  createStaffUser,
  insertMeetingLink,
  insertMeeting,
  insertReferral,
  insertReferralNotifications,
  insertSickLeavePeriod,
  createUnit,
  findPatientUnit,
  listAuditEvents,
  listConsents,
  openRedFlagTask,
  recordConsent,
  revokeConsent,
  setStaffUnits,
  type Database,
} from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  TEST_SCRYPT,
  type TestApp,
  type TestStaff,
} from '@workup/testkit';
import { hashPassword } from './passwords';
import { ACTIONS, can, permissionCells, PERMISSIONS, RESOURCES } from './authorization';

/** A triage result as the engine writes it (contracts.md §4), small but complete. */
const SAMPLE_TRIAGE = TriageResultSchema.parse(
  JSON.parse(readFileSync(new URL('../routes/plans/sample-triage.json', import.meta.url), 'utf8')),
);

interface Fixture {
  patientId: string;
  researchId: string;
  episodeId: string;
  planId: string;
  careConsentId: string;
  staffId: string;
  /** A follow-up schedule of the patient's unit, and the patient's enrolment on it. */
  scheduleId: string;
  enrolmentId: string;
  /** Another schedule of the unit that the patient does not follow yet. */
  spareScheduleId: string;
  /** An open red-flag task of the plan. */
  taskId: string;
  /** A sick-leave period of the patient. */
  periodId: string;
  /** A referral to vocational advice made by the signed-in staff member, with a notification to them. */
  referralId: string;
  notificationId: string;
  /** A Convergence Dialogue Meeting with its first step held, and an employer link to it. */
  meetingId: string;
  obstacleId: string;
  linkId: string;
}

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  payload?: Record<string, unknown>;
}

let counter = 0;
const unique = () => {
  counter += 1;
  return counter;
};

/** A stored eligibility check and timing hint, as the referral route keeps them. */
const REFERRAL_ELIGIBILITY = {
  status: 'eligible',
  asOf: '2026-03-02',
  criteria: [],
  situation: 'on_sick_leave',
  absenceStart: '2026-02-20',
  reasons: ['Eligible.'],
  source: 'reference.md §19',
};
const REFERRAL_TIMING = {
  timing: 'too_early',
  asOf: '2026-03-02',
  anchor: { kind: 'sick_leave_start', date: '2026-02-20' },
  opensOn: '2026-03-20',
  closesOn: '2026-08-19',
  window: { opensAfterDays: 28, closesAfterMonths: 6 },
  reason: 'Too early.',
};

/** How to exercise each cell of the matrix; the test fails on a cell missing here. */
const REQUESTS: Record<string, (f: Fixture) => Request> = {
  'patient.list': () => ({ method: 'GET', url: '/api/v1/patients' }),
  'patient.read': (f) => ({ method: 'GET', url: `/api/v1/patients/${f.patientId}` }),
  'patient.create': () => ({
    method: 'POST',
    url: '/api/v1/patients',
    payload: { givenName: 'Nils', familyName: 'Dahl' },
  }),
  'patient.update': (f) => ({
    method: 'PATCH',
    url: `/api/v1/patients/${f.patientId}`,
    payload: { phone: '+46 70 123 45 67' },
  }),
  'episode.list': (f) => ({ method: 'GET', url: `/api/v1/patients/${f.patientId}/episodes` }),
  'episode.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/episodes`,
    payload: { bodyRegion: 'neck', startedOn: '2026-03-01' },
  }),
  'episode.update': (f) => ({
    method: 'PATCH',
    url: `/api/v1/patients/${f.patientId}/episodes/${f.episodeId}`,
    payload: { endedOn: '2026-03-02' },
  }),
  'questionnaire_link.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/questionnaire-links`,
    payload: { instrument: 'sbt', timepoint: 'baseline' },
  }),
  'plan.list': (f) => ({ method: 'GET', url: `/api/v1/patients/${f.patientId}/plans` }),
  'plan.read': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/plans/${f.planId}`,
  }),
  'plan.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/plans`,
    payload: { triage: SAMPLE_TRIAGE },
  }),
  'plan_component.update': (f) => ({
    method: 'PUT',
    url: `/api/v1/patients/${f.patientId}/plans/${f.planId}/components/education`,
    payload: { decision: 'accepted' },
  }),
  'protocol_entry.list': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/protocol`,
  }),
  'protocol_entry.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/protocol`,
    payload: { interventionCode: 'vocational_advice', performedOn: '2026-03-02' },
  }),
  'consent.list': (f) => ({ method: 'GET', url: `/api/v1/patients/${f.patientId}/consents` }),
  'consent.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/consents`,
    payload: { kind: 'employer_sharing' },
  }),
  'consent.revoke': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/consents/${f.careConsentId}/revocation`,
    payload: {},
  }),
  'access_log.read': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/access-log`,
  }),
  'research_patient.list': () => ({ method: 'GET', url: '/api/v1/research/patients' }),
  'research_patient.read': (f) => ({
    method: 'GET',
    url: `/api/v1/research/patients/${f.researchId}`,
  }),
  'staff.list': () => ({ method: 'GET', url: '/api/v1/staff' }),
  'staff.create': () => ({
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      email: `new${unique()}@test.workup.invalid`,
      displayName: 'New Colleague',
      role: 'clinician',
      unitId: HOME_UNIT.id,
      password: 'a long enough password',
    },
  }),
  'staff.update': (f) => ({
    method: 'PATCH',
    url: `/api/v1/staff/${f.staffId}`,
    payload: { displayName: 'Renamed Colleague' },
  }),
  'unit.list': () => ({ method: 'GET', url: '/api/v1/units' }),
  'unit.create': () => ({ method: 'POST', url: '/api/v1/units', payload: { name: 'New Centre' } }),
  'followup_schedule.list': () => ({ method: 'GET', url: '/api/v1/followup/schedules' }),
  'followup_schedule.create': () => ({
    method: 'POST',
    url: '/api/v1/followup/schedules',
    payload: { name: 'Three months', definition: FOLLOWUP_DEFINITION },
  }),
  'followup_schedule.update': (f) => ({
    method: 'PUT',
    url: `/api/v1/followup/schedules/${f.scheduleId}`,
    payload: { definition: FOLLOWUP_DEFINITION },
  }),
  'followup_enrolment.list': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/followup`,
  }),
  'followup_enrolment.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/followup`,
    payload: { scheduleId: f.spareScheduleId, inclusionOn: '2026-03-02' },
  }),
  'followup_enrolment.update': (f) => ({
    method: 'PATCH',
    url: `/api/v1/patients/${f.patientId}/followup/${f.enrolmentId}`,
    payload: { inclusionOn: '2026-03-09' },
  }),
  'followup_enrolment.revoke': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/followup/${f.enrolmentId}/withdrawal`,
    payload: { reason: 'patient_request' },
  }),
  'followup_dashboard.read': () => ({ method: 'GET', url: '/api/v1/followup/dashboard' }),
  'outbox.list': () => ({ method: 'GET', url: '/api/v1/outbox' }),
  'red_flag_task.list': (f) => ({ method: 'GET', url: `/api/v1/patients/${f.patientId}/tasks` }),
  'red_flag_task.update': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/tasks/${f.taskId}/acknowledgement`,
    payload: {},
  }),
  'sick_leave.list': (f) => ({ method: 'GET', url: `/api/v1/patients/${f.patientId}/sick-leave` }),
  'sick_leave.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/sick-leave`,
    payload: { from: '2026-02-20', to: '2026-03-05', degree: 50, source: 'certificate' },
  }),
  'sick_leave.revoke': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/sick-leave/${f.periodId}/removal`,
    payload: { reason: 'entered twice' },
  }),
  'vocational_referral.list': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/vocational-referrals`,
  }),
  'vocational_referral.read': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/vocational-referrals/${f.referralId}`,
  }),
  'vocational_referral.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/vocational-referrals`,
    payload: {
      strugglingAtWork: true,
      riskGroup: 'medium',
      question: 'Help to stay at work',
      overrideReason: 'test',
    },
  }),
  'vocational_referral.update': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/vocational-referrals/${f.referralId}/events`,
    payload: { type: 'withdrawn', by: 'referrer', reason: 'no longer needed' },
  }),
  'referral_notification.list': () => ({ method: 'GET', url: '/api/v1/notifications' }),
  'referral_notification.update': (f) => ({
    method: 'POST',
    url: `/api/v1/notifications/${f.notificationId}/read`,
    payload: {},
  }),
  'cdm_meeting.list': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings`,
  }),
  'cdm_meeting.read': (f) => ({
    method: 'GET',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings/${f.meetingId}`,
  }),
  'cdm_meeting.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings`,
    payload: { employerName: 'Parcel depot' },
  }),
  'cdm_meeting.update': (f) => ({
    method: 'PUT',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings/${f.meetingId}/steps/clinician_employer`,
    payload: {
      heldOn: '2026-02-27',
      employerView: [{ id: 'v1', category: 'work_demands', text: 'Lifting is most of the job' }],
      possibleAdjustments: [],
    },
  }),
  'cdm_sharing.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings/${f.meetingId}/sharing`,
    payload: { decisions: [{ itemId: f.obstacleId, share: true }] },
  }),
  'cdm_sharing.revoke': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings/${f.meetingId}/sharing/revocation`,
    payload: {},
  }),
  'employer_link.create': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings/${f.meetingId}/employer-links`,
    payload: { expiresInDays: 7 },
  }),
  'employer_link.revoke': (f) => ({
    method: 'POST',
    url: `/api/v1/patients/${f.patientId}/cdm-meetings/${f.meetingId}/employer-links/${f.linkId}/revocation`,
    payload: {},
  }),
};

/** A small follow-up schedule: a 3-month questionnaire with one reminder. */
const FOLLOWUP_DEFINITION = {
  timeZone: 'Europe/Stockholm',
  timepoints: [
    {
      timepoint: 'month_3',
      offset: { unit: 'months', value: 3 },
      instruments: ['odi'],
      window: { opensBeforeDays: 7, dueAfterDays: 14, closesAfterDays: 28 },
    },
  ],
  reminders: { daysAfterOpening: [0], maxReminders: 1, sendAt: '09:00', channels: ['email'] },
};

/** The unit of the test app's clinician; set in before(). */
const HOME_UNIT = { id: '' };

/** A staff member of `role` in `unitId`, made directly in the database. */
async function addStaff(
  database: Database,
  clock: FakeClock,
  role: StaffRole,
  unitId: string,
): Promise<TestStaff> {
  const email = `${role}${unique()}@test.workup.invalid`;
  const password = `correct horse battery staple ${role}`;
  const user = await createStaffUser(database.db, {
    unitId,
    email,
    displayName: `Test ${role}`,
    role,
    passwordHash: await hashPassword(password, TEST_SCRYPT),
    now: clock.now(),
  });
  return { id: user.id, unitId, email, password };
}

/** A patient in `unitId` with research and care consents, an episode and a plan. */
async function makeFixture(database: Database, clock: FakeClock, staff: TestStaff) {
  const db = database.db;
  const now = clock.now();
  const patient = await createPatient(db, {
    unitId: staff.unitId,
    givenName: 'Greta',
    familyName: 'Sjöberg',
    birthYear: 1975,
    nationalId: { system: 'se_personnummer', value: '19750101-1234' },
    phone: '+46 70 000 00 00',
    email: 'greta@example.invalid',
    now,
  });
  const consents = [];
  for (const kind of ['research', 'care'] as const) {
    const consent = await recordConsent(db, {
      patientId: patient.id,
      kind,
      givenAt: now,
      recordedBy: staff.id,
      now,
    });
    assert.ok(consent);
    consents.push(consent);
  }
  const episode = await createEpisode(db, {
    patientId: patient.id,
    bodyRegion: 'low_back',
    onsetOn: '2026-02-01',
    startedOn: '2026-02-20',
    diagnoses: [{ system: 'icd10', code: 'M54.5' }],
    createdBy: staff.id,
    now,
  });
  const plan = await createPlan(db, {
    patientId: patient.id,
    episodeId: episode.id,
    pathway: SAMPLE_TRIAGE.pathway,
    urgency: SAMPLE_TRIAGE.urgency,
    triage: SAMPLE_TRIAGE,
    flags: [{ colour: 'yellow', code: 'fear_avoidance' }],
    components: SAMPLE_TRIAGE.plan,
    createdBy: staff.id,
    now,
  });
  const task = await openRedFlagTask(db, {
    patientId: patient.id,
    unitId: staff.unitId,
    planId: plan.id,
    urgency: 'urgent',
    flags: ['malignancy'],
    openedAt: now,
    dueAt: new Date(now.getTime() + 24 * 60 * 60 * 1000),
  });
  const target = await addStaff(database, clock, 'clinician', staff.unitId);
  // The schedule belongs to a clinician of the unit: an administrator has no unit of patients.
  const schedule = await createFollowupSchedule(db, {
    unitId: staff.unitId,
    name: 'Three months',
    study: null,
    definition: FOLLOWUP_DEFINITION,
    createdBy: target.id,
    now,
  });
  const spare = await createFollowupSchedule(db, {
    unitId: staff.unitId,
    name: 'Spare',
    study: null,
    definition: FOLLOWUP_DEFINITION,
    createdBy: target.id,
    now,
  });
  const enrolment = await createFollowupEnrolment(db, {
    patientId: patient.id,
    scheduleId: schedule.id,
    episodeId: null,
    inclusionOn: '2026-03-02',
    scheduleVersion: 1,
    createdBy: target.id,
    now,
  });
  const [, care] = consents;
  assert.ok(care);
  const found = await findPatientUnit(db, patient.id);
  assert.ok(found);
  const period = await insertSickLeavePeriod(db, {
    patientId: patient.id,
    fromOn: '2026-02-20',
    toOn: '2026-03-20',
    degree: 100,
    source: 'certificate',
    recordedBy: staff.id,
    now,
  });
  const referral = await insertReferral(db, {
    patientId: patient.id,
    unitId: staff.unitId,
    referrerId: staff.id,
    question: 'Help to return to work',
    riskGroup: 'high',
    eligibility: REFERRAL_ELIGIBILITY,
    timing: REFERRAL_TIMING,
    overrideReason: null,
    now,
  });
  await appendReferralEvent(db, {
    referralId: referral.id,
    sequence: 1,
    type: 'referred',
    event: {
      type: 'referred',
      at: now.toISOString(),
      referralId: referral.id,
      referrerId: staff.id,
    },
    recordedBy: staff.id,
    now,
  });
  const [notification] = await insertReferralNotifications(db, [
    {
      key: `test:${referral.id}`,
      referralId: referral.id,
      patientId: patient.id,
      recipientId: staff.id,
      kind: 'accepted',
      message: 'The vocational advice service accepted your referral.',
      now,
    },
  ]);
  assert.ok(notification);
  const obstacleId = `o${String(unique())}`;
  const meeting = await insertMeeting(db, {
    patientId: patient.id,
    unitId: staff.unitId,
    employerName: 'Parcel depot',
    record: {
      patientClinician: {
        heldOn: '2026-02-25',
        obstacles: [{ id: obstacleId, category: 'work_tasks', text: 'Heavy lifting' }],
        resources: [],
      },
      clinicianEmployer: null,
      joint: null,
      clinical: [],
    },
    createdBy: staff.id,
    now,
  });
  await appendSharingEvents(db, [
    {
      meetingId: meeting.id,
      kind: 'decision',
      itemId: obstacleId,
      share: true,
      at: now,
      recordedBy: staff.id,
    },
  ]);
  const link = await insertMeetingLink(db, {
    meetingId: meeting.id,
    patientId: patient.id,
    audience: 'employer',
    tokenHash: `hash-${String(unique())}`,
    createdBy: staff.id,
    expiresAt: new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000),
    now,
  });
  return {
    patientId: patient.id,
    researchId: found.researchId,
    episodeId: episode.id,
    planId: plan.id,
    careConsentId: care.id,
    staffId: target.id,
    scheduleId: schedule.id,
    enrolmentId: enrolment.id,
    spareScheduleId: spare.id,
    taskId: task.id,
    periodId: period.id,
    referralId: referral.id,
    notificationId: notification.id,
    meetingId: meeting.id,
    obstacleId,
    linkId: link.id,
  } satisfies Fixture;
}

describe('the authorisation matrix', () => {
  it('denies whatever it does not list (default deny)', () => {
    for (const resource of RESOURCES) {
      for (const action of ACTIONS) {
        const listed: Partial<Record<string, readonly string[]>> = PERMISSIONS[resource];
        for (const role of STAFF_ROLES) {
          assert.equal(can(role, resource, action), listed[action]?.includes(role) ?? false);
        }
      }
    }
    assert.equal(can('admin', 'patient', 'read'), false);
    assert.equal(can('researcher', 'patient', 'list'), false);
    assert.equal(can('clinician', 'access_log', 'read'), false);
  });

  it('has a request for every cell, and no request for a cell it does not have', () => {
    const cells = new Set(permissionCells().map((cell) => `${cell.resource}.${cell.action}`));
    assert.deepEqual([...cells].sort(), Object.keys(REQUESTS).sort());
  });

  it('never lets a researcher reach a patient route or an administrator patient data', () => {
    for (const resource of ['patient', 'episode', 'plan', 'protocol_entry', 'consent'] as const) {
      for (const action of ACTIONS) {
        assert.equal(
          can('researcher', resource, action),
          false,
          `researcher ${resource}.${action}`,
        );
        assert.equal(can('admin', resource, action), false, `admin ${resource}.${action}`);
      }
    }
  });
});

describeEachDatabase('authorisation over HTTP', (getDatabase) => {
  let harness: TestApp;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');
  const sessions = new Map<StaffRole, { staff: TestStaff; cookie: string; csrfToken: string }>();
  const outsiders = new Map<StaffRole, { staff: TestStaff; cookie: string; csrfToken: string }>();

  before(async () => {
    harness = await createTestApp(getDatabase(), { clock, env: { SIGN_IN_MAX_ATTEMPTS: '100' } });
    HOME_UNIT.id = harness.clinician.unitId;
    // Another organisation: even its administrator sees nothing of ours.
    const elsewhere = await createOrganisation(getDatabase().db, {
      name: 'Other Region',
      now: clock.now(),
    });
    const otherUnit = await createUnit(getDatabase().db, {
      name: 'Other Centre',
      organisationId: elsewhere.id,
      now: clock.now(),
    });
    for (const role of STAFF_ROLES) {
      const own = await addStaff(getDatabase(), clock, role, harness.clinician.unitId);
      sessions.set(role, { staff: own, ...(await signInStaff(harness, own)) });
      const other = await addStaff(getDatabase(), clock, role, otherUnit.id);
      outsiders.set(role, { staff: other, ...(await signInStaff(harness, other)) });
    }
  });

  const send = (session: { cookie: string; csrfToken: string }, request: Request) =>
    harness.app.inject({
      method: request.method,
      url: request.url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });

  const deniedEventOf = async (requestId: string) => {
    const events = await listAuditEvents(getDatabase().db, { requestId });
    return events.find((event) => event.outcome === 'denied');
  };

  for (const cell of permissionCells()) {
    const name = `${cell.resource}.${cell.action}`;
    it(`${cell.role} ${name}: ${cell.allowed ? 'allowed (2xx)' : 'denied (403, audited)'}`, async () => {
      const session = sessions.get(cell.role);
      assert.ok(session);
      const fixture = await makeFixture(getDatabase(), clock, session.staff);
      const build = REQUESTS[name];
      assert.ok(build, `no request for ${name}`);
      const response = await send(session, build(fixture));
      const requestId = String(response.headers['x-request-id']);
      if (cell.allowed) {
        assert.ok(
          response.statusCode >= 200 && response.statusCode < 300,
          `${String(response.statusCode)} ${response.body}`,
        );
        const denied = await deniedEventOf(requestId);
        assert.equal(denied, undefined);
      } else {
        assert.equal(response.statusCode, 403, response.body);
        assert.equal(response.json<{ code: string }>().code, 'forbidden');
        const denied = await deniedEventOf(requestId);
        assert.ok(denied, 'no denied audit event');
        assert.equal(denied.action, name);
        assert.equal(denied.actorId, session.staff.id);
        if (build(fixture).url.includes(fixture.patientId)) {
          assert.equal(denied.patientId, fixture.patientId);
        }
      }
    });
  }

  const patientCells = permissionCells().filter(
    (cell) =>
      cell.allowed &&
      (cell.resource === 'research_patient'
        ? cell.action === 'read'
        : REQUESTS[`${cell.resource}.${cell.action}`]?.({
            patientId: 'P',
            researchId: 'R',
            episodeId: 'E',
            planId: 'L',
            careConsentId: 'C',
            staffId: 'S',
            scheduleId: 'H',
            enrolmentId: 'N',
            spareScheduleId: 'Q',
            taskId: 'T',
            periodId: 'D',
            referralId: 'F',
            notificationId: 'O',
            meetingId: 'M',
            obstacleId: 'B',
            linkId: 'K',
          }).url.includes('/patients/P') === true),
  );

  for (const cell of patientCells) {
    const name = `${cell.resource}.${cell.action}`;
    it(`${cell.role} of another organisation ${name}: 404, audited in the patient's log`, async () => {
      const own = sessions.get(cell.role);
      const outsider = outsiders.get(cell.role);
      assert.ok(own && outsider);
      const fixture = await makeFixture(getDatabase(), clock, own.staff);
      const build = REQUESTS[name];
      assert.ok(build);
      const response = await send(outsider, build(fixture));
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(response.json<{ code: string }>().code, 'not_found');
      const denied = await deniedEventOf(String(response.headers['x-request-id']));
      assert.ok(denied, 'no denied audit event');
      assert.equal(denied.patientId, fixture.patientId);
      assert.equal(denied.actorId, outsider.staff.id);
    });
  }

  it('sees a colleague’s further units: membership opens another unit’s patients', async () => {
    const db = getDatabase().db;
    const second = await createUnit(db, { name: 'Second Centre', now: clock.now() });
    const clinician = await addStaff(getDatabase(), clock, 'clinician', harness.clinician.unitId);
    const session = await signInStaff(harness, clinician);
    const host = await addStaff(getDatabase(), clock, 'clinician', second.id);
    const fixture = await makeFixture(getDatabase(), clock, host);
    const url = `/api/v1/patients/${fixture.patientId}`;
    assert.equal((await send(session, { method: 'GET', url })).statusCode, 404);
    await setStaffUnits(db, clinician.id, [second.id]);
    const read = await send(session, { method: 'GET', url });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(PatientDetailSchema.parse(read.json()).unitId, second.id);
  });

  it('gives researchers pseudonyms and no direct identifier, and only with research consent', async () => {
    const researcher = sessions.get('researcher');
    const clinician = sessions.get('clinician');
    assert.ok(researcher && clinician);
    const fixture = await makeFixture(getDatabase(), clock, clinician.staff);
    const list = await send(researcher, { method: 'GET', url: '/api/v1/research/patients' });
    assert.equal(list.statusCode, 200);
    const listed = ResearchPatientListSchema.parse(list.json());
    assert.ok(listed.patients.some((p) => p.researchId === fixture.researchId));
    const read = await send(researcher, {
      method: 'GET',
      url: `/api/v1/research/patients/${fixture.researchId}`,
    });
    assert.equal(read.statusCode, 200, read.body);
    const view = ResearchPatientSchema.parse(read.json());
    assert.deepEqual(view.episodes[0]?.diagnoses, [{ system: 'icd10', code: 'M54.5' }]);
    assert.deepEqual(view.plans[0]?.flags, [{ colour: 'yellow', code: 'fear_avoidance' }]);
    for (const body of [list.body, read.body]) {
      for (const identifier of [
        'Greta',
        'Sjöberg',
        '19750101-1234',
        '+46 70 000 00 00',
        'greta@example.invalid',
        fixture.patientId,
      ]) {
        assert.equal(body.includes(identifier), false, `research view contains ${identifier}`);
      }
    }
    // Without an active research consent the patient is gone from the view.
    const consents = await listConsents(getDatabase().db, fixture.patientId);
    const research = consents.find((consent) => consent.kind === 'research');
    assert.ok(research);
    await revokeConsent(getDatabase().db, {
      patientId: fixture.patientId,
      consentId: research.id,
      revokedBy: clinician.staff.id,
      now: clock.now(),
    });
    const after = await send(researcher, {
      method: 'GET',
      url: `/api/v1/research/patients/${fixture.researchId}`,
    });
    assert.equal(after.statusCode, 404);
    const relisted = ResearchPatientListSchema.parse(
      (await send(researcher, { method: 'GET', url: '/api/v1/research/patients' })).json(),
    );
    assert.equal(
      relisted.patients.some((p) => p.researchId === fixture.researchId),
      false,
    );
  });

  it('shows an administrator who accessed the patient and who was denied', async () => {
    const clinician = sessions.get('clinician');
    const admin = sessions.get('admin');
    const outsider = outsiders.get('clinician');
    assert.ok(clinician && admin && outsider);
    const fixture = await makeFixture(getDatabase(), clock, clinician.staff);
    const url = `/api/v1/patients/${fixture.patientId}`;
    const read = await send(clinician, { method: 'GET', url });
    const refused = await send(outsider, { method: 'GET', url });
    assert.equal(refused.statusCode, 404);
    const log = await send(admin, { method: 'GET', url: `${url}/access-log` });
    assert.equal(log.statusCode, 200, log.body);
    const entries = AccessLogSchema.parse(log.json()).entries;
    const byRequest = (id: unknown) => entries.find((entry) => entry.requestId === String(id));
    assert.deepEqual(
      {
        actorId: byRequest(read.headers['x-request-id'])?.actorId,
        outcome: byRequest(read.headers['x-request-id'])?.outcome,
      },
      { actorId: clinician.staff.id, outcome: 'success' },
    );
    assert.deepEqual(
      {
        actorId: byRequest(refused.headers['x-request-id'])?.actorId,
        outcome: byRequest(refused.headers['x-request-id'])?.outcome,
      },
      { actorId: outsider.staff.id, outcome: 'denied' },
    );
    for (const entry of entries) assert.match(entry.at, /Z$/);
  });
});
