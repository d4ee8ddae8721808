// The clinical record over HTTP: identity kept apart, episodes with diagnosis codes, plans
// from triage output with the clinician's decisions, the treatment protocol, consents; every
// access audited in the same transaction, and an audit trail nobody can change.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import pg from 'pg';
import {
  ConsentListSchema,
  ConsentSchema,
  EpisodeListSchema,
  EpisodeSchema,
  PatientDetailSchema,
  PatientSummarySchema,
  PlanComponentSchema,
  PlanListSchema,
  PlanSchema,
  ProblemSchema,
  ProtocolEntrySchema,
  ProtocolSchema,
  TriageResultSchema,
} from '@workup/contracts';
import {
  listAuditEvents,
  listConsents,
  listEpisodes,
  listPlans,
  listProtocolEntries,
  openDatabase,
  schema,
  type Database,
} from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  FakeClock,
  openTestDatabase,
  signInStaff,
  TEST_SCRYPT,
  type TestApp,
} from '@workup/testkit';
import { seedDemoData } from '../../services/demo-data';

const SAMPLE_TRIAGE = TriageResultSchema.parse(
  JSON.parse(readFileSync(new URL('../plans/sample-triage.json', import.meta.url), 'utf8')),
);

type Session = Awaited<ReturnType<typeof signInStaff>>;

/** Runs SQL on either database (tests only). */
async function execute(database: Database, statement: string): Promise<void> {
  await database.db.execute(statement);
}

