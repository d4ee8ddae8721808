import { randomBytes } from 'node:crypto';
import type { ScheduleDefinition } from '@workup/contracts';
import { localDateOf, scoreSbt } from '@workup/core';
import {
  countUnits,
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
import { hashPassword, type ScryptParams } from './passwords';
import { layOutEnrolment } from './reminders';
import { hashToken, newToken } from './tokens';

export const DEMO_CLINICIAN_EMAIL = 'clinician@demo.workup.invalid';

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
  options: { now: Date; passwordParams: ScryptParams },
): Promise<{ email: string; password: string } | null> {
  if ((await countUnits(db)) > 0) return null;
  const { now } = options;
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password, options.passwordParams);
  // All or nothing: a start that dies half-way leaves an empty database, seeded next time.
  await db.transaction((tx) => seed(tx, now, passwordHash));
  return { email: DEMO_CLINICIAN_EMAIL, password };
}

async function seed(db: Db, now: Date, passwordHash: string): Promise<void> {
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
}
