import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { protocolEntries } from '../schema';

export type ProtocolEntryRow = typeof protocolEntries.$inferSelect;

export async function createProtocolEntry(
  db: Db,
  input: {
    patientId: string;
    episodeId: string | null;
    planId: string | null;
    interventionCode: string;
    performedOn: string;
    providerId: string;
    durationMinutes: number | null;
    notes: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<ProtocolEntryRow> {
  const { now, ...values } = input;
  const [row] = await db
    .insert(protocolEntries)
    .values({ ...values, createdAt: now })
    .returning();
  if (!row) throw new Error('insert into protocol_entries returned no row');
  return row;
}

/** The patient's treatment protocol in the order the measures were given. */
export async function listProtocolEntries(db: Db, patientId: string): Promise<ProtocolEntryRow[]> {
  return db
    .select()
    .from(protocolEntries)
    .where(eq(protocolEntries.patientId, patientId))
    .orderBy(
      asc(protocolEntries.performedOn),
      asc(protocolEntries.createdAt),
      asc(protocolEntries.id),
    );
}
