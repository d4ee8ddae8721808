import {
  SbtScoresSchema,
  type Assignment,
  type PatientSummary,
  type SbtResult,
} from '@workup/contracts';
import type { AssignmentRow, PatientRecord, ScoredResponse } from '@workup/db';

/** A stored STarT Back result, parsed again at the JSON column's boundary; null if unscored. */
export function toSbtResult(row: ScoredResponse): SbtResult | null {
  if (row.scores === null) return null;
  return {
    responseId: row.responseId,
    submittedAt: row.submittedAt.toISOString(),
    instrumentVersion: row.instrumentVersion,
    scores: SbtScoresSchema.parse(row.scores),
  };
}

export function toPatientSummary(
  patient: PatientRecord,
  latestSbt: SbtResult | null,
): PatientSummary {
  return {
    id: patient.id,
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthYear: patient.birthYear,
    createdAt: patient.createdAt.toISOString(),
    latestSbt,
  };
}

export function assignmentStatus(row: AssignmentRow, now: Date): Assignment['status'] {
  if (row.submittedAt) return 'submitted';
  if (row.revokedAt) return 'revoked';
  if (now.getTime() >= row.expiresAt.getTime()) return 'expired';
  return 'open';
}

export function toAssignment(row: AssignmentRow, now: Date): Assignment {
  return {
    id: row.id,
    instrument: row.instrumentId,
    status: assignmentStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}
