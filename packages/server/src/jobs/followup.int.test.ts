// Follow-up end to end on an injected clock: the demo patient included today gets the 3-month
// questionnaire and its reminders on the right days; enrolment, inclusion-date and schedule
// changes move what is pending; withdrawal stops everything; answers complete an assignment
// with its delay; the dashboard and the outbox show it.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import pino from 'pino';
import { eq } from 'drizzle-orm';
import {
  DashboardSchema,
  EnrolmentListSchema,
  EnrolmentSchema,
  OutboxListSchema,
  ScheduleSchema,
  SESSION_COOKIE,
  SessionInfoSchema,
  type Enrolment,
} from '@workup/contracts';
import {
  createPatient,
  findAssignmentByTokenHash,
  listAllOutboxMessages,
  listAuditEvents,
  listJobs,
  schema,
  type Database,
} from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  signInStaff,
  TEST_SCRYPT,
  type TestApp,
} from '@workup/testkit';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { seedDemoData } from '../services/demo-data';
import { createOutboxMailer } from '../services/mailer';
import { SmsError, type SmsProvider } from '../services/sms';
import { hashToken } from '../services/tokens';
import { createJobRunner } from './followup';

const silent = pino({ level: 'silent' });
const TOKEN_IN_LINK = /\/q#([A-Za-z0-9_-]{43})/;

/**
 * Every reminder the outbox kept, with when, oldest first (the demo's e-mails to its clinician
 * about a vocational referral are not reminders: see routes/rtw/rtw.int.test.ts).
 */
async function outbox(database: Database) {
  const rows = await listAllOutboxMessages(database.db);
  return rows
    .filter((row) => row.reminderId !== null)
    .map((row) => ({
      at: row.createdAt.toISOString(),
      to: row.recipient,
      channel: row.channel,
      subject: row.subject,
      body: row.body,
    }));
}

