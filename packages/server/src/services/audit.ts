import type { FastifyRequest } from 'fastify';
import { recordAuditEvent, type Db, type DbTransaction } from '@workup/db';
import type { Clock } from './clock';

export interface AuditInput {
  /** Who acted, when the request does not say yet (a sign-in). */
  readonly actor?: {
    actorType: 'staff' | 'patient_link' | 'employer_link' | 'system';
    actorId: string | null;
  };
  readonly action: string;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly patientId?: string | null;
  readonly subjectType?: string;
  readonly subjectId?: string;
  /** Never names, tokens, answers or free text: counts, codes and ids only. */
  readonly detail?: Record<string, unknown>;
}

/**
 * Records who did what to which patient's data, inside the transaction `tx` of the read or
 * change itself: both commit, or neither does. The actor comes from the request: the signed-in
 * staff member, the questionnaire link, or nobody (a failed sign-in). The time is the clock's,
 * stored as UTC; the request id ties the event to the request's log lines.
 */
export async function audit(
  tx: DbTransaction,
  clock: Clock,
  request: FastifyRequest,
  input: AuditInput,
): Promise<void> {
  const actor =
    input.actor ??
    (request.staff
      ? { actorType: 'staff' as const, actorId: request.staff.user.id }
      : request.patientLink
        ? { actorType: 'patient_link' as const, actorId: request.patientLink.id }
        : { actorType: 'system' as const, actorId: null });
  await recordAuditEvent(tx, {
    at: clock.now(),
    ...actor,
    action: input.action,
    outcome: input.outcome,
    patientId: input.patientId ?? null,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    requestId: request.id,
    detail: input.detail ?? null,
  });
}

/**
 * Records an event that goes with no change of its own (a denied attempt, a failed sign-in),
 * in a transaction of its own.
 */
export async function auditAlone(
  db: Db,
  clock: Clock,
  request: FastifyRequest,
  input: AuditInput,
): Promise<void> {
  await db.transaction((tx) => audit(tx, clock, request, input));
}
