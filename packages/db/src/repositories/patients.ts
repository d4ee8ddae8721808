import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import {
  consents,
  patientIdentities,
  patients,
  questionnaireAssignments,
  responseDrafts,
  responses,
  scores,
  submissionKeys,
} from '../schema';

export type AssignmentRow = typeof questionnaireAssignments.$inferSelect;
export type ResponseDraftRow = typeof responseDrafts.$inferSelect;
export type SubmissionKeyRow = typeof submissionKeys.$inferSelect;

export interface PatientRecord {
  id: string;
  unitId: string;
  givenName: string;
  familyName: string;
  birthYear: number | null;
  createdAt: Date;
}

/** Identifiers and contact details (patient_identities), for the care team only. */
export interface PatientIdentityRecord {
  nationalIdSystem: string | null;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
}

/** Which units may see the patients: one unit, or several. */
type UnitScope = string | readonly string[];
const unitIdsOf = (scope: UnitScope): string[] =>
  typeof scope === 'string' ? [scope] : [...scope];

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
    nationalId?: { system: string; value: string } | null;
    phone?: string | null;
    email?: string | null;
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
      nationalIdSystem: input.nationalId?.system ?? null,
      nationalId: input.nationalId?.value ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
    });
    return {
      id: row.id,
      unitId: row.unitId,
      birthYear: row.birthYear,
      createdAt: row.createdAt,
      givenName: input.givenName,
      familyName: input.familyName,
    };
  });
}

/** Changes a patient's birth year or identity fields; only the keys given are written. */
export async function updatePatient(
  db: Db,
  patientId: string,
  changes: {
    birthYear?: number | null;
    givenName?: string;
    familyName?: string;
    nationalId?: { system: string; value: string } | null;
    phone?: string | null;
    email?: string | null;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (changes.birthYear !== undefined) {
      await tx
        .update(patients)
        .set({ birthYear: changes.birthYear })
        .where(eq(patients.id, patientId));
    }
    const identity: Partial<typeof patientIdentities.$inferInsert> = {};
    if (changes.givenName !== undefined) identity.givenName = changes.givenName;
    if (changes.familyName !== undefined) identity.familyName = changes.familyName;
    if (changes.nationalId !== undefined) {
      identity.nationalIdSystem = changes.nationalId?.system ?? null;
      identity.nationalId = changes.nationalId?.value ?? null;
    }
    if (changes.phone !== undefined) identity.phone = changes.phone;
    if (changes.email !== undefined) identity.email = changes.email;
    if (Object.keys(identity).length > 0) {
      await tx
        .update(patientIdentities)
        .set(identity)
        .where(eq(patientIdentities.patientId, patientId));
    }
  });
}

export async function getPatientIdentity(
  db: Db,
  patientId: string,
): Promise<PatientIdentityRecord | null> {
  const [row] = await db
    .select({
      nationalIdSystem: patientIdentities.nationalIdSystem,
      nationalId: patientIdentities.nationalId,
      phone: patientIdentities.phone,
      email: patientIdentities.email,
    })
    .from(patientIdentities)
    .where(eq(patientIdentities.patientId, patientId))
    .limit(1);
  return row ?? null;
}

export async function listPatients(db: Db, scope: UnitScope): Promise<PatientRecord[]> {
  const unitIds = unitIdsOf(scope);
  if (unitIds.length === 0) return [];
  return db
    .select(patientColumns)
    .from(patients)
    .innerJoin(patientIdentities, eq(patientIdentities.patientId, patients.id))
    .where(inArray(patients.unitId, unitIds))
    .orderBy(asc(patientIdentities.familyName), asc(patientIdentities.givenName), asc(patients.id));
}

/** The patient if it belongs to one of the units; null otherwise (never reveals others). */
export async function getPatient(
  db: Db,
  scope: UnitScope,
  patientId: string,
): Promise<PatientRecord | null> {
  const unitIds = unitIdsOf(scope);
  if (unitIds.length === 0) return null;
  const [row] = await db
    .select(patientColumns)
    .from(patients)
    .innerJoin(patientIdentities, eq(patientIdentities.patientId, patients.id))
    .where(and(eq(patients.id, patientId), inArray(patients.unitId, unitIds)))
    .limit(1);
  return row ?? null;
}

/** Where a patient belongs, without any identity: for access decisions. Null if unknown. */
export async function findPatientUnit(
  db: Db,
  patientId: string,
): Promise<{ id: string; unitId: string; researchId: string } | null> {
  const [row] = await db
    .select({ id: patients.id, unitId: patients.unitId, researchId: patients.researchId })
    .from(patients)
    .where(eq(patients.id, patientId))
    .limit(1);
  return row ?? null;
}

/**
 * Patients of `unitIds` whose research consent is active, with the pseudonymised columns only;
 * `researchId` narrows it to one.
 */
