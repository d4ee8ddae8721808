import {
  ConsentKindSchema,
  NationalIdSystemSchema,
  PlanDecisionSchema,
  RedFlagTaskOutcomeSchema,
  SbtScoresSchema,
  TriageResultSchema,
  UrgencySchema,
  FlagColourSchema,
  BodyRegionSchema,
  DiagnosisCodeSystemSchema,
  InstrumentResultSchema,
  type Assignment,
  type Consent,
  type Episode,
  type InstrumentResult,
  type PatientIdentity,
  type PatientSummary,
  type Plan,
  type PlanComponent,
  type PlanSummary,
  type ProtocolEntry,
  type RedFlagTask,
  type SbtResult,
} from '@workup/contracts';
import type {
  AssignmentRow,
  ConsentRow,
  EpisodeRecord,
  PatientIdentityRecord,
  PatientRecord,
  PlanComponentRow,
  PlanRecord,
  ProtocolEntryRow,
  RedFlagTaskRow,
  ScoredResponse,
} from '@workup/db';

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

/** A stored response with its scores, parsed again at the JSON column's boundary. */
export function toInstrumentResult(row: {
  responseId: string;
  instrumentId: string;
  instrumentVersion: string;
  timepoint: string | null;
  submittedAt: Date;
  complete: boolean;
  scores: Record<string, unknown> | null;
}): InstrumentResult {
  return {
    responseId: row.responseId,
    instrument: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    timepoint: row.timepoint,
    submittedAt: row.submittedAt.toISOString(),
    complete: row.complete,
    scores: row.scores === null ? null : InstrumentResultSchema.shape.scores.parse(row.scores),
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
    instruments: row.instrumentIds,
    status: assignmentStatus(row, now),
    episodeId: row.episodeId,
    timepoint: row.timepoint,
    dueOn: row.dueOn,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

export function toPatientIdentity(row: PatientIdentityRecord | null): PatientIdentity {
  return {
    nationalId:
      typeof row?.nationalId === 'string' && typeof row.nationalIdSystem === 'string'
        ? { system: NationalIdSystemSchema.parse(row.nationalIdSystem), value: row.nationalId }
        : null,
    phone: row?.phone ?? null,
    email: row?.email ?? null,
  };
}

export function toEpisode(row: EpisodeRecord): Episode {
  return {
    id: row.id,
    bodyRegion: BodyRegionSchema.parse(row.bodyRegion),
    onsetOn: row.onsetOn,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    diagnoses: row.diagnoses.map((d) => ({
      system: DiagnosisCodeSystemSchema.parse(d.system),
      code: d.code,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    kind: ConsentKindSchema.parse(row.kind),
    givenAt: row.givenAt.toISOString(),
    recordedBy: row.recordedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    active: row.revokedAt === null,
  };
}

export function toProtocolEntry(row: ProtocolEntryRow): ProtocolEntry {
  return {
    id: row.id,
    interventionCode: row.interventionCode,
    performedOn: row.performedOn,
    providerId: row.providerId,
    durationMinutes: row.durationMinutes,
    notes: row.notes,
    episodeId: row.episodeId,
    planId: row.planId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toPlanComponent(component: PlanComponentRow): PlanComponent {
  return {
    code: component.code,
    title: component.title,
    status: component.status === 'waiting_for_clinician' ? 'waiting_for_clinician' : 'proposed',
    decision: component.decision === null ? null : PlanDecisionSchema.parse(component.decision),
    reason: component.reason,
    decidedBy: component.decidedBy,
    decidedAt: component.decidedAt?.toISOString() ?? null,
    deliveredOn: component.deliveredOn,
  };
}

/** A stored plan; its JSON columns are parsed again at this boundary. */
export function toPlanSummary(row: PlanRecord): PlanSummary {
  return {
    id: row.id,
    episodeId: row.episodeId,
    pathway: { id: row.pathwayId, version: row.pathwayVersion, hash: row.pathwayHash },
    urgency: UrgencySchema.parse(row.urgency),
    flags: row.flags.map((flag) => ({
      colour: FlagColourSchema.parse(flag.colour),
      code: flag.code,
    })),
    components: row.components.map(toPlanComponent),
    assignmentId: row.assignmentId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toPlan(row: PlanRecord): Plan {
  return { ...toPlanSummary(row), triage: TriageResultSchema.parse(row.triage) };
}

/** A red-flag task as staff see it at `now`: its status and whether it is overdue. */
export function toRedFlagTask(row: RedFlagTaskRow, now: Date): RedFlagTask {
  return {
    id: row.id,
    patientId: row.patientId,
    planId: row.planId,
    urgency: row.urgency === 'emergency' ? 'emergency' : 'urgent',
    flags: row.flags,
    openedAt: row.openedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    status:
      row.closedAt !== null ? 'closed' : row.acknowledgedAt !== null ? 'acknowledged' : 'open',
    overdue: row.acknowledgedAt === null && now.getTime() >= row.dueAt.getTime(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    escalatedTo: row.escalatedTo,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    outcome: row.outcome === null ? null : RedFlagTaskOutcomeSchema.parse(row.outcome),
    note: row.note,
  };
}
