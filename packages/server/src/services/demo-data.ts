import { randomBytes } from 'node:crypto';
import { scoreSbt } from '@workup/core';
import {
  countUnits,
  createAssignment,
  createPatient,
  createStaffUser,
  createUnit,
  submitResponse,
  type Db,
} from '@workup/db';
import { hashPassword, type ScryptParams } from './passwords';
import { hashToken, newToken } from './tokens';

export const DEMO_CLINICIAN_EMAIL = 'clinician@demo.workup.invalid';

/** Fictitious patients; one has answered STarT Back already. */
const DEMO_PATIENTS = [
  {
    givenName: 'Astrid',
    familyName: 'Berg',
    birthYear: 1979,
    sbt: { '1': 1, '2': 0, '3': 1, '4': 1, '5': 1, '6': 1, '7': 0, '8': 1, '9': 3 },
  },
  { givenName: 'Mikko', familyName: 'Laine', birthYear: 1968, sbt: null },
  { givenName: 'Sara', familyName: 'Holm', birthYear: 1991, sbt: null },
] as const;

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
  const unit = await createUnit(db, { name: 'Demo Health Centre', now });
  const password = randomBytes(12).toString('base64url');
  const clinician = await createStaffUser(db, {
    unitId: unit.id,
    email: DEMO_CLINICIAN_EMAIL,
    displayName: 'Demo Clinician',
    role: 'clinician',
    passwordHash: await hashPassword(password, options.passwordParams),
    now,
  });
  for (const demo of DEMO_PATIENTS) {
    const patient = await createPatient(db, {
      unitId: unit.id,
      givenName: demo.givenName,
      familyName: demo.familyName,
      birthYear: demo.birthYear,
      now,
    });
    if (demo.sbt === null) continue;
    const outcome = scoreSbt(demo.sbt);
    if (!outcome.ok) throw new Error('demo STarT Back answers do not validate');
    const assignment = await createAssignment(db, {
      patientId: patient.id,
      instrumentId: 'sbt',
      tokenHash: hashToken(newToken()),
      createdBy: clinician.id,
      now,
      expiresAt: now,
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
  }
  return { email: DEMO_CLINICIAN_EMAIL, password };
}
