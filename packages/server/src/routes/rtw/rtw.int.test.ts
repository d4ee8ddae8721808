// Return to work over HTTP (issue 7): sick leave and the timeline against hand-worked values; a
// vocational advice referral from eligibility to discharge with the referring clinician e-mailed
// at every step; a Convergence Dialogue Meeting whose employer link shows only what the patient
// shared and reaches nothing else.
import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import {
  CreatedEmployerLinkSchema,
  EligibilityCheckSchema,
  EmployerMeetingPageSchema,
  MeetingPreviewSchema,
  MeetingSchema,
  NotificationListSchema,
  PatientSummarySchema,
  PatientSharingPageSchema,
  PatientTimelineSchema,
  ProblemSchema,
  QuestionnaireLinkSchema,
  ReferralQueueSchema,
  SickLeaveListSchema,
  SickLeavePeriodRecordSchema,
  VocationalReferralSchema,
} from '@workup/contracts';
import { listAuditEvents, listOutboxMessages } from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  type TestApp,
} from '@workup/testkit';
import { createJobRunner } from '../../jobs/followup';
import { createLogger } from '../../logger';

const DAY_MS = 86_400_000;

/** The work questions (contracts.md §3): employed, on full-time sick leave. */
const WORK_ANSWERS = {
  employed: 1,
  sick_leave_degree: 100,
  sick_leave_days: 28,
  work_heavy_or_monotonous: 2,
  job_satisfaction: 6,
  supervisor_support: 5,
  modified_duties_possible: 1,
  work_harms_back_belief: 7,
  rtw_expectation: 5,
  employer_contact_consent: 1,
  benefit_or_claim_pending: 0,
};

