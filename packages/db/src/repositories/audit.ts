import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { auditEvents } from '../schema';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditEventInput = Omit<typeof auditEvents.$inferInsert, 'id'> & {
  actorType: 'staff' | 'patient_link' | 'system';
  outcome: 'success' | 'denied' | 'failure';
};

export async function recordAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values(event);
}

export async function listAuditEvents(
  db: Db,
  filter: { patientId?: string } = {},
): Promise<AuditEventRow[]> {
  const query = db.select().from(auditEvents);
  const filtered =
    filter.patientId === undefined
      ? query
      : query.where(eq(auditEvents.patientId, filter.patientId));
  return filtered.orderBy(asc(auditEvents.id));
}