describeEachDatabase('the clinical record over HTTP', (getDatabase, kind) => {
  let harness: TestApp;
  let session: Session;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  before(async () => {
    harness = await createTestApp(getDatabase(), { clock });
    session = await signInStaff(harness);
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    harness.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const newPatient = async (extra: Record<string, unknown> = {}) => {
    const response = await call('POST', '/patients', {
      givenName: 'Eva',
      familyName: 'Lund',
      ...extra,
    });
    assert.equal(response.statusCode, 201, response.body);
    return PatientSummarySchema.parse(response.json());
  };

  const pathsOf = (body: string) =>
    ProblemSchema.parse(JSON.parse(body)).errors?.map((error) => error.path.join('.')) ?? [];

  it('keeps national id and contact apart from the summary and shows them on the record', async () => {
    const created = await call('POST', '/patients', {
      givenName: 'Eva',
      familyName: 'Lund',
      nationalId: { system: 'se_personnummer', value: '19800101-2389' },
      phone: '+46 70 111 22 33',
      email: 'eva@example.invalid',
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.body.includes('19800101-2389'), false);
    const patient = PatientSummarySchema.parse(created.json());
    const detail = PatientDetailSchema.parse((await call('GET', `/patients/${patient.id}`)).json());
    assert.deepEqual(detail.identity, {
      nationalId: { system: 'se_personnummer', value: '19800101-2389' },
      phone: '+46 70 111 22 33',
      email: 'eva@example.invalid',
    });
    const changed = await call('PATCH', `/patients/${patient.id}`, {
      phone: null,
      birthYear: 1980,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const after = PatientDetailSchema.parse(changed.json());
    assert.equal(after.identity.phone, null);
    assert.equal(after.birthYear, 1980);
    const bad = await call('PATCH', `/patients/${patient.id}`, {
      nationalId: { system: 'nowhere', value: '1' },
    });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(pathsOf(bad.body).sort(), ['nationalId.system', 'nationalId.value']);
    const events = await listAuditEvents(getDatabase().db, { patientId: patient.id });
    const update = events.find((event) => event.action === 'patient.update');
    assert.deepEqual(update?.detail, { fields: ['birthYear', 'phone'] });
    for (const event of events) {
      assert.equal(JSON.stringify(event).includes('19800101-2389'), false);
    }
  });

  it('opens, lists and closes episodes with ICD-10 and ICPC-2 codes in order', async () => {
    const patient = await newPatient();
    const created = await call('POST', `/patients/${patient.id}/episodes`, {
      bodyRegion: 'low_back',
      onsetOn: '2026-02-10',
      startedOn: '2026-02-24',
      diagnoses: [
        { system: 'icpc2', code: 'L86' },
        { system: 'icd10', code: 'M51.1' },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    const episode = EpisodeSchema.parse(created.json());
    assert.deepEqual(episode.diagnoses, [
      { system: 'icpc2', code: 'L86' },
      { system: 'icd10', code: 'M51.1' },
    ]);
    const closed = await call('PATCH', `/patients/${patient.id}/episodes/${episode.id}`, {
      endedOn: '2026-03-01',
      diagnoses: [{ system: 'icd10', code: 'M54.5' }],
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(EpisodeSchema.parse(closed.json()).diagnoses, [
      { system: 'icd10', code: 'M54.5' },
    ]);
    const list = EpisodeListSchema.parse(
      (await call('GET', `/patients/${patient.id}/episodes`)).json(),
    );
    assert.equal(list.episodes[0]?.endedOn, '2026-03-01');

    const invalid = await call('POST', `/patients/${patient.id}/episodes`, {
      bodyRegion: 'elbow',
      onsetOn: '2026-03-01',
      startedOn: '2026-02-30',
      diagnoses: [
        { system: 'icd10', code: 'L03' + 'x' },
        { system: 'icpc2', code: 'M54.5' },
      ],
    });
    assert.equal(invalid.statusCode, 422);
    assert.deepEqual(pathsOf(invalid.body).sort(), [
      'bodyRegion',
      'diagnoses.0.code',
      'diagnoses.1.code',
      'startedOn',
    ]);
    const early = await call('PATCH', `/patients/${patient.id}/episodes/${episode.id}`, {
      endedOn: '2026-01-01',
    });
    assert.equal(early.statusCode, 422);
    assert.deepEqual(pathsOf(early.body), ['endedOn']);
    const onsetAfterStart = await call('POST', `/patients/${patient.id}/episodes`, {
      bodyRegion: 'neck',
      onsetOn: '2026-03-02',
      startedOn: '2026-03-01',
    });
    assert.equal(onsetAfterStart.statusCode, 422);
    assert.deepEqual(pathsOf(onsetAfterStart.body), ['onsetOn']);
  });

  it('stores a triage result as a plan with its pathway hash, flags and components', async () => {
    const patient = await newPatient();
    const created = await call('POST', `/patients/${patient.id}/plans`, { triage: SAMPLE_TRIAGE });
    assert.equal(created.statusCode, 201, created.body);
    const plan = PlanSchema.parse(created.json());
    assert.deepEqual(plan.pathway, SAMPLE_TRIAGE.pathway);
    assert.deepEqual(plan.triage, SAMPLE_TRIAGE);
    assert.deepEqual(plan.flags, [{ colour: 'yellow', code: 'fear_avoidance' }]);
    assert.deepEqual(
      plan.components.map((c) => [c.code, c.status, c.decision]),
      [
        ['education', 'proposed', null],
        ['physio_exercise', 'proposed', null],
      ],
    );
    const read = PlanSchema.parse(
      (await call('GET', `/patients/${patient.id}/plans/${plan.id}`)).json(),
    );
    assert.deepEqual(read, plan);
    const listed = PlanListSchema.parse(
      (await call('GET', `/patients/${patient.id}/plans`)).json(),
    );
    assert.deepEqual(
      listed.plans.map((p) => p.id),
      [plan.id],
    );

    const badHash = await call('POST', `/patients/${patient.id}/plans`, {
      triage: { ...SAMPLE_TRIAGE, pathway: { ...SAMPLE_TRIAGE.pathway, hash: 'md5:1' } },
    });
    assert.equal(badHash.statusCode, 422);
    assert.deepEqual(pathsOf(badHash.body), ['triage.pathway.hash']);
    const first = SAMPLE_TRIAGE.plan[0];
    assert.ok(first);
    const twice = await call('POST', `/patients/${patient.id}/plans`, {
      triage: { ...SAMPLE_TRIAGE, plan: [first, first] },
    });
    assert.equal(twice.statusCode, 422);
    const unknownCode = await call('POST', `/patients/${patient.id}/plans`, {
      triage: { ...SAMPLE_TRIAGE, plan: [{ ...first, code: 'acupuncture' }] },
    });
    assert.equal(unknownCode.statusCode, 422);
    assert.deepEqual(pathsOf(unknownCode.body), ['triage.plan.0.code']);
  });

  it('records the clinician’s decision on each component, with a reason for changed or declined', async () => {
    const patient = await newPatient();
    const plan = PlanSchema.parse(
      (await call('POST', `/patients/${patient.id}/plans`, { triage: SAMPLE_TRIAGE })).json(),
    );
    const decide = (code: string, body: Record<string, unknown>) =>
      call('PUT', `/patients/${patient.id}/plans/${plan.id}/components/${code}`, body);

    for (const decision of ['changed', 'declined']) {
      const noReason = await decide('physio_exercise', { decision });
      assert.equal(noReason.statusCode, 422, noReason.body);
      assert.deepEqual(pathsOf(noReason.body), ['reason']);
      const blank = await decide('physio_exercise', { decision, reason: '   ' });
      assert.equal(blank.statusCode, 422);
    }
    const declinedDelivered = await decide('physio_exercise', {
      decision: 'declined',
      reason: 'prefers to wait',
      deliveredOn: '2026-03-02',
    });
    assert.equal(declinedDelivered.statusCode, 422);
    assert.deepEqual(pathsOf(declinedDelivered.body), ['deliveredOn']);
    const future = await decide('education', { decision: 'accepted', deliveredOn: '2026-03-03' });
    assert.equal(future.statusCode, 422);

    const accepted = await decide('education', { decision: 'accepted', deliveredOn: '2026-03-02' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(PlanComponentSchema.parse(accepted.json()), {
      code: 'education',
      title: 'Explanation of pain and reassurance',
      status: 'proposed',
      decision: 'accepted',
      reason: null,
      decidedBy: harness.clinician.id,
      decidedAt: '2026-03-02T08:00:00.000Z',
      deliveredOn: '2026-03-02',
    });
    const changed = await decide('physio_exercise', {
      decision: 'changed',
      reason: 'group exercise instead of individual sessions',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(
      PlanComponentSchema.parse(changed.json()).reason,
      'group exercise instead of individual sessions',
    );
    assert.equal((await decide('follow_up', { decision: 'accepted' })).statusCode, 404);
    const events = await listAuditEvents(getDatabase().db, { patientId: patient.id });
    const decisions = events.filter((e) => e.action === 'plan_component.update');
    assert.deepEqual(
      decisions.map((e) => e.detail),
      [
        { code: 'education', decision: 'accepted', delivered: true },
        { code: 'physio_exercise', decision: 'changed', delivered: false },
      ],
    );
    assert.equal(JSON.stringify(events).includes('group exercise'), false);
  });

  it('keeps the treatment protocol with intervention codes, provider and duration', async () => {
    const patient = await newPatient();
    const plan = PlanSchema.parse(
      (await call('POST', `/patients/${patient.id}/plans`, { triage: SAMPLE_TRIAGE })).json(),
    );
    const first = await call('POST', `/patients/${patient.id}/protocol`, {
      interventionCode: 'physio_exercise',
      performedOn: '2026-03-02',
      durationMinutes: 45,
      notes: 'graded walking programme',
      planId: plan.id,
    });
    assert.equal(first.statusCode, 201, first.body);
    const entry = ProtocolEntrySchema.parse(first.json());
    assert.equal(entry.providerId, harness.clinician.id);
    const earlier = await call('POST', `/patients/${patient.id}/protocol`, {
      interventionCode: 'x_back_school',
      performedOn: '2026-02-27',
    });
    assert.equal(earlier.statusCode, 201, earlier.body);
    const protocol = ProtocolSchema.parse(
      (await call('GET', `/patients/${patient.id}/protocol`)).json(),
    );
    assert.deepEqual(
      protocol.entries.map((e) => [e.performedOn, e.interventionCode, e.durationMinutes]),
      [
        ['2026-02-27', 'x_back_school', null],
        ['2026-03-02', 'physio_exercise', 45],
      ],
    );
    const bad = await call('POST', `/patients/${patient.id}/protocol`, {
      interventionCode: 'massage',
      performedOn: '2026-03-03',
      durationMinutes: 0,
      planId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(pathsOf(bad.body).sort(), ['durationMinutes', 'interventionCode']);
    const future = await call('POST', `/patients/${patient.id}/protocol`, {
      interventionCode: 'education',
      performedOn: '2026-03-03',
    });
    assert.deepEqual(pathsOf(future.body), ['performedOn']);
    const strangerPlan = await call('POST', `/patients/${patient.id}/protocol`, {
      interventionCode: 'education',
      performedOn: '2026-03-01',
      planId: '00000000-0000-4000-8000-000000000000',
    });
    assert.deepEqual(pathsOf(strangerPlan.body), ['planId']);
    const outsider = await harness.addClinician('Far Away Centre');
    const notTheirs = await call('POST', `/patients/${patient.id}/protocol`, {
      interventionCode: 'education',
      performedOn: '2026-03-01',
      providerId: outsider.id,
    });
    assert.deepEqual(pathsOf(notTheirs.body), ['providerId']);
  });

  it('records consents, refuses a second active one, and revokes with a timestamp', async () => {
    const patient = await newPatient();
    const given = await call('POST', `/patients/${patient.id}/consents`, {
      kind: 'research',
      givenAt: '2026-03-01T12:00:00.000Z',
    });
    assert.equal(given.statusCode, 201, given.body);
    const consent = ConsentSchema.parse(given.json());
    assert.equal(consent.active, true);
    const again = await call('POST', `/patients/${patient.id}/consents`, { kind: 'research' });
    assert.equal(again.statusCode, 409);
    assert.equal(ProblemSchema.parse(again.json()).code, 'consent_active');
    const future = await call('POST', `/patients/${patient.id}/consents`, {
      kind: 'care',
      givenAt: '2026-03-03T00:00:00.000Z',
    });
    assert.equal(future.statusCode, 422);
    clock.advance(60_000);
    const revoked = await call(
      'POST',
      `/patients/${patient.id}/consents/${consent.id}/revocation`,
      {},
    );
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.deepEqual(
      (({ active, revokedAt, revokedBy }) => ({ active, revokedAt, revokedBy }))(
        ConsentSchema.parse(revoked.json()),
      ),
      { active: false, revokedAt: '2026-03-02T08:01:00.000Z', revokedBy: harness.clinician.id },
    );
    const twice = await call(
      'POST',
      `/patients/${patient.id}/consents/${consent.id}/revocation`,
      {},
    );
    assert.equal(twice.statusCode, 409);
    const renewed = await call('POST', `/patients/${patient.id}/consents`, { kind: 'research' });
    assert.equal(renewed.statusCode, 201);
    const list = ConsentListSchema.parse(
      (await call('GET', `/patients/${patient.id}/consents`)).json(),
    );
    assert.deepEqual(
      list.consents.map((c) => [c.kind, c.active]),
      [
        ['research', false],
        ['research', true],
      ],
    );
  });

  it('writes the audit event in the same transaction: when it fails, the change is undone', async () => {
    const patient = await newPatient();
    const database = getDatabase();
    await execute(
      database,
      `create function fail_audit() returns trigger language plpgsql as $$
       begin raise exception 'audit unavailable'; end; $$`,
    );
    await execute(
      database,
      `create trigger fail_audit before insert on audit_events for each row
       when (new.action in ('episode.create', 'plan.create', 'protocol_entry.create',
                            'consent.create', 'patient.read'))
       execute function fail_audit()`,
    );
    try {
      const attempts = [
        call('POST', `/patients/${patient.id}/episodes`, {
          bodyRegion: 'low_back',
          startedOn: '2026-03-01',
        }),
        call('POST', `/patients/${patient.id}/plans`, { triage: SAMPLE_TRIAGE }),
        call('POST', `/patients/${patient.id}/protocol`, {
          interventionCode: 'education',
          performedOn: '2026-03-01',
        }),
        call('POST', `/patients/${patient.id}/consents`, { kind: 'care' }),
        call('GET', `/patients/${patient.id}`),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        assert.equal(response.statusCode, 500, response.body);
        assert.equal(response.body.includes('Lund'), false);
      }
      assert.deepEqual(await listEpisodes(database.db, patient.id), []);
      assert.deepEqual(await listPlans(database.db, patient.id), []);
      assert.deepEqual(await listProtocolEntries(database.db, patient.id), []);
      assert.deepEqual(await listConsents(database.db, patient.id), []);
    } finally {
      await execute(database, 'drop trigger fail_audit on audit_events');
      await execute(database, 'drop function fail_audit()');
    }
    assert.equal((await call('GET', `/patients/${patient.id}`)).statusCode, 200);
  });

  it('refuses every UPDATE, DELETE and TRUNCATE of the audit trail (trigger)', async () => {
    const database = getDatabase();
    const before = await listAuditEvents(database.db);
    assert.ok(before.length > 0);
    for (const statement of [
      "update audit_events set outcome = 'success'",
      'delete from audit_events',
      'truncate audit_events',
    ]) {
      await assert.rejects(execute(database, statement), (error: unknown) => {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        assert.match(String(cause instanceof Error ? cause.message : cause), /append-only/);
        return true;
      });
    }
    assert.deepEqual(await listAuditEvents(database.db), before);
  });

  it('fills an empty database with demo data: an episode, consents, a protocol entry, two whole baselines and a red flag', async () => {
    const fresh = await openTestDatabase(kind);
    try {
      const login = await seedDemoData(fresh.db, { now: clock.now(), passwordParams: TEST_SCRYPT });
      assert.ok(login);
      assert.equal(
        await seedDemoData(fresh.db, { now: clock.now(), passwordParams: TEST_SCRYPT }),
        null,
      );
      const counts = {
        episodes: await fresh.db.$count(schema.episodes),
        diagnoses: await fresh.db.$count(schema.episodeDiagnoses),
        consents: await fresh.db.$count(schema.consents),
        protocol: await fresh.db.$count(schema.protocolEntries),
        responses: await fresh.db.$count(schema.responses),
        plans: await fresh.db.$count(schema.plans),
        tasks: await fresh.db.$count(schema.redFlagTasks),
      };
      // One STarT Back, and two baselines of eight questionnaires, each with its plan.
      assert.deepEqual(counts, {
        episodes: 2,
        diagnoses: 3,
        consents: 2,
        protocol: 1,
        responses: 1 + 2 * 8,
        plans: 2,
        tasks: 1,
      });
      const [task] = await fresh.db.select().from(schema.redFlagTasks);
      assert.equal(task?.urgency, 'emergency');
      assert.ok(task.flags.includes('cauda_equina'));
      const [unit] = await fresh.db.select().from(schema.units);
      assert.ok(unit?.leadStaffId, 'the demo clinician leads the unit');
      // Return to work: Ines Dahl's sick leave, a referral in progress with two notifications
      // queued for her clinician, and a meeting's first step.
      assert.deepEqual(
        {
          periods: await fresh.db.$count(schema.sickLeavePeriods),
          referrals: await fresh.db.$count(schema.vocationalReferrals),
          events: await fresh.db.$count(schema.vocationalReferralEvents),
          notifications: await fresh.db.$count(schema.referralNotifications),
          meetings: await fresh.db.$count(schema.cdmMeetings),
        },
        { periods: 2, referrals: 1, events: 3, notifications: 2, meetings: 1 },
      );
      const [referral] = await fresh.db.select().from(schema.vocationalReferrals);
      assert.equal(referral?.status, 'in_progress');
      assert.equal(
        (referral.eligibility as { status: string }).status,
        'eligible',
        JSON.stringify(referral.eligibility),
      );
    } finally {
      await fresh.close();
    }
  });
});

/**
 * PostgreSQL only: the app's own role (here the owner that ran the migrations, not a superuser)
 * has no UPDATE, DELETE or TRUNCATE privilege on audit_events at all.
 */
describeEachDatabase('the audit trail for the application’s role', (_getDatabase, kind) => {
  const role = `workup_app_${randomBytes(4).toString('hex')}`;
  const url = process.env.TEST_DATABASE_URL;
  let database: Database | null = null;
  let admin: pg.Client | null = null;

  before(async () => {
    if (kind !== 'postgres' || !url) return;
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create role ${role} login nosuperuser`);
    await admin.query(`create database ${role} owner ${role}`);
    const target = new URL(url);
    target.username = role;
    target.password = '';
    target.pathname = `/${role}`;
    database = await openDatabase({ kind: 'postgres', url: target.toString(), maxConnections: 2 });
  });
  after(async () => {
    await database?.close();
    if (admin) {
      await admin.query(`drop database if exists ${role} with (force)`);
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });

  it('cannot update, delete or truncate audit events, but can append them', async (t) => {
    if (kind === 'pglite') {
      t.skip('PGlite has a single superuser; the trigger test above covers it');
      return;
    }
    assert.ok(database);
    await execute(
      database,
      `insert into audit_events (at, actor_type, action, outcome) values (now(), 'system', 'test', 'success')`,
    );
    for (const statement of [
      "update audit_events set action = 'changed'",
      'delete from audit_events',
      'truncate audit_events',
    ]) {
      await assert.rejects(execute(database, statement), (error: unknown) => {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        assert.match(
          String(cause instanceof Error ? cause.message : cause),
          /permission denied for table audit_events/,
        );
        return true;
      });
    }
  });
});
