import { randomBytes } from 'node:crypto';
import {
  BASELINE_INSTRUMENTS,
  FLAG_COLOURS,
  type ItemAnswers,
  type ScheduleDefinition,
} from '@workup/contracts';
import {
  findInstrument,
  localDateOf,
  RED_FLAGS_AXSPA_CRITERIA,
  scoreSbt,
  triage,
  type LoadedPathway,
} from '@workup/core';
import {
  countUnits,
  createPlan,
  openRedFlagTask,
  setUnitLead,
  submitResponses,
  createAssignment,
  createEpisode,
  createFollowupEnrolment,
  createFollowupSchedule,
  createOrganisation,
  createPatient,
  createProtocolEntry,
  createStaffUser,
  createUnit,
  recordConsent,
  submitResponse,
  type Db,
} from '@workup/db';
import { redFlagDeadline } from '../routes/tasks/deadline';
import { hashPassword, type ScryptParams } from './passwords';
import { loadPathwayFile } from './pathway';
import { seedReturnToWork } from './demo-rtw';
import { layOutEnrolment } from './reminders';
import { hashToken, newToken } from './tokens';

export const DEMO_CLINICIAN_EMAIL = 'clinician@demo.workup.invalid';
/** The demo vocational adviser, who signs in with the clinician's password. */
export const DEMO_ADVISER_EMAIL = 'adviser@demo.workup.invalid';

/**
 * Fictitious patients; one has answered STarT Back already and has an episode of low back pain
 * (ICD-10 M54.5, ICPC-2 L03), consents to care and research, and a first protocol entry.
 */
const DEMO_PATIENTS = [
  {
    givenName: 'Astrid',
    familyName: 'Berg',
    birthYear: 1979,
    email: 'astrid.berg@example.invalid',
    sbt: { '1': 1, '2': 0, '3': 1, '4': 1, '5': 1, '6': 1, '7': 0, '8': 1, '9': 3 },
  },
  { givenName: 'Mikko', familyName: 'Laine', birthYear: 1968, email: null, sbt: null },
  { givenName: 'Sara', familyName: 'Holm', birthYear: 1991, email: null, sbt: null },
] as const;

/**
 * The demo unit's follow-up schedule: 3 and 12 months after inclusion (the Finnish trial's and
 * BetterBack's timepoints, reference.md §22 and §24), each open from a week before to four weeks
 * after, due two weeks after; reminders when it opens and 3 and 7 days later, at 09:00
 * Stockholm time. The demo patient who answered STarT Back is included on the day of seeding.
 */
export const DEMO_FOLLOWUP_DEFINITION = {
  timeZone: 'Europe/Stockholm',
  timepoints: [
    {
      timepoint: 'month_3',
      offset: { unit: 'months', value: 3 },
      instruments: ['odi', 'eq5d3l'],
      window: { opensBeforeDays: 7, dueAfterDays: 14, closesAfterDays: 28 },
    },
    {
      timepoint: 'month_12',
      offset: { unit: 'months', value: 12 },
      instruments: ['odi', 'eq5d3l'],
      window: { opensBeforeDays: 7, dueAfterDays: 14, closesAfterDays: 28 },
    },
  ],
  series: [],
  reminders: {
    daysAfterOpening: [0, 3, 7],
    maxReminders: 3,
    sendAt: '09:00',
    channels: ['email', 'sms'],
  },
} satisfies ScheduleDefinition;

/** Every red-flag finding answered "no", the axial SpA criteria left behind their gate. */
const NO_RED_FLAGS: ItemAnswers = Object.fromEntries(
  (findInstrument('red_flags')?.definition.items ?? [])
    .map((item) => item.key)
    .filter((key) => !(RED_FLAGS_AXSPA_CRITERIA as readonly string[]).includes(key))
    .map((key) => [key, 0]),
);

/**
 * A whole baseline (issue 6) as a patient with high-risk back pain might answer it: STarT Back
 * total 6, psychosocial 4 (high risk, reference.md §1); ODI 13 of 45 with section 8 left out,
 * 28.9 % (moderate, reference.md §5); at work on 50 % sick leave.
 */
