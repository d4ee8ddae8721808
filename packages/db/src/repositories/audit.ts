import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db, DbTransaction } from '../database';
import { auditEvents } from '../schema';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditEventInput = Omit<typeof auditEvents.$inferInsert, 'id'> & {
  actorType: 'staff' | 'patient_link' | 'employer_link' | 'system';
  outcome: 'success' | 'denied' | 'failure';
};

/**
 * Appends an audit event. It takes a transaction, so the event commits or rolls back together
 * with the read or change it records; the table refuses updates and deletes.
 */
export async function recordAuditEvent(tx: DbTransaction, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

/** Audit events, oldest first (tests, exports). */
export async function listAuditEvents(
  db: Db,
  filter: { patientId?: string; requestId?: string } = {},
): Promise<AuditEventRow[]> {
  const conditions = [
    filter.patientId === undefined ? undefined : eq(auditEvents.patientId, filter.patientId),
    filter.requestId === undefined ? undefined : eq(auditEvents.requestId, filter.requestId),
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(auditEvents.id);
}

/** A page of a patient's access log, newest first, before the event id `before` if given. */
export async function listPatientAccessLog(
  db: Db,
  input: { patientId: string; limit: number; before?: number | undefined },
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.patientId, input.patientId),
        input.before === undefined ? undefined : lt(auditEvents.id, input.before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(input.limit);
}
