import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import { consents } from '../schema';

export type ConsentRow = typeof consents.$inferSelect;

/**
 * Records a consent. Resolves to null when one of that kind is already active (the partial
 * unique index `consents_active_unique` decides, also under concurrency).
 */
export async function recordConsent(
  db: Db,
  input: { patientId: string; kind: string; givenAt: Date; recordedBy: string; now: Date },
): Promise<ConsentRow | null> {
  const [row] = await db
    .insert(consents)
    .values({
      patientId: input.patientId,
      kind: input.kind,
      givenAt: input.givenAt,
      recordedBy: input.recordedBy,
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function listConsents(db: Db, patientId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(eq(consents.patientId, patientId))
    .orderBy(asc(consents.givenAt), asc(consents.createdAt), asc(consents.id));
}

export async function findConsent(
  db: Db,
  patientId: string,
  consentId: string,
): Promise<ConsentRow | null> {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.patientId, patientId)))
    .limit(1);
  return row ?? null;
}

/** Revokes an active consent; null when it is not the patient's or was already revoked. */
export async function revokeConsent(
  db: Db,
  input: { patientId: string; consentId: string; revokedBy: string; now: Date },
): Promise<ConsentRow | null> {
  const [row] = await db
    .update(consents)
    .set({ revokedAt: input.now, revokedBy: input.revokedBy })
    .where(
      and(
        eq(consents.id, input.consentId),
        eq(consents.patientId, input.patientId),
        isNull(consents.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}