const DEMO_BASELINE: Record<(typeof BASELINE_INSTRUMENTS)[number], ItemAnswers> = {
  sbt: { '1': 1, '2': 1, '3': 0, '4': 0, '5': 1, '6': 1, '7': 1, '8': 0, '9': 3 },
  ompsq10: { '1': 3, '2': 6, '3': 5, '4': 6, '5': 5, '6': 4, '7': 6, '8': 5, '9': 6, '10': 5 },
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

/**
 * Patients who answered the whole baseline through a link: Olof reports saddle numbness and
 * new bladder trouble (suspected cauda equina: an emergency, so a red-flag task tops the
 * caseload); Ines has no red flag and a plan to review.
 */
const DEMO_BASELINE_PATIENTS = [
  {
    givenName: 'Olof',
    familyName: 'Öberg',
    birthYear: 1972,
    redFlags: { saddle_anaesthesia: 1, bladder_dysfunction: 1 },
  },
  { givenName: 'Ines', familyName: 'Dahl', birthYear: 1986, redFlags: {} },
] as const;

/** Attempts of the demo follow-up's jobs (the default of `JOB_MAX_ATTEMPTS`). */
const DEMO_JOB_MAX_ATTEMPTS = 8;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Fills an empty database with a demo unit, a clinician and a few patients. Resolves to the
 * clinician's login, which the caller shows once; null when the database was not empty.
 */
export async function seedDemoData(
  db: Db,
  options: { now: Date; passwordParams: ScryptParams; pathway?: LoadedPathway },
): Promise<{ email: string; password: string } | null> {
  if ((await countUnits(db)) > 0) return null;
  const { now } = options;
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password, options.passwordParams);
  // All or nothing: a start that dies half-way leaves an empty database, seeded next time.
  const pathway = options.pathway ?? loadPathwayFile(null);
  await db.transaction((tx) => seed(tx, now, passwordHash, pathway));
  return { email: DEMO_CLINICIAN_EMAIL, password };
}

async function seed(
  db: Db,
  now: Date,
  passwordHash: string,
  pathway: LoadedPathway,
): Promise<void> {
  const organisation = await createOrganisation(db, { name: 'Demo Region', now });
  const unit = await createUnit(db, {
    name: 'Demo Health Centre',
    organisationId: organisation.id,
    now,
  });
  const clinician = await createStaffUser(db, {
    unitId: unit.id,
    email: DEMO_CLINICIAN_EMAIL,
    displayName: 'Demo Clinician',
    role: 'clinician',
    passwordHash,
    now,
  });
  for (const demo of DEMO_PATIENTS) {
    const patient = await createPatient(db, {
      unitId: unit.id,
      givenName: demo.givenName,
      familyName: demo.familyName,
      birthYear: demo.birthYear,
      email: demo.email,
      now,
    });
    if (demo.sbt === null) continue;
    const episode = await createEpisode(db, {
      patientId: patient.id,
      bodyRegion: 'low_back',
      onsetOn: isoDay(new Date(now.getTime() - 21 * DAY_MS)),
      startedOn: isoDay(new Date(now.getTime() - 7 * DAY_MS)),
      diagnoses: [
        { system: 'icd10', code: 'M54.5' },
        { system: 'icpc2', code: 'L03' },
      ],
      createdBy: clinician.id,
      now,
    });
    for (const kind of ['care', 'research'] as const) {
      await recordConsent(db, {
        patientId: patient.id,
        kind,
        givenAt: now,
        recordedBy: clinician.id,
        now,
      });
    }
    await createProtocolEntry(db, {
      patientId: patient.id,
      episodeId: episode.id,
      planId: null,
      interventionCode: 'education',
      performedOn: isoDay(now),
      providerId: clinician.id,
      durationMinutes: 30,
      notes: null,
      createdBy: clinician.id,
      now,
    });
    const outcome = scoreSbt(demo.sbt);
    if (!outcome.ok) throw new Error('demo STarT Back answers do not validate');
    const assignment = await createAssignment(db, {
      patientId: patient.id,
      instrumentId: 'sbt',
      tokenHash: hashToken(newToken()),
      createdBy: clinician.id,
      now,
      expiresAt: now,
      episodeId: episode.id,
      timepoint: 'baseline',
    });
    await submitResponse(db, {
      assignmentId: assignment.id,
      patientId: patient.id,
      instrumentId: outcome.result.instrument,
      instrumentVersion: outcome.result.version,
      answers: { ...demo.sbt },
      complete: outcome.result.complete,
      scores: outcome.result.scores,
      reason: null,
      now,
    });
    const schedule = await createFollowupSchedule(db, {
      unitId: unit.id,
      name: 'Follow-up at 3 and 12 months',
      study: null,
      definition: DEMO_FOLLOWUP_DEFINITION,
      createdBy: clinician.id,
      now,
    });
    const enrolment = await createFollowupEnrolment(db, {
      patientId: patient.id,
      scheduleId: schedule.id,
      episodeId: episode.id,
      inclusionOn: localDateOf(now, DEMO_FOLLOWUP_DEFINITION.timeZone),
      scheduleVersion: schedule.version,
      createdBy: clinician.id,
      now,
    });
    await layOutEnrolment({ maxAttempts: DEMO_JOB_MAX_ATTEMPTS }, db, enrolment, schedule, now);
  }
  const adviser = await createStaffUser(db, {
    unitId: unit.id,
    email: DEMO_ADVISER_EMAIL,
    displayName: 'Demo Vocational Adviser',
    role: 'vocational_adviser',
    passwordHash,
    now,
  });
  // The demo clinician leads the unit: overdue red-flag tasks escalate to them.
  await setUnitLead(db, unit.id, clinician.id);
  for (const demo of DEMO_BASELINE_PATIENTS) {
    const patient = await createPatient(db, {
      unitId: unit.id,
      givenName: demo.givenName,
      familyName: demo.familyName,
      birthYear: demo.birthYear,
      now,
    });
    const responses = {
      ...DEMO_BASELINE,
      red_flags: { ...NO_RED_FLAGS, ...demo.redFlags },
    };
    await seedBaseline(db, pathway, { patientId: patient.id, unitId: unit.id }, responses, {
      createdBy: clinician.id,
      now,
    });
    if (demo.familyName === 'Dahl') {
      await seedReturnToWork(db, {
        patientId: patient.id,
        unitId: unit.id,
        clinicianId: clinician.id,
        adviserId: adviser.id,
        now,
      });
    }
  }
}

