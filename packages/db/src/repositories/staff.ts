import { eq } from 'drizzle-orm';
import type { StaffRole } from '@workup/contracts';
import type { Db } from '../database';
import { staffSessions, staffUsers, units } from '../schema';

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type StaffSessionRow = typeof staffSessions.$inferSelect;

export async function createUnit(db: Db, input: { name: string; now: Date }) {
  const [row] = await db
    .insert(units)
    .values({ name: input.name, createdAt: input.now })
    .returning();
  if (!row) throw new Error('insert into units returned no row');
  return row;
}

export async function countUnits(db: Db): Promise<number> {
  const rows = await db.select({ id: units.id }).from(units).limit(1);
  return rows.length;
}

export async function createStaffUser(
  db: Db,
  input: {
    unitId: string;
    email: string;
    displayName: string;
    role: StaffRole;
    passwordHash: string;
    now: Date;
  },
): Promise<StaffUserRow> {
  const [row] = await db
    .insert(staffUsers)
    .values({
      unitId: input.unitId,
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: input.now,
    })
    .returning();
  if (!row) throw new Error('insert into staff_users returned no row');
  return row;
}

export async function findStaffUserByEmail(db: Db, email: string): Promise<StaffUserRow | null> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function updateStaffPasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, userId));
}

export async function createStaffSession(db: Db, session: StaffSessionRow): Promise<void> {
  await db.insert(staffSessions).values(session);
}

/** The session with its user, or null. Expiry is the caller's decision (it owns the clock). */
export async function findStaffSession(
  db: Db,
  tokenHash: string,
): Promise<{ session: StaffSessionRow; user: StaffUserRow } | null> {
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function touchStaffSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now })
    .where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteStaffSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}