function consentingResearchPatients(db: Db, unitIds: string[], researchId?: string) {
  return db
    .select({
      id: patients.id,
      researchId: patients.researchId,
      unitId: patients.unitId,
      birthYear: patients.birthYear,
      createdAt: patients.createdAt,
    })
    .from(patients)
    .innerJoin(
      consents,
      and(
        eq(consents.patientId, patients.id),
        eq(consents.kind, 'research'),
        isNull(consents.revokedAt),
      ),
    )
    .where(
      and(
        inArray(patients.unitId, unitIds),
        researchId === undefined ? undefined : eq(patients.researchId, researchId),
      ),
    );
}

/** The pseudonymised patients of the units whose research consent is active. */
export async function listResearchPatients(
  db: Db,
  scope: UnitScope,
): Promise<
  { id: string; researchId: string; unitId: string; birthYear: number | null; createdAt: Date }[]
> {
  const unitIds = unitIdsOf(scope);
  if (unitIds.length === 0) return [];
  return consentingResearchPatients(db, unitIds).orderBy(asc(patients.researchId));
}

/** One pseudonymised patient by research id, if in the units and consenting to research. */
export async function findResearchPatient(db: Db, scope: UnitScope, researchId: string) {
  const unitIds = unitIdsOf(scope);
  if (unitIds.length === 0) return null;
  const [row] = await consentingResearchPatients(db, unitIds, researchId).limit(1);
  return row ?? null;
}

/** The patient whose research id this is, anywhere (for the audit trail of a denied attempt). */
export async function findPatientByResearchId(db: Db, researchId: string) {
  const [row] = await db
    .select({ id: patients.id, unitId: patients.unitId })
    .from(patients)
    .where(eq(patients.researchId, researchId))
    .limit(1);
  return row ?? null;
}