/**
 * A baseline link already answered, as the respond route stores it: each instrument's scores,
 * the plan triage made with `pathway`, and for an emergency or urgent plan its red-flag task.
 */
async function seedBaseline(
  db: Db,
  pathway: LoadedPathway,
  patient: { patientId: string; unitId: string },
  responses: Record<string, ItemAnswers>,
  options: { createdBy: string; now: Date },
): Promise<void> {
  const { now } = options;
  const assignment = await createAssignment(db, {
    patientId: patient.patientId,
    instrumentId: BASELINE_INSTRUMENTS[0],
    instrumentIds: BASELINE_INSTRUMENTS,
    tokenHash: hashToken(newToken()),
    createdBy: options.createdBy,
    now,
    expiresAt: now,
    timepoint: 'baseline',
  });
  const outcome = triage({ responses, context: { employed: true } }, pathway);
  if (!outcome.ok) throw new Error('demo baseline answers do not triage');
  const result = outcome.result;
  await submitResponses(db, {
    assignmentId: assignment.id,
    patientId: patient.patientId,
    now,
    responses: BASELINE_INSTRUMENTS.map((id) => {
      const scored = result.scores[id];
      if (scored === undefined) throw new Error(`demo baseline: ${id} was not scored`);
      return {
        instrumentId: id,
        instrumentVersion: scored.version,
        answers: responses[id] ?? {},
        complete: scored.complete,
        scores: scored.scores,
        reason: scored.reason ?? null,
      };
    }),
  });
  const plan = await createPlan(db, {
    patientId: patient.patientId,
    episodeId: null,
    pathway: result.pathway,
    urgency: result.urgency,
    triage: result,
    flags: FLAG_COLOURS.flatMap((colour) =>
      result.flags[colour].map((flag) => ({ colour, code: flag.code })),
    ),
    components: result.plan.map(({ code, title, status }) => ({ code, title, status })),
    createdBy: null,
    assignmentId: assignment.id,
    now,
  });
  if (result.urgency === 'emergency' || result.urgency === 'urgent') {
    await openRedFlagTask(db, {
      patientId: patient.patientId,
      unitId: patient.unitId,
      planId: plan.id,
      urgency: result.urgency,
      flags: result.flags.red.map((flag) => flag.code),
      openedAt: now,
      dueAt: redFlagDeadline(result.urgency, now),
    });
  }
}