describeEachDatabase('follow-up: the demo patient included today', (getDatabase) => {
  // Monday 2 March 2026, 09:00 in Stockholm.
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');
  let drain: () => Promise<number>;
  let signIn: () => Promise<{ cookie: string }>;
  let app: Awaited<ReturnType<typeof createApp>>;

  before(async () => {
    const database = getDatabase();
    const login = await seedDemoData(database.db, {
      now: clock.now(),
      passwordParams: TEST_SCRYPT,
    });
    assert.ok(login);
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://workup.example.org' });
    app = await createApp({ config, database, logger: silent, clock, passwordParams: TEST_SCRYPT });
    const { runner } = createJobRunner({ config, db: database.db, clock, logger: silent });
    drain = () => runner.drain();
    signIn = async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: login,
      });
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      assert.ok(cookie);
      SessionInfoSchema.parse(response.json());
      return { cookie: `${SESSION_COOKIE}=${cookie.value}` };
    };
  });

  it('nothing goes out before the 3-month window opens', async () => {
    await drain();
    clock.set('2026-05-25T21:59:59.000Z');
    await drain();
    assert.deepEqual(await outbox(getDatabase()), []);
  });

  it('the window opens at midnight on 26 May (a week before 2 June) and the link is issued', async () => {
    clock.set('2026-05-26T06:59:59.000Z');
    await drain();
    assert.deepEqual(await outbox(getDatabase()), [], 'the first reminder is at 09:00');
    const session = await signIn();
    const patients = await app.inject({
      method: 'GET',
      url: '/api/v1/patients',
      headers: { cookie: session.cookie },
    });
    const astrid = patients
      .json<{ patients: { id: string; givenName: string }[] }>()
      .patients.find((p) => p.givenName === 'Astrid');
    assert.ok(astrid);
    const followup = await app.inject({
      method: 'GET',
      url: `/api/v1/patients/${astrid.id}/followup`,
      headers: { cookie: session.cookie },
    });
    assert.equal(followup.statusCode, 200, followup.body);
    const [enrolment] = EnrolmentListSchema.parse(followup.json()).enrolments;
    assert.ok(enrolment);
    assert.equal(enrolment.inclusionOn, '2026-03-02');
    const [month3, month12] = enrolment.assignments;
    assert.deepEqual(
      month3 && {
        timepoint: month3.timepoint,
        targetOn: month3.targetOn,
        opensOn: month3.opensOn,
        dueOn: month3.dueOn,
        closesOn: month3.closesOn,
        state: month3.state,
        reminders: month3.reminders.map((r) => [r.sequence, r.sendAt, r.status]),
      },
      {
        timepoint: 'month_3',
        targetOn: '2026-06-02',
        opensOn: '2026-05-26',
        dueOn: '2026-06-16',
        closesOn: '2026-06-30',
        state: 'open',
        // 09:00 Stockholm summer time is 07:00 UTC.
        reminders: [
          [1, '2026-05-26T07:00:00.000Z', 'pending'],
          [2, '2026-05-29T07:00:00.000Z', 'pending'],
          [3, '2026-06-02T07:00:00.000Z', 'pending'],
        ],
      },
    );
    assert.equal(month12?.state, 'scheduled');
    assert.deepEqual(
      month12.reminders.map((r) => r.sendAt),
      // Winter time again: 08:00 UTC.
      ['2027-02-23T08:00:00.000Z', '2027-02-26T08:00:00.000Z', '2027-03-02T08:00:00.000Z'],
    );
  });

  it('reminders go out at 09:00 on the day it opens and 3 and 7 days later, once each', async () => {
    for (const at of [
      '2026-05-26T07:00:00.000Z',
      '2026-05-29T07:00:00.000Z',
      '2026-06-02T07:00:00.000Z',
    ]) {
      clock.set(at);
      await drain();
      await drain();
    }
    const sent = await outbox(getDatabase());
    assert.deepEqual(
      sent.map((m) => [m.at, m.to, m.channel, m.subject]),
      [
        [
          '2026-05-26T07:00:00.000Z',
          'astrid.berg@example.invalid',
          'email',
          'workup: a questionnaire for you',
        ],
        [
          '2026-05-29T07:00:00.000Z',
          'astrid.berg@example.invalid',
          'email',
          'workup: a reminder about your questionnaire',
        ],
        [
          '2026-06-02T07:00:00.000Z',
          'astrid.berg@example.invalid',
          'email',
          'workup: a reminder about your questionnaire',
        ],
      ],
    );
    // Each carries the same working link: its token opens the 3-month questionnaire set.
    const tokens = sent.map((m) => TOKEN_IN_LINK.exec(m.body)?.[1]);
    assert.ok(tokens[0]);
    assert.deepEqual(new Set(tokens).size, 1);
    assert.ok(sent[0]?.body.includes(`https://workup.example.org/q#${tokens[0]}`));
    assert.ok(sent[0]?.body.includes('2026-06-16'));
    const link = await findAssignmentByTokenHash(getDatabase().db, hashToken(tokens[0]));
    assert.ok(link);
    assert.deepEqual(link.instrumentIds, ['odi', 'eq5d3l']);
    assert.equal(link.timepoint, 'month_3');
    assert.equal(link.dueOn, '2026-06-16');
    assert.equal(link.expiresAt.toISOString(), '2026-06-30T22:00:00.000Z');
    for (const message of sent) {
      for (const word of ['Astrid', 'Berg', 'odi', 'eq5d', 'month_3', 'pain', 'back']) {
        assert.equal(message.body.includes(word), false, `the message mentions ${word}`);
      }
    }
  });

  it('nothing more for months; the 12-month window opens on 23 February 2027 at 09:00', async () => {
    clock.set('2027-02-23T07:59:59.000Z');
    await drain();
    assert.equal((await outbox(getDatabase())).length, 3);
    clock.set('2027-02-23T08:00:00.000Z');
    await drain();
    const sent = await outbox(getDatabase());
    assert.equal(sent.length, 4);
    assert.equal(sent[3]?.at, '2027-02-23T08:00:00.000Z');
    // Unanswered, month 3 closed at the end of 30 June and is missed; no job is left failed.
    assert.equal(
      (await listJobs(getDatabase().db)).filter((job) => job.status === 'failed').length,
      0,
    );
  });

  it('the patient answers through the link; the delay is stored and later reminders stop', async () => {
    const sent = await outbox(getDatabase());
    const token = TOKEN_IN_LINK.exec(sent[3]?.body ?? '')?.[1];
    assert.ok(token);
    const headers = { authorization: `Bearer ${token}` };
    const form = await app.inject({ method: 'GET', url: '/api/v1/respond', headers });
    assert.equal(form.statusCode, 200, form.body);
    const opened = form.json<{ timepoint: string; questionnaires: { instrument: string }[] }>();
    assert.equal(opened.timepoint, 'month_12');
    assert.deepEqual(
      opened.questionnaires.map((q) => q.instrument),
      ['odi', 'eq5d3l'],
    );
    // Wednesday 24 February 2027, 19:30 UTC. The link was issued when the opening job ran, at
    // 07:59:59 UTC on the 23rd (the clock jumped there from 2026).
    clock.set('2027-02-24T19:30:00.000Z');
    const odi = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 1]));
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers,
      payload: {
        responses: { odi, eq5d3l: { MO: 1, SC: 1, UA: 2, PD: 2, AD: 1, VAS: 70 } },
      },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    clock.set('2027-03-05T00:00:00.000Z');
    await drain();
    assert.equal((await outbox(getDatabase())).length, 4, 'no reminder after the answer');
    const session = await signIn();
    const dashboard = DashboardSchema.parse(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/followup/dashboard',
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    const [unit] = dashboard.units;
    assert.deepEqual(
      unit?.timepoints.map((t) => [t.timepoint, t.eligible, t.completed, t.missed, t.responseRate]),
      [
        ['month_3', 1, 0, 1, 0],
        ['month_12', 1, 1, 0, 1],
      ],
    );
    // 2027-02-23T07:59:59Z to 2027-02-24T19:30:00Z: 127 801 s = 1.4792 days.
    assert.equal(unit.timepoints.at(1)?.medianDelayDays, 1.48);
  });
});

