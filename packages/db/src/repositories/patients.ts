import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import {
  patientIdentities,
  patients,
  questionnaireAssignments,
  responses,
  scores,
} from '../schema';

export type AssignmentRow = typeof questionnaireAssignments.$inferSelect;

export interface PatientRecord {
  id: string;
  unitId: string;
  givenName: string;
  familyName: string;
  birthYear: number | null;
  createdAt: Date;
}

export interface ScoredResponse {
  responseId: string;
  patientId: string;
  instrumentId: string;
  instrumentVersion: string;
  submittedAt: Date;
  complete: boolean;
  scores: Record<string, unknown> | null;
  reason: string | null;
}

const patientColumns = {
  id: patients.id,
  unitId: patients.unitId,
  birthYear: patients.birthYear,
  createdAt: patients.createdAt,
  givenName: patientIdentities.givenName,
  familyName: patientIdentities.familyName,
};

/** Creates a patient and, in the same transaction, their identity record. */
export async function createPatient(
  db: Db,
  input: {
    unitId: string;
    givenName: string;
    familyName: string;
    birthYear: number | null;
    now: Date;
  },
): Promise<PatientRecord> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patients)
      .values({ unitId: input.unitId, birthYear: input.birthYear, createdAt: input.now })
      .returning();
    if (!row) throw new Error('insert into patients returned no row');
    await tx.insert(patientIdentities).values({
      patientId: row.id,
      givenName: input.givenName,
      familyName: input.familyName,
    });
    return { ...row, givenName: input.givenName, familyName: input.familyName };
  });
}

export async function listPatients(db: Db, unitId: string): Promise<PatientRecord[]> {
  return db
    .select(patientColumns)
    .from(patients)
    .innerJoin(patientIdentities, eq(patientIdentities.patientId, patients.id))
    .where(eq(patients.unitId, unitId))
    .orderBy(asc(patientIdentities.familyName), asc(patientIdentities.givenName), asc(patients.id));
}

/** The patient if it belongs to `unitId`; null otherwise (never reveals other units' patients). */
export async function getPatient(
  db: Db,
  unitId: string,
  patientId: string,
): Promise<PatientRecord | null> {
  const [row] = await db
    .select(patientColumns)
    .from(patients)
    .innerJoin(patientIdentities, eq(patientIdentities.patientId, patients.id))
    .where(and(eq(patients.id, patientId), eq(patients.unitId, unitId)))
    .limit(1);
  return row ?? null;
}

/** Scored responses of the given patients, newest first. */
export async function listScoredResponses(
  db: Db,
  patientIds: readonly string[],
  instrumentId: string,
): Promise<ScoredResponse[]> {
  if (patientIds.length === 0) return [];
  return db
    .select({
      responseId: responses.id,
      patientId: responses.patientId,
      instrumentId: responses.instrumentId,
      instrumentVersion: responses.instrumentVersion,
      submittedAt: responses.submittedAt,
      complete: responses.complete,
      scores: scores.scores,
      reason: scores.reason,
    })
    .from(responses)
    .innerJoin(scores, eq(scores.responseId, responses.id))
    .where(
      and(inArray(responses.patientId, [...patientIds]), eq(responses.instrumentId, instrumentId)),
    )
    .orderBy(desc(responses.submittedAt), desc(responses.id));
}

/**
 * Creates a questionnaire assignment and revokes the patient's older open links for the same
 * instrument, in one transaction.
 */
export async function createAssignment(
  db: Db,
  input: {
    patientId: string;
    instrumentId: string;
    tokenHash: string;
    createdBy: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<AssignmentRow> {
  return db.transaction(async (tx) => {
    await tx
      .update(questionnaireAssignments)
      .set({ revokedAt: input.now })
      .where(
        and(
          eq(questionnaireAssignments.patientId, input.patientId),
          eq(questionnaireAssignments.instrumentId, input.instrumentId),
          isNull(questionnaireAssignments.submittedAt),
          isNull(questionnaireAssignments.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(questionnaireAssignments)
      .values({
        patientId: input.patientId,
        instrumentId: input.instrumentId,
        tokenHash: input.tokenHash,
        createdBy: input.createdBy,
        createdAt: input.now,
        expiresAt: input.expiresAt,
      })
      .returning();
    if (!row) throw new Error('insert into questionnaire_assignments returned no row');
    return row;
  });
}

export async function listAssignments(db: Db, patientId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(questionnaireAssignments)
    .where(eq(questionnaireAssignments.patientId, patientId))
    .orderBy(desc(questionnaireAssignments.createdAt), desc(questionnaireAssignments.id));
}

export async function findAssignmentByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<AssignmentRow | null> {
  const [row] = await db
    .select()
    .from(questionnaireAssignments)
    .where(eq(questionnaireAssignments.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * Stores a response and its scores and closes the assignment, all or nothing. Resolves to
 * null when the assignment was already submitted or revoked meanwhile (nothing is written).
 */
export async function submitResponse(
  db: Db,
  input: {
    assignmentId: string;
    patientId: string;
    instrumentId: string;
    instrumentVersion: string;
    answers: Record<string, number | null>;
    complete: boolean;
    scores: Record<string, unknown> | null;
    reason: string | null;
    now: Date;
  },
): Promise<{ responseId: string } | null> {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(questionnaireAssignments)
      .set({ submittedAt: input.now })
      .where(
        and(
          eq(questionnaireAssignments.id, input.assignmentId),
          isNull(questionnaireAssignments.submittedAt),
          isNull(questionnaireAssignments.revokedAt),
        ),
      )
      .returning({ id: questionnaireAssignments.id });
    if (closed.length === 0) return null;
    const [response] = await tx
      .insert(responses)
      .values({
        assignmentId: input.assignmentId,
        patientId: input.patientId,
        instrumentId: input.instrumentId,
        instrumentVersion: input.instrumentVersion,
        answers: input.answers,
        complete: input.complete,
        submittedAt: input.now,
      })
      .returning({ id: responses.id });
    if (!response) throw new Error('insert into responses returned no row');
    await tx.insert(scores).values({
      responseId: response.id,
      instrumentId: input.instrumentId,
      scores: input.scores,
      reason: input.reason,
      computedAt: input.now,
    });
    return { responseId: response.id };
  });
}