/** Every response of a patient with its scores and the assignment's timepoint, oldest first. */
export async function listPatientResponses(db: Db, patientId: string) {
  return db
    .select({
      responseId: responses.id,
      instrumentId: responses.instrumentId,
      instrumentVersion: responses.instrumentVersion,
      timepoint: questionnaireAssignments.timepoint,
      complete: responses.complete,
      startedAt: responses.startedAt,
      submittedAt: responses.submittedAt,
      scores: scores.scores,
    })
    .from(responses)
    .innerJoin(questionnaireAssignments, eq(questionnaireAssignments.id, responses.assignmentId))
    .leftJoin(scores, eq(scores.responseId, responses.id))
    .where(eq(responses.patientId, patientId))
    .orderBy(asc(responses.submittedAt), asc(responses.id));
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
 * instruments (the same ordered set), in one transaction.
 */
export async function createAssignment(
  db: Db,
  input: {
    patientId: string;
    /** The first instrument of the link. */
    instrumentId: string;
    /** Every instrument of the link in order, starting with `instrumentId`; default just it. */
    instrumentIds?: readonly string[];
    tokenHash: string;
    createdBy: string;
    now: Date;
    expiresAt: Date;
    episodeId?: string | null;
    timepoint?: string | null;
    dueOn?: string | null;
  },
): Promise<AssignmentRow> {
  const instrumentIds = [...(input.instrumentIds ?? [input.instrumentId])];
  if (instrumentIds[0] !== input.instrumentId) {
    throw new Error('instrumentIds must start with instrumentId');
  }
  return db.transaction(async (tx) => {
    await tx
      .update(questionnaireAssignments)
      .set({ revokedAt: input.now })
      .where(
        and(
          eq(questionnaireAssignments.patientId, input.patientId),
          eq(
            questionnaireAssignments.instrumentIds,
            sql`${`{${instrumentIds.join(',')}}`}::text[]`,
          ),
          isNull(questionnaireAssignments.submittedAt),
          isNull(questionnaireAssignments.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(questionnaireAssignments)
      .values({
        patientId: input.patientId,
        instrumentId: input.instrumentId,
        instrumentIds,
        tokenHash: input.tokenHash,
        createdBy: input.createdBy,
        createdAt: input.now,
        expiresAt: input.expiresAt,
        episodeId: input.episodeId ?? null,
        timepoint: input.timepoint ?? null,
        dueOn: input.dueOn ?? null,
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

/** One instrument's answers and scores, as a submission stores them. */
export interface ResponseInput {
  instrumentId: string;
  instrumentVersion: string;
  answers: Record<string, number | null>;
  complete: boolean;
  scores: Record<string, unknown> | null;
  reason: string | null;
}

/**
 * Stores the responses of a link, one per instrument, with their scores and closes the
 * assignment, all or nothing; the patient's draft, if any, gives `startedAt` and is removed.
 * With `idempotency`, the answer sent to the client is stored under its key in the same
 * transaction. Resolves to null when the assignment was already submitted or revoked meanwhile
 * (nothing is written): the update of the assignment row serialises concurrent submissions, and
 * `responses_assignment_instrument_unique` backs it.
 */
export async function submitResponses(
  db: Db,
  input: {
    assignmentId: string;
    patientId: string;
    responses: readonly ResponseInput[];
    now: Date;
    idempotency?: {
      key: string;
      requestHash: string;
      responseStatus: number;
      responseBody: unknown;
    };
  },
): Promise<{ responseIds: Record<string, string> } | null> {
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
    const [draft] = await tx
      .delete(responseDrafts)
      .where(eq(responseDrafts.assignmentId, input.assignmentId))
      .returning({ startedAt: responseDrafts.startedAt });
    const responseIds: Record<string, string> = {};
    for (const item of input.responses) {
      const [response] = await tx
        .insert(responses)
        .values({
          assignmentId: input.assignmentId,
          patientId: input.patientId,
          instrumentId: item.instrumentId,
          instrumentVersion: item.instrumentVersion,
          answers: item.answers,
          complete: item.complete,
          startedAt: draft?.startedAt ?? null,
          submittedAt: input.now,
        })
        .returning({ id: responses.id });
      if (!response) throw new Error('insert into responses returned no row');
      await tx.insert(scores).values({
        responseId: response.id,
        instrumentId: item.instrumentId,
        scores: item.scores,
        reason: item.reason,
        computedAt: input.now,
      });
      responseIds[item.instrumentId] = response.id;
    }
    if (input.idempotency) {
      await tx.insert(submissionKeys).values({
        assignmentId: input.assignmentId,
        ...input.idempotency,
        createdAt: input.now,
      });
    }
    return { responseIds };
  });
}

/** {@link submitResponses} for a link with one instrument. */
export async function submitResponse(
  db: Db,
  input: ResponseInput & {
    assignmentId: string;
    patientId: string;
    now: Date;
    idempotency?: {
      key: string;
      requestHash: string;
      responseStatus: number;
      responseBody: unknown;
    };
  },
): Promise<{ responseId: string } | null> {
  const { assignmentId, patientId, now, idempotency, ...response } = input;
  const stored = await submitResponses(db, {
    assignmentId,
    patientId,
    responses: [response],
    now,
    ...(idempotency === undefined ? {} : { idempotency }),
  });
  const responseId = stored?.responseIds[response.instrumentId];
  return responseId === undefined ? null : { responseId };
}

/** The stored first answer to a submission with this key, if any. */
export async function findSubmissionKey(
  db: Db,
  assignmentId: string,
  key: string,
): Promise<SubmissionKeyRow | null> {
  const [row] = await db
    .select()
    .from(submissionKeys)
    .where(and(eq(submissionKeys.assignmentId, assignmentId), eq(submissionKeys.key, key)))
    .limit(1);
  return row ?? null;
}

/** Saves partial answers for an open assignment; the first save sets `startedAt`. */
export async function saveResponseDraft(
  db: Db,
  input: {
    assignmentId: string;
    /** By instrument, then by item. */
    answers: Record<string, Record<string, number | null>>;
    now: Date;
  },
): Promise<ResponseDraftRow> {
  const [row] = await db
    .insert(responseDrafts)
    .values({
      assignmentId: input.assignmentId,
      answers: input.answers,
      startedAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: responseDrafts.assignmentId,
      set: { answers: input.answers, updatedAt: input.now },
    })
    .returning();
  if (!row) throw new Error('upsert into response_drafts returned no row');
  return row;
}

export async function findResponseDraft(
  db: Db,
  assignmentId: string,
): Promise<ResponseDraftRow | null> {
  const [row] = await db
    .select()
    .from(responseDrafts)
    .where(eq(responseDrafts.assignmentId, assignmentId))
    .limit(1);
  return row ?? null;
}

/**
 * How many questionnaire links of each patient are past their due date (`dueOn` before
 * `today`) and neither answered nor revoked; patients without any are left out.
 */
export async function countOverdueAssignments(
  db: Db,
  patientIds: readonly string[],
  today: string,
): Promise<Map<string, number>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({ patientId: questionnaireAssignments.patientId, overdue: count() })
    .from(questionnaireAssignments)
    .where(
      and(
        inArray(questionnaireAssignments.patientId, [...patientIds]),
        lt(questionnaireAssignments.dueOn, today),
        isNull(questionnaireAssignments.submittedAt),
        isNull(questionnaireAssignments.revokedAt),
      ),
    )
    .groupBy(questionnaireAssignments.patientId);
  return new Map(rows.map((row) => [row.patientId, row.overdue]));
}

/** When each patient last sent answers; patients who never did are left out. */
export async function lastAnsweredAt(
  db: Db,
  patientIds: readonly string[],
): Promise<Map<string, Date>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({
      patientId: responses.patientId,
      at: sql<Date>`max(${responses.submittedAt})`.mapWith(responses.submittedAt),
    })
    .from(responses)
    .where(inArray(responses.patientId, [...patientIds]))
    .groupBy(responses.patientId);
  return new Map(rows.map((row) => [row.patientId, row.at]));
}