describeEachDatabase('return to work over HTTP', (getDatabase) => {
  let harness: TestApp;
  let clinician: Awaited<ReturnType<typeof signInStaff>>;
  let adviser: Awaited<ReturnType<typeof signInStaff>>;
  let drain: () => Promise<number>;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  before(async () => {
    harness = await createTestApp(getDatabase(), { clock, env: { SIGN_IN_MAX_ATTEMPTS: '100' } });
    const { runner } = createJobRunner({
      config: harness.config,
      db: getDatabase().db,
      clock,
      logger: createLogger({ level: 'silent' }),
    });
    drain = () => runner.drain();
  });

  beforeEach(async () => {
    clock.set('2026-03-02T08:00:00.000Z');
    clinician = await signInStaff(harness);
    adviser = await signInStaff(harness, harness.adviser);
  });

  interface Session {
    cookie: string;
    csrfToken: string;
  }
  const headers = (session: Session) => ({
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
  });
  const get = (url: string, session: Session = clinician) =>
    harness.app.inject({ method: 'GET', url, headers: headers(session) });
  const send = (
    method: 'POST' | 'PUT',
    url: string,
    payload: object,
    session: Session = clinician,
  ) =>
    harness.app.inject({
      method,
      url,
      headers: headers(session),
      payload: payload as Record<string, unknown>,
    });
  const post = (url: string, payload: object, session: Session = clinician) =>
    send('POST', url, payload, session);

  async function newPatient(familyName: string): Promise<string> {
    const response = await post('/api/v1/patients', { givenName: 'Maja', familyName });
    assert.equal(response.statusCode, 201, response.body);
    return PatientSummarySchema.parse(response.json()).id;
  }

  async function addSickLeave(patientId: string, from: string, to: string, degree: number) {
    const response = await post(`/api/v1/patients/${patientId}/sick-leave`, {
      from,
      to,
      degree,
      source: 'certificate',
    });
    assert.equal(response.statusCode, 201, response.body);
    return SickLeavePeriodRecordSchema.parse(response.json());
  }

  it('records sick leave, refuses bad periods and derives spells, RTW and sustained RTW', async () => {
    const patientId = await newPatient('Spell');
    const base = `/api/v1/patients/${patientId}`;
    // 14 days at 100 %, a gap of 2 days (joined: Sweden's gap is 4), 10 days at 50 %; then a
    // relapse of 5 days after 20 days back at work, and a period entered by mistake.
    await addSickLeave(patientId, '2026-02-02', '2026-02-15', 100);
    await addSickLeave(patientId, '2026-02-18', '2026-02-27', 50);
    await addSickLeave(patientId, '2026-03-20', '2026-03-24', 100);
    const mistake = await addSickLeave(patientId, '2026-04-10', '2026-04-30', 100);

    const bad = await post(`${base}/sick-leave`, {
      from: '2026-03-10',
      to: '2026-03-01',
      degree: 150,
      source: 'rumour',
    });
    assert.equal(bad.statusCode, 422, bad.body);
    const paths = ProblemSchema.parse(bad.json()).errors?.map((error) => error.path.join('.'));
    assert.ok(paths?.includes('degree'), String(paths));
    assert.ok(paths?.includes('source'), String(paths));
    const zero = await post(`${base}/sick-leave`, {
      from: '2026-03-01',
      to: '2026-03-01',
      degree: 0,
      source: 'certificate',
    });
    assert.equal(zero.statusCode, 422, zero.body);

    const removed = await post(`${base}/sick-leave/${mistake.id}/removal`, {
      reason: 'entered for the wrong patient',
    });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(
      (await post(`${base}/sick-leave/${mistake.id}/removal`, { reason: 'x' })).statusCode,
      409,
    );
    const list = SickLeaveListSchema.parse((await get(`${base}/sick-leave`)).json());
    assert.equal(list.periods.length, 4);
    assert.equal(
      list.periods.find((p) => p.id === mistake.id)?.removalReason,
      'entered for the wrong patient',
    );

    clock.set('2026-06-01T08:00:00.000Z');
    clinician = await signInStaff(harness);
    const timelineResponse = await get(`${base}/timeline`);
    assert.equal(timelineResponse.statusCode, 200, timelineResponse.body);
    const timeline = PatientTimelineSchema.parse(timelineResponse.json());
    // Hand-worked (contracts.md §4): spell 1 runs 2 Feb-27 Feb with 14 + 10 = 24 sick days and
    // 14 + 10 × 0.5 = 19 net days; spell 2 is 20-24 Mar, 5 and 5. RTW the day after spell 1;
    // the relapse on day 21 breaks the first run, so sustained RTW is 25 Mar (28 days to 21 Apr).
    assert.equal(timeline.preset, 'se');
    assert.deepEqual(timeline.parameters, { gapDays: 4, sustainedDays: 28 });
    assert.deepEqual(timeline.followUp, { start: '2026-02-02', end: '2026-06-01' });
    assert.deepEqual(timeline.spells, [
      { from: '2026-02-02', to: '2026-02-27', grossDays: 24, netDays: 19 },
      { from: '2026-03-20', to: '2026-03-24', grossDays: 5, netDays: 5 },
    ]);
    assert.equal(timeline.grossDays, 29);
    assert.equal(timeline.netDays, 24);
    assert.equal(timeline.rtw, '2026-02-28');
    assert.equal(timeline.sustainedRtw, '2026-03-25');
    assert.equal(timeline.censored, false);
    assert.deepEqual(timeline.currentAbsence, { from: '2026-03-20', to: '2026-03-24' });
    const kinds = timeline.events.map((event) => `${event.on} ${event.kind}`);
    assert.ok(kinds.includes('2026-02-28 rtw'), kinds.join(', '));
    assert.ok(kinds.includes('2026-03-25 sustained_rtw'), kinds.join(', '));
    assert.ok(!kinds.some((kind) => kind.startsWith('2026-04-10')), 'a removed period counts');
    assert.deepEqual(
      timeline.events.map((event) => event.on),
      [...timeline.events.map((event) => event.on)].sort(),
    );
  });

  it('takes a referral from eligibility to discharge, telling the referrer at every step', async () => {
    const patientId = await newPatient('Referral');
    const base = `/api/v1/patients/${patientId}`;
    const episode = await post(`${base}/episodes`, {
      bodyRegion: 'low_back',
      onsetOn: '2026-01-20',
      startedOn: '2026-02-01',
      diagnoses: [{ system: 'icd10', code: 'M54.5' }],
    });
    assert.equal(episode.statusCode, 201, episode.body);
    const link = QuestionnaireLinkSchema.parse(
      (await post(`${base}/questionnaire-links`, { instrument: 'work' })).json(),
    );
    const token = link.url.split('#')[1] ?? '';
    const answered = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: { authorization: `Bearer ${token}` },
      payload: { answers: WORK_ANSWERS },
    });
    assert.equal(answered.statusCode, 201, answered.body);
    await addSickLeave(patientId, '2026-02-02', '2026-04-30', 100);

    const check = EligibilityCheckSchema.parse(
      (await post(`${base}/vocational-eligibility`, { strugglingAtWork: null })).json(),
    );
    assert.equal(check.eligibility.status, 'eligible', check.eligibility.reasons.join(' '));
    assert.deepEqual(
      check.eligibility.criteria.map((c) => [c.criterion, c.result]),
      [
        ['employed', 'met'],
        ['musculoskeletal_pain', 'met'],
        ['work_status', 'met'],
      ],
    );
    // 28 days of watchful waiting from 2 Feb: the window opens on 2 Mar, today.
    assert.equal(check.timing.timing, 'right_time');
    assert.equal(check.timing.opensOn, '2026-03-02');

    const created = await post(`${base}/vocational-referrals`, {
      strugglingAtWork: null,
      riskGroup: 'high',
      question: 'Lifts parcels all day; help to agree lighter duties.',
    });
    assert.equal(created.statusCode, 201, created.body);
    const referral = VocationalReferralSchema.parse(created.json());
    assert.equal(referral.state.status, 'referred');
    assert.equal(referral.overrideReason, null);
    const events = `${base}/vocational-referrals/${referral.id}/events`;

    // Only the service accepts; a clinician may only withdraw.
    assert.equal((await post(events, { type: 'accepted' })).statusCode, 403);

    const inbox = ReferralQueueSchema.parse(
      (await get('/api/v1/vocational-referrals?view=inbox', adviser)).json(),
    );
    const item = inbox.items.find((entry) => entry.referral.id === referral.id);
    assert.equal(item?.patient.familyName, 'Referral');

    const at = (hoursAgo: number) => new Date(clock.now().getTime() - hoursAgo * 3_600_000);
    const steps = [
      { type: 'accepted' },
      {
        type: 'contact',
        occurredAt: 'an hour ago',
        step: 1,
        mode: 'telephone',
        notes: 'First call: sleeps badly',
      },
      {
        type: 'contact',
        occurredAt: 'an hour ago',
        step: 2,
        mode: 'face_to_face',
        notes: 'Met at the clinic',
      },
      {
        type: 'contact',
        occurredAt: 'an hour ago',
        step: 3,
        mode: 'workplace_meeting',
        employerContactConsent: true,
        notes: 'Met the supervisor',
      },
      { type: 'discharged', outcome: 'returned_to_work', notes: 'Back on lighter duties' },
    ];
    const mailTo = harness.clinician.email;
    for (const [index, step] of steps.entries()) {
      clock.advance(DAY_MS);
      clinician = await signInStaff(harness);
      adviser = await signInStaff(harness, harness.adviser);
      const body = 'occurredAt' in step ? { ...step, occurredAt: at(1).toISOString() } : step;
      if (index === 2) {
        const wrong = await post(events, { ...body, mode: 'telephone' }, adviser);
        assert.equal(wrong.statusCode, 409, wrong.body);
      }
      const response = await post(events, body, adviser);
      assert.equal(response.statusCode, 201, response.body);
      const after = VocationalReferralSchema.parse(response.json());
      assert.equal(after.notifications.length, index + 1);
      assert.equal(after.notifications.at(-1)?.delivery, 'pending');
      assert.equal(await drain(), 1);
      const mails = (await listOutboxMessages(getDatabase().db, [harness.clinician.unitId])).filter(
        (message) => message.recipient === mailTo,
      );
      assert.equal(mails.length, index + 1, `e-mails after step ${String(index)}`);
    }
    const done = VocationalReferralSchema.parse(
      (await get(`${base}/vocational-referrals/${referral.id}`)).json(),
    );
    assert.equal(done.state.status, 'discharged');
    assert.equal(done.state.outcome, 'returned_to_work');
    assert.equal(done.state.step, 3);
    assert.deepEqual(
      done.notifications.map((n) => [n.kind, n.delivery]),
      [
        ['accepted', 'sent'],
        ['step_started', 'sent'],
        ['step_started', 'sent'],
        ['step_started', 'sent'],
        ['discharged', 'sent'],
      ],
    );
    // Steps 1 and 2 are advice sessions; high risk plans 3-4 (reference.md §20).
    assert.deepEqual([done.svai.delivered, done.svai.min, done.svai.max], [2, 3, 4]);
    assert.equal(done.svai.progress, 'below_plan');
    // The e-mails say what the service did, never the patient's name or the adviser's notes.
    const mails = (await listOutboxMessages(getDatabase().db, [harness.clinician.unitId])).filter(
      (message) => message.recipient === mailTo,
    );
    for (const mail of mails) {
      assert.ok(!mail.body.includes('Referral') || mail.body.includes('referral'), mail.body);
      assert.ok(!mail.body.includes('Maja'), mail.body);
      assert.ok(!/sleeps|supervisor|lighter/i.test(mail.body), mail.body);
    }
    assert.ok(mails.some((mail) => mail.body.includes('returned to work')));
    // The subject says what happened (oldest first: accepted, three steps, discharged).
    assert.deepEqual(
      [...mails].reverse().map((mail) => mail.subject),
      [
        'Vocational advice: your referral was accepted',
        'Vocational advice: a new step of care has started',
        'Vocational advice: a new step of care has started',
        'Vocational advice: a new step of care has started',
        'Vocational advice: care has ended, with the outcome',
      ],
    );

    const notifications = NotificationListSchema.parse((await get('/api/v1/notifications')).json());
    assert.equal(notifications.unread, 5);
    const first = notifications.notifications[0];
    assert.ok(first);
    const read = await post(`/api/v1/notifications/${first.id}/read`, {});
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(
      NotificationListSchema.parse((await get('/api/v1/notifications')).json()).unread,
      4,
    );
    const colleague = await signInStaff(harness, await harness.addClinician('Elsewhere'));
    assert.equal(
      (await post(`/api/v1/notifications/${first.id}/read`, {}, colleague)).statusCode,
      404,
    );

    const closed = ReferralQueueSchema.parse(
      (await get('/api/v1/vocational-referrals?view=closed', adviser)).json(),
    );
    assert.ok(closed.items.some((entry) => entry.referral.id === referral.id));
    const timeline = PatientTimelineSchema.parse((await get(`${base}/timeline`)).json());
    assert.deepEqual(
      timeline.events.filter((e) => e.refId === referral.id).map((e) => e.kind),
      [
        'referral',
        'referral',
        'referral_contact',
        'referral_contact',
        'referral_contact',
        'referral_closed',
      ],
    );

    // A second referral without the work answers' employer? Not eligible needs a reason.
    const other = await newPatient('Unemployed');
    const refused = await post(`/api/v1/patients/${other}/vocational-referrals`, {
      strugglingAtWork: true,
      riskGroup: 'low',
      question: 'Advice',
    });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(ProblemSchema.parse(refused.json()).code, 'not_eligible');
  });

  it('runs a CDM whose employer link shows only what the patient shared, and reaches nothing else', async () => {
    const patientId = await newPatient('Lindqvist');
    const base = `/api/v1/patients/${patientId}`;
    await addSickLeave(patientId, '2026-02-20', '2026-04-30', 100);
    const created = await post(`${base}/cdm-meetings`, {
      employerName: 'Parcel depot, Västerås',
      employeeName: 'M. L.',
    });
    assert.equal(created.statusCode, 201, created.body);
    const meeting = MeetingSchema.parse(created.json());
    assert.equal(meeting.nextStep, 'patient_clinician');
    const steps = `${base}/cdm-meetings/${meeting.id}/steps`;

    const early = await send('PUT', `${steps}/joint`, {
      heldOn: '2026-03-02',
      actionPlan: [],
      reviewOn: '2026-04-01',
    });
    assert.equal(early.statusCode, 409, early.body);

    const one = await send('PUT', `${steps}/patient_clinician`, {
      heldOn: '2026-02-25',
      obstacles: [
        { id: 'o1', category: 'work_tasks', text: 'Lifting parcels above shoulder height' },
      ],
      resources: [{ id: 'r1', category: 'support', text: 'Good colleagues on the night shift' }],
    });
    assert.equal(one.statusCode, 200, one.body);
    const wrongShape = await send('PUT', `${steps}/clinician_employer`, {
      heldOn: '2026-02-27',
      obstacles: [],
      resources: [],
    });
    assert.equal(wrongShape.statusCode, 422, wrongShape.body);
    const two = await send('PUT', `${steps}/clinician_employer`, {
      heldOn: '2026-02-27',
      employerView: [{ id: 'e1', category: 'work_demands', text: 'Peak season until April' }],
      possibleAdjustments: [
        { id: 'a1', category: 'adjustment', text: 'Sorting desk for four weeks' },
      ],
    });
    assert.equal(two.statusCode, 200, two.body);
    // A health item corrected into step 1 later: never shown, whatever the patient ticks.
    const corrected = await send('PUT', `${steps}/patient_clinician`, {
      heldOn: '2026-02-25',
      obstacles: [
        { id: 'o1', category: 'work_tasks', text: 'Lifting parcels above shoulder height' },
        { id: 'h1', category: 'health', text: 'Disc prolapse L5-S1 on MRI' },
      ],
      resources: [{ id: 'r1', category: 'support', text: 'Good colleagues on the night shift' }],
    });
    assert.equal(corrected.statusCode, 200, corrected.body);

    const sharing = `${base}/cdm-meetings/${meeting.id}/sharing`;
    const unknown = await post(sharing, { decisions: [{ itemId: 'nope', share: true }] });
    assert.equal(unknown.statusCode, 422, unknown.body);
    const shared = await post(sharing, {
      decisions: [
        { itemId: 'o1', share: true },
        { itemId: 'h1', share: true },
        { itemId: 'r1', share: false },
        { itemId: 'e1', share: true },
        { itemId: 'a1', share: true },
      ],
    });
    assert.equal(shared.statusCode, 200, shared.body);

    const preview = MeetingPreviewSchema.parse(
      (await get(`${base}/cdm-meetings/${meeting.id}/employer-preview`)).json(),
    );
    assert.deepEqual(
      preview.view.obstacles.map((item) => item.id),
      ['o1'],
    );
    assert.deepEqual(preview.view.resources, []);
    assert.deepEqual(preview.withheld.map((w) => [w.itemId, w.reason]).sort(), [
      ['h1', 'health_information'],
      ['r1', 'not_shared'],
    ]);
    // Sick leave since 20 Feb: Sweden's day 15 (6 Mar) and day 21 (12 Mar) fall to the employer.
    assert.deepEqual(
      preview.checkpoints.map((c) => [c.code, c.due, c.status]),
      [
        ['se_sickness_benefit_starts', '2026-03-06', 'upcoming'],
        ['se_employer_report_due', '2026-03-12', 'upcoming'],
        ['se_rtw_plan_due', '2026-03-21', 'upcoming'],
      ],
    );

    const linkResponse = await post(`${base}/cdm-meetings/${meeting.id}/employer-links`, {
      expiresInDays: 14,
    });
    assert.equal(linkResponse.statusCode, 201, linkResponse.body);
    const employerLink = CreatedEmployerLinkSchema.parse(linkResponse.json());
    const token = employerLink.url.split('#')[1] ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    const asEmployer = (url: string) =>
      harness.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const page = await asEmployer('/api/v1/employer/meeting');
    assert.equal(page.statusCode, 200, page.body);
    const view = EmployerMeetingPageSchema.parse(page.json());
    assert.equal(view.employerName, 'Parcel depot, Västerås');
    // Whose meeting it is, as entered for the employer (no more than that).
    assert.equal(view.employeeName, 'M. L.');
    assert.deepEqual(view.view.obstacles, [
      { id: 'o1', text: 'Lifting parcels above shoulder height' },
    ]);
    assert.deepEqual(
      view.view.possibleAdjustments.map((item) => item.id),
      ['a1'],
    );
    for (const secret of [
      'Disc prolapse',
      'Good colleagues',
      'M54',
      'Lindqvist',
      'Maja',
      patientId,
    ]) {
      assert.ok(!page.body.includes(secret), `the employer saw ${secret}`);
    }
    assert.equal(view.checkpoints.length, 3);

    // The employer's token opens nothing else: not the staff API, not a questionnaire.
    for (const url of [
      '/api/v1/patients',
      `/api/v1/patients/${patientId}`,
      `${base}/cdm-meetings/${meeting.id}`,
      `${base}/cdm-meetings/${meeting.id}/employer-preview`,
      '/api/v1/respond',
      '/api/v1/notifications',
    ]) {
      const response = await asEmployer(url);
      assert.equal(response.statusCode, 401, `${url}: ${response.body}`);
    }
    assert.equal(
      (await harness.app.inject({ method: 'GET', url: '/api/v1/employer/meeting' })).statusCode,
      401,
    );

    const three = await send('PUT', `${steps}/joint`, {
      heldOn: '2026-03-02',
      actionPlan: [
        {
          id: 'p1',
          what: 'Start at the sorting desk, 50 %',
          who: 'employer',
          byWhen: '2026-03-09',
        },
        {
          id: 'p2',
          what: 'Home exercises three times a week',
          who: 'patient',
          byWhen: '2026-03-30',
        },
      ],
      reviewOn: '2026-03-30',
    });
    assert.equal(three.statusCode, 200, three.body);
    assert.equal(MeetingSchema.parse(three.json()).nextStep, 'complete');
    await post(sharing, { decisions: [{ itemId: 'p1', share: true }] });
    const withPlan = EmployerMeetingPageSchema.parse(
      (await asEmployer('/api/v1/employer/meeting')).json(),
    );
    assert.deepEqual(
      withPlan.view.actionPlan.map((item) => item.id),
      ['p1'],
    );
    assert.equal(withPlan.view.reviewOn, '2026-03-30');

    // The patient withdraws: the employer sees the dates only, and no deadlines.
    const revoked = await post(`${sharing}/revocation`, {});
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.notEqual(MeetingSchema.parse(revoked.json()).sharing.revokedAt, null);
    assert.equal((await post(`${sharing}/revocation`, {})).statusCode, 409);
    const datesOnly = EmployerMeetingPageSchema.parse(
      (await asEmployer('/api/v1/employer/meeting')).json(),
    );
    assert.deepEqual(
      [datesOnly.view.obstacles, datesOnly.view.possibleAdjustments, datesOnly.view.actionPlan],
      [[], [], []],
    );
    assert.equal(datesOnly.view.jointMeetingOn, '2026-03-02');
    assert.deepEqual(datesOnly.checkpoints, []);

    // Expiry and revocation of the link.
    clock.advance(15 * DAY_MS);
    const expired = await asEmployer('/api/v1/employer/meeting');
    assert.equal(expired.statusCode, 410, expired.body);
    clock.set('2026-03-02T09:00:00.000Z');
    clinician = await signInStaff(harness);
    const revokedLink = await post(
      `${base}/cdm-meetings/${meeting.id}/employer-links/${employerLink.link.id}/revocation`,
      {},
    );
    assert.equal(revokedLink.statusCode, 200, revokedLink.body);
    const gone = await asEmployer('/api/v1/employer/meeting');
    assert.equal(gone.statusCode, 401, gone.body);

    const opened = (await listAuditEvents(getDatabase().db, { patientId })).filter(
      (event) => event.action === 'employer_link.open',
    );
    assert.ok(opened.length >= 4);
    assert.ok(opened.every((event) => event.actorType === 'employer_link'));
    assert.deepEqual([...new Set(opened.map((event) => event.outcome))].sort(), [
      'denied',
      'success',
    ]);
  });

  it('lets the patient choose on their own link what the employer sees, and withdraw it', async () => {
    const patientId = await newPatient('Approval');
    const base = `/api/v1/patients/${patientId}`;
    const meeting = MeetingSchema.parse(
      (await post(`${base}/cdm-meetings`, { employerName: 'City library' })).json(),
    );
    const meetingUrl = `${base}/cdm-meetings/${meeting.id}`;
    const one = await send('PUT', `${meetingUrl}/steps/patient_clinician`, {
      heldOn: '2026-02-25',
      obstacles: [
        { id: 'o1', category: 'working_hours', text: 'Long shifts at the desk' },
        { id: 'h1', category: 'health', text: 'Sciatica on the left side' },
      ],
      resources: [{ id: 'r1', category: 'support', text: 'A colleague who swaps shifts' }],
    });
    assert.equal(one.statusCode, 200, one.body);

    const created = await post(`${meetingUrl}/patient-links`, {});
    assert.equal(created.statusCode, 201, created.body);
    const patientLink = CreatedEmployerLinkSchema.parse(created.json());
    assert.match(patientLink.url, /\/a#[A-Za-z0-9_-]{43}$/);
    // Seven days by default.
    assert.equal(Date.parse(patientLink.link.expiresAt) - clock.now().getTime(), 7 * DAY_MS);
    const token = patientLink.url.split('#')[1] ?? '';
    const asPatient = (method: 'GET' | 'POST', url: string, payload?: object) =>
      harness.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    const page = PatientSharingPageSchema.parse((await asPatient('GET', '/api/v1/sharing')).json());
    assert.equal(page.employerName, 'City library');
    assert.deepEqual(
      page.items.map((item) => [item.id, item.section, item.shareable, item.share]),
      [
        ['o1', 'obstacles', true, null],
        ['h1', 'obstacles', false, null],
        ['r1', 'resources', true, null],
      ],
    );
    const unknown = await asPatient('POST', '/api/v1/sharing', {
      decisions: [{ itemId: 'zz', share: true }],
    });
    assert.equal(unknown.statusCode, 422, unknown.body);
    const saved = await asPatient('POST', '/api/v1/sharing', {
      decisions: [
        { itemId: 'o1', share: true },
        { itemId: 'r1', share: false },
      ],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const afterSave = PatientSharingPageSchema.parse(saved.json());
    assert.deepEqual(afterSave.preview.view.obstacles, [
      { id: 'o1', text: 'Long shifts at the desk' },
    ]);
    assert.deepEqual(afterSave.preview.view.resources, []);

    // The clinician sees the patient's own decisions, marked as theirs.
    const seen = MeetingSchema.parse((await get(meetingUrl)).json());
    assert.deepEqual(
      seen.sharing.decisions.map((d) => [d.itemId, d.share, d.via, d.recordedBy]),
      [
        ['o1', true, 'patient', null],
        ['r1', false, 'patient', null],
      ],
    );
    assert.equal(seen.patientLinks.length, 1);
    assert.equal(seen.links.length, 0);

    // The patient's token is not an employer's, nor a way into anything else.
    for (const url of [
      '/api/v1/employer/meeting',
      '/api/v1/respond',
      `${base}/cdm-meetings/${meeting.id}`,
      '/api/v1/patients',
    ]) {
      assert.equal((await asPatient('GET', url)).statusCode, 401, url);
    }

    const withdrawn = await asPatient('POST', '/api/v1/sharing/revocation', {});
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.notEqual(PatientSharingPageSchema.parse(withdrawn.json()).revokedAt, null);
    const afterWithdrawal = MeetingSchema.parse((await get(meetingUrl)).json());
    assert.equal(afterWithdrawal.sharing.revokedVia, 'patient');
    assert.equal((await asPatient('POST', '/api/v1/sharing/revocation', {})).statusCode, 409);
    // The decisions are a consent record: no row of it can be changed or deleted.
    for (const statement of [
      'update cdm_sharing_events set share = true',
      'delete from cdm_sharing_events',
    ]) {
      await assert.rejects(getDatabase().db.execute(statement), (error: unknown) => {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        assert.match(String(cause instanceof Error ? cause.message : cause), /append-only/);
        return true;
      });
    }

    const revoked = await post(`${meetingUrl}/patient-links/${patientLink.link.id}/revocation`, {});
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal((await asPatient('GET', '/api/v1/sharing')).statusCode, 401);
    // An employer-link id is not a patient link of this meeting.
    assert.equal(
      (await post(`${meetingUrl}/employer-links/${patientLink.link.id}/revocation`, {})).statusCode,
      404,
    );
    const events = (await listAuditEvents(getDatabase().db, { patientId })).filter((event) =>
      event.action.startsWith('cdm_sharing.'),
    );
    assert.ok(
      events.some((event) => event.actorType === 'patient_link' && event.outcome === 'denied'),
    );
    assert.ok(
      events.some(
        (event) => event.action === 'cdm_sharing.create' && event.actorType === 'patient_link',
      ),
    );
  });
});