/** Follow-up through the API on a unit of the test app. */
describeEachDatabase('follow-up through the API', (getDatabase) => {
  const clock = new FakeClock('2026-03-02T10:00:00.000Z');
  let harness: TestApp;
  let session = { cookie: '', csrfToken: '' };
  let drain: () => Promise<number>;
  let scheduleId = '';
  const patients: Record<'email' | 'sms' | 'none', string> = { email: '', sms: '', none: '' };
  const enrolments: Record<string, Enrolment> = {};

  /** Signs in again first: the fake clock jumps days, past any session's lifetime. */
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    session = await signInStaff(harness);
    return harness.app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  };
  const followupOf = async (patientId: string) => {
    const response = await call('GET', `/api/v1/patients/${patientId}/followup`);
    assert.equal(response.statusCode, 200, response.body);
    const [enrolment] = EnrolmentListSchema.parse(response.json()).enrolments;
    assert.ok(enrolment);
    return enrolment;
  };
  const assignment = (enrolment: Enrolment, timepoint: string) => {
    const found = enrolment.assignments.find((row) => row.timepoint === timepoint);
    assert.ok(found, timepoint);
    return found;
  };

  const WINDOW = { opensBeforeDays: 7, dueAfterDays: 14, closesAfterDays: 28 };
  const DEFINITION = {
    timeZone: 'Europe/Stockholm',
    timepoints: [
      {
        timepoint: 'baseline',
        offset: { unit: 'days', value: 0 },
        instruments: ['sbt'],
        window: { opensBeforeDays: 0, dueAfterDays: 3, closesAfterDays: 14 },
      },
      {
        timepoint: 'month_3',
        offset: { unit: 'months', value: 3 },
        instruments: ['odi'],
        window: WINDOW,
      },
    ],
    reminders: {
      daysAfterOpening: [0, 3, 7],
      maxReminders: 3,
      sendAt: '09:00',
      channels: ['email', 'sms'],
    },
  };

  before(async () => {
    harness = await createTestApp(getDatabase(), {
      clock,
      env: { PUBLIC_URL: 'https://workup.example.org', SIGN_IN_MAX_ATTEMPTS: '1000' },
    });
    const { runner } = createJobRunner({
      config: harness.config,
      db: getDatabase().db,
      clock,
      logger: silent,
    });
    drain = () => runner.drain();
    const make = async (givenName: string, contact: { email?: string; phone?: string }) =>
      (
        await createPatient(getDatabase().db, {
          unitId: harness.clinician.unitId,
          givenName,
          familyName: 'Test',
          birthYear: 1980,
          email: contact.email ?? null,
          phone: contact.phone ?? null,
          now: clock.now(),
        })
      ).id;
    patients.email = await make('Elin', {
      email: 'elin@example.invalid',
      phone: '+46 70 111 11 11',
    });
    patients.sms = await make('Sven', { phone: '+46 70 222 22 22' });
    patients.none = await make('Nora', {});
  });

  it('refuses a schedule with an unknown time zone or a timepoint named twice (422)', async () => {
    const badZone = await call('POST', '/api/v1/followup/schedules', {
      name: 'x',
      definition: { ...DEFINITION, timeZone: 'Europe/Atlantis' },
    });
    assert.equal(badZone.statusCode, 422, badZone.body);
    assert.deepEqual(badZone.json<{ errors: { path: string[] }[] }>().errors[0]?.path, [
      'definition',
      'timeZone',
    ]);
    const twice = await call('POST', '/api/v1/followup/schedules', {
      name: 'x',
      definition: {
        ...DEFINITION,
        timepoints: [...DEFINITION.timepoints, DEFINITION.timepoints[1]],
      },
    });
    assert.equal(twice.statusCode, 422, twice.body);
  });

  it('creates a schedule and enrols three patients included today', async () => {
    const created = await call('POST', '/api/v1/followup/schedules', {
      name: 'Baseline and 3 months',
      definition: DEFINITION,
    });
    assert.equal(created.statusCode, 201, created.body);
    const schedule = ScheduleSchema.parse(created.json());
    assert.equal(schedule.version, 1);
    scheduleId = schedule.id;
    for (const [kind, patientId] of Object.entries(patients)) {
      const response = await call('POST', `/api/v1/patients/${patientId}/followup`, {
        scheduleId,
        inclusionOn: '2026-03-02',
      });
      assert.equal(response.statusCode, 201, response.body);
      enrolments[kind] = EnrolmentSchema.parse(response.json());
    }
    const again = await call('POST', `/api/v1/patients/${patients.email}/followup`, {
      scheduleId,
      inclusionOn: '2026-03-02',
    });
    assert.equal(again.statusCode, 409);
    // Included at 11:00, after the 09:00 reminder time: the invitation goes out at once.
    const baseline = assignment(enrolments.email ?? assert.fail(), 'baseline');
    assert.deepEqual(
      baseline.reminders.map((r) => [r.sequence, r.sendAt]),
      [
        [1, '2026-03-02T10:00:00.000Z'],
        [2, '2026-03-05T08:00:00.000Z'],
        [3, '2026-03-09T08:00:00.000Z'],
      ],
    );
  });

  it('sends by e-mail, by SMS without an e-mail address, and skips a patient with neither', async () => {
    await drain();
    const sent = await outbox(getDatabase());
    assert.deepEqual(
      sent.map((m) => [m.to, m.channel]),
      [
        ['elin@example.invalid', 'email'],
        ['+46 70 222 22 22', 'sms'],
      ],
    );
    const sms = sent[1];
    assert.ok(sms?.subject === null && TOKEN_IN_LINK.test(sms.body) && !sms.body.includes('\n'));
    const none = assignment(await followupOf(patients.none), 'baseline');
    assert.equal(none.state, 'open');
    assert.deepEqual(none.reminders[0]?.status, 'skipped');
    // The system's reads and messages are in the patients' audit trail: codes and ids only.
    const events = (await listAuditEvents(getDatabase().db)).filter(
      (event) => event.actorType === 'system' && event.action.startsWith('followup.'),
    );
    assert.deepEqual(
      events.map((event) => [event.action, event.patientId]).sort(),
      [
        ['followup.link_issue', patients.email],
        ['followup.link_issue', patients.none],
        ['followup.link_issue', patients.sms],
        ['followup.reminder_send', patients.email],
        ['followup.reminder_send', patients.sms],
      ].sort(),
    );
    assert.ok(events.every((event) => !JSON.stringify(event.detail).includes('@')));
    const listed = await call('GET', '/api/v1/outbox');
    assert.equal(listed.statusCode, 200);
    assert.equal(OutboxListSchema.parse(listed.json()).messages.length, 2);
    // Another unit's clinician sees none of them, nor this unit's schedules or dashboard.
    const other = await signInStaff(harness, await harness.addClinician('Other Centre'));
    const headers = { cookie: other.cookie, 'x-csrf-token': other.csrfToken };
    const theirs = await harness.app.inject({ method: 'GET', url: '/api/v1/outbox', headers });
    assert.deepEqual(OutboxListSchema.parse(theirs.json()).messages, []);
    const schedule = await harness.app.inject({
      method: 'GET',
      url: `/api/v1/followup/schedules/${scheduleId}`,
      headers,
    });
    assert.equal(schedule.statusCode, 404);
    const dashboard = await harness.app.inject({
      method: 'GET',
      url: `/api/v1/followup/dashboard?unitId=${harness.clinician.unitId}`,
      headers,
    });
    assert.equal(dashboard.statusCode, 404);
  });

  it('renders each reminder when it is sent: a changed address is used', async () => {
    const changed = await call('PATCH', `/api/v1/patients/${patients.email}`, {
      email: 'elin.new@example.invalid',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    clock.set('2026-03-05T08:00:00.000Z');
    await drain();
    const sent = await outbox(getDatabase());
    assert.deepEqual(
      sent.slice(2).map((m) => [m.at, m.to]),
      [
        ['2026-03-05T08:00:00.000Z', 'elin.new@example.invalid'],
        ['2026-03-05T08:00:00.000Z', '+46 70 222 22 22'],
      ],
    );
  });

  it('an answer completes the assignment with its delay, and stops its reminders', async () => {
    const baseline = assignment(await followupOf(patients.email), 'baseline');
    assert.ok(baseline.openedAt);
    assert.equal(baseline.openedAt, '2026-03-02T10:00:00.000Z');
    const links = await getDatabase()
      .db.select()
      .from(schema.followupAssignments)
      .where(eq(schema.followupAssignments.id, baseline.id));
    const linkId = links[0]?.questionnaireAssignmentId;
    assert.ok(linkId);
    // Submitted on 6 March at 12:34:56 UTC: 4 days 2 h 34 min 56 s after the window opened.
    clock.set('2026-03-06T12:34:56.000Z');
    await getDatabase()
      .db.update(schema.questionnaireAssignments)
      .set({ submittedAt: clock.now() })
      .where(eq(schema.questionnaireAssignments.id, linkId));
    const after = assignment(await followupOf(patients.email), 'baseline');
    assert.equal(after.state, 'completed');
    assert.equal(after.completedAt, '2026-03-06T12:34:56.000Z');
    assert.equal(after.responseDelaySeconds, 4 * 86_400 + 2 * 3600 + 34 * 60 + 56);
    const before = (await outbox(getDatabase())).length;
    clock.set('2026-03-09T08:00:00.000Z');
    await drain();
    const sent = (await outbox(getDatabase())).slice(before);
    // Sven still gets his third; Elin, who answered, does not.
    assert.deepEqual(
      sent.map((m) => m.to),
      ['+46 70 222 22 22'],
    );
    const third = assignment(await followupOf(patients.email), 'baseline').reminders[2];
    assert.equal(third?.status, 'skipped');
  });

  it('moving the inclusion date moves pending assignments and their reminders', async () => {
    const enrolment = enrolments.email;
    assert.ok(enrolment);
    const moved = await call(
      'PATCH',
      `/api/v1/patients/${patients.email}/followup/${enrolment.id}`,
      {
        inclusionOn: '2026-03-09',
      },
    );
    assert.equal(moved.statusCode, 200, moved.body);
    const view = EnrolmentSchema.parse(moved.json());
    assert.equal(assignment(view, 'baseline').state, 'completed', 'answered: kept');
    const month3 = assignment(view, 'month_3');
    assert.deepEqual(
      [month3.targetOn, month3.opensOn, month3.dueOn, month3.closesOn],
      ['2026-06-09', '2026-06-02', '2026-06-23', '2026-07-07'],
    );
    assert.deepEqual(
      month3.reminders.filter((r) => r.status === 'pending').map((r) => r.sendAt),
      ['2026-06-02T07:00:00.000Z', '2026-06-05T07:00:00.000Z', '2026-06-09T07:00:00.000Z'],
    );
    assert.equal(month3.reminders.filter((r) => r.status === 'cancelled').length, 3);
  });

  it('changing the schedule moves every enrolled patient’s pending assignments', async () => {
    clock.set('2026-03-10T09:00:00.000Z');
    const changed = await call('PUT', `/api/v1/followup/schedules/${scheduleId}`, {
      definition: {
        ...DEFINITION,
        timepoints: [
          DEFINITION.timepoints[0],
          {
            timepoint: 'month_6',
            offset: { unit: 'months', value: 6 },
            instruments: ['odi'],
            window: WINDOW,
          },
        ],
      },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(ScheduleSchema.parse(changed.json()).version, 2);
    const view = await followupOf(patients.none);
    assert.equal(assignment(view, 'month_3').state, 'cancelled');
    const month6 = assignment(view, 'month_6');
    assert.equal(month6.targetOn, '2026-09-02');
    assert.equal(month6.reminders.length, 3);
  });

  it('the dashboard: response rate and delay per timepoint, and who is overdue', async () => {
    // 12 March: Nora's and Sven's baselines were due on 5 March and are overdue; Elin answered.
    clock.set('2026-03-12T09:00:00.000Z');
    const response = await call('GET', '/api/v1/followup/dashboard');
    assert.equal(response.statusCode, 200, response.body);
    const dashboard = DashboardSchema.parse(response.json());
    const unit = dashboard.units.find((u) => u.unitId === harness.clinician.unitId);
    const baseline = unit?.timepoints.find((t) => t.timepoint === 'baseline');
    assert.deepEqual(baseline, {
      timepoint: 'baseline',
      eligible: 3,
      completed: 1,
      open: 0,
      overdue: 2,
      missed: 0,
      responseRate: 1 / 3,
      // 354 896 s = 4.1076 days.
      medianDelayDays: 4.11,
      meanDelayDays: 4.11,
    });
    assert.deepEqual(
      dashboard.overdue.map((o) => [o.patientId, o.timepoint, o.dueOn, o.daysOverdue]).sort(),
      [
        [patients.none, 'baseline', '2026-03-05', 7],
        [patients.sms, 'baseline', '2026-03-05', 7],
      ].sort(),
    );
  });
  it('withdrawal stops everything: no more reminders, the open link is revoked', async () => {
    const enrolment = enrolments.sms;
    assert.ok(enrolment);
    const response = await call(
      'POST',
      `/api/v1/patients/${patients.sms}/followup/${enrolment.id}/withdrawal`,
      {
        reason: 'patient_request',
      },
    );
    assert.equal(response.statusCode, 200, response.body);
    const view = EnrolmentSchema.parse(response.json());
    assert.ok(view.withdrawnAt);
    assert.deepEqual(
      view.assignments.map((a) => [a.timepoint, a.state]),
      [
        ['baseline', 'withdrawn'],
        ['month_3', 'cancelled'],
        ['month_6', 'withdrawn'],
      ],
    );
    const baselineRow = (
      await getDatabase()
        .db.select()
        .from(schema.followupAssignments)
        .where(eq(schema.followupAssignments.id, assignment(view, 'baseline').id))
    )[0];
    assert.ok(baselineRow?.questionnaireAssignmentId);
    const [link] = await getDatabase()
      .db.select()
      .from(schema.questionnaireAssignments)
      .where(eq(schema.questionnaireAssignments.id, baselineRow.questionnaireAssignmentId));
    assert.ok(link?.revokedAt, 'the open link is revoked');
    assert.ok(view.assignments.flatMap((a) => a.reminders).every((r) => r.status !== 'pending'));
    const before = (await outbox(getDatabase())).length;
    clock.set('2026-06-10T08:00:00.000Z');
    await drain();
    const sent = (await outbox(getDatabase())).slice(before);
    assert.equal(
      sent.some((m) => m.to === '+46 70 222 22 22'),
      false,
    );
    // A later change of the schedule does not lay out a withdrawn patient again.
    const changed = await call('PUT', `/api/v1/followup/schedules/${scheduleId}`, {
      definition: DEFINITION,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      (await followupOf(patients.sms)).assignments.map((a) => [a.timepoint, a.state]),
      [
        ['baseline', 'withdrawn'],
        ['month_3', 'cancelled'],
        ['month_6', 'withdrawn'],
      ],
    );
  });
});

/** An SMS provider double: refuses while `failures` is above zero, then records. */
interface SmsDouble {
  failures: number;
  readonly sent: { to: string; text: string }[];
  readonly provider: SmsProvider;
}

function smsDouble(): SmsDouble {
  const double: SmsDouble = {
    failures: 0,
    sent: [],
    provider: {
      kind: 'test',
      send(message) {
        if (double.failures > 0) {
          double.failures -= 1;
          return Promise.reject(new SmsError('the SMS provider answered HTTP 503', 503));
        }
        double.sent.push({ to: message.to, text: message.text });
        return Promise.resolve({ providerMessageId: `test-${String(double.sent.length)}` });
      },
    },
  };
  return double;
}

describeEachDatabase('follow-up: a failing SMS provider', (getDatabase) => {
  const clock = new FakeClock('2026-03-02T10:00:00.000Z');
  const sms = smsDouble();
  let harness: TestApp;
  let drain: () => Promise<number>;
  let scheduleId = '';

  const enrolWithPhone = async (phone: string) => {
    const patient = await createPatient(getDatabase().db, {
      unitId: harness.clinician.unitId,
      givenName: 'Pia',
      familyName: 'Test',
      birthYear: 1970,
      phone,
      now: clock.now(),
    });
    const session = await signInStaff(harness);
    const response = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/followup`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: { scheduleId, inclusionOn: '2026-03-02' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return EnrolmentSchema.parse(response.json());
  };
  const reminderStatus = async (enrolment: Enrolment) => {
    const rows = await getDatabase()
      .db.select()
      .from(schema.followupReminders)
      .where(eq(schema.followupReminders.assignmentId, enrolment.assignments[0]?.id ?? ''));
    return rows.map((row) => row.status);
  };

  before(async () => {
    harness = await createTestApp(getDatabase(), {
      clock,
      env: { JOB_MAX_ATTEMPTS: '3', SIGN_IN_MAX_ATTEMPTS: '1000' },
    });
    const { runner } = createJobRunner({
      config: harness.config,
      db: getDatabase().db,
      clock,
      logger: silent,
      transports: { mailer: createOutboxMailer(getDatabase().db, clock), sms: sms.provider },
    });
    drain = () => runner.drain();
    const session = await signInStaff(harness);
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/followup/schedules',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: {
        name: 'SMS only',
        definition: {
          timeZone: 'Europe/Stockholm',
          timepoints: [
            {
              timepoint: 'baseline',
              offset: { unit: 'days', value: 0 },
              instruments: ['sbt'],
              window: { opensBeforeDays: 0, dueAfterDays: 3, closesAfterDays: 14 },
            },
          ],
          reminders: { daysAfterOpening: [0], maxReminders: 1, sendAt: '09:00', channels: ['sms'] },
        },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    scheduleId = ScheduleSchema.parse(created.json()).id;
  });

  it('retries a refused SMS after 30 s and sends it once', async () => {
    const enrolment = await enrolWithPhone('+46 70 333 33 33');
    sms.failures = 1;
    await drain();
    assert.equal(sms.sent.length, 0);
    assert.deepEqual(await reminderStatus(enrolment), ['pending']);
    clock.advance(29_999);
    await drain();
    assert.equal(sms.sent.length, 0);
    clock.advance(1);
    await drain();
    assert.deepEqual(
      sms.sent.map((m) => m.to),
      ['+46 70 333 33 33'],
    );
    assert.deepEqual(await reminderStatus(enrolment), ['sent']);
  });

  it('gives up after JOB_MAX_ATTEMPTS and records the reminder as failed', async () => {
    const enrolment = await enrolWithPhone('+46 70 444 44 44');
    sms.failures = 100;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await drain();
      clock.advance(3_600_000);
    }
    await drain();
    assert.deepEqual(await reminderStatus(enrolment), ['failed']);
    const failed = (await listJobs(getDatabase().db, { kind: 'followup.remind' })).filter(
      (job) => job.status === 'failed',
    );
    assert.equal(failed.length, 1);
    assert.equal(failed.at(0)?.attempts, 3);
    assert.equal(failed.at(0)?.lastError, 'SmsError');
    sms.failures = 0;
  });
});
