import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { StaffRole } from '@workup/contracts';
import type { Db } from '../database';
import { organisations, staffSessions, staffUnitMemberships, staffUsers, units } from '../schema';

export type OrganisationRow = typeof organisations.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type StaffUserRow = typeof staffUsers.$inferSelect;
export type StaffSessionRow = typeof staffSessions.$inferSelect;

export async function createOrganisation(
  db: Db,
  input: { name: string; now: Date },
): Promise<OrganisationRow> {
  const [row] = await db
    .insert(organisations)
    .values({ name: input.name, createdAt: input.now })
    .returning();
  if (!row) throw new Error('insert into organisations returned no row');
  return row;
}

/**
 * Creates a unit in `organisationId`; without one, in the oldest organisation, created first
 * when there is none (a single-organisation site need not think about organisations).
 */
export async function createUnit(
  db: Db,
  input: { name: string; now: Date; organisationId?: string },
): Promise<UnitRow> {
  let organisationId = input.organisationId;
  if (organisationId === undefined) {
    const [first] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .orderBy(asc(organisations.createdAt), asc(organisations.id))
      .limit(1);
    organisationId = first?.id ?? (await createOrganisation(db, input)).id;
  }
  const [row] = await db
    .insert(units)
    .values({ name: input.name, organisationId, createdAt: input.now })
    .returning();
  if (!row) throw new Error('insert into units returned no row');
  return row;
}

export async function countUnits(db: Db): Promise<number> {
  const rows = await db.select({ id: units.id }).from(units).limit(1);
  return rows.length;
}

export async function getUnit(db: Db, unitId: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  return row ?? null;
}

export async function listUnits(db: Db, organisationId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .orderBy(asc(units.name), asc(units.id));
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
    otherUnitIds?: readonly string[];
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
  await setStaffUnits(db, row.id, input.otherUnitIds ?? []);
  return row;
}

/** Replaces the further units a staff member works in (the home unit is on the user). */
export async function setStaffUnits(
  db: Db,
  staffUserId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db.delete(staffUnitMemberships).where(eq(staffUnitMemberships.staffUserId, staffUserId));
  const unique = [...new Set(unitIds)];
  if (unique.length > 0) {
    await db.insert(staffUnitMemberships).values(unique.map((unitId) => ({ staffUserId, unitId })));
  }
}

/** The further units of each given staff member. */
export async function listStaffUnits(
  db: Db,
  staffUserIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(staffUserIds.map((id) => [id, []]));
  if (staffUserIds.length === 0) return result;
  const rows = await db
    .select()
    .from(staffUnitMemberships)
    .where(inArray(staffUnitMemberships.staffUserId, [...staffUserIds]))
    .orderBy(asc(staffUnitMemberships.unitId));
  for (const row of rows) result.get(row.staffUserId)?.push(row.unitId);
  return result;
}

/** Every unit whose patients the staff member may see: the home unit first, then the others. */
export async function staffUnitIds(db: Db, user: { id: string; unitId: string }) {
  const others = (await listStaffUnits(db, [user.id])).get(user.id) ?? [];
  return [user.unitId, ...others.filter((id) => id !== user.unitId)];
}

export async function findStaffUserByEmail(db: Db, email: string): Promise<StaffUserRow | null> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function findStaffUserById(db: Db, id: string): Promise<StaffUserRow | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}

/** Staff whose home unit belongs to the organisation, by name. */
export async function listStaffOfOrganisation(
  db: Db,
  organisationId: string,
): Promise<StaffUserRow[]> {
  const rows = await db
    .select({ user: staffUsers })
    .from(staffUsers)
    .innerJoin(units, eq(units.id, staffUsers.unitId))
    .where(eq(units.organisationId, organisationId))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.id));
  return rows.map((row) => row.user);
}

export async function updateStaffUser(
  db: Db,
  userId: string,
  changes: Partial<
    Pick<
      StaffUserRow,
      | 'displayName'
      | 'role'
      | 'unitId'
      | 'disabledAt'
      | 'totpSecret'
      | 'totpPendingSecret'
      | 'totpEnabledAt'
      | 'totpLastStep'
    >
  >,
): Promise<StaffUserRow | null> {
  const [row] = await db
    .update(staffUsers)
    .set(changes)
    .where(eq(staffUsers.id, userId))
    .returning();
  return row ?? null;
}

export async function updateStaffPasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, userId));
}

/**
 * Records that the TOTP time step `step` was used, unless it (or a later one) was already:
 * resolves to false for a replayed code. The check and the write are one statement, so two
 * sign-ins with the same code cannot both pass.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(staffUsers.id, userId),
        or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
      ),
    )
    .returning({ id: staffUsers.id });
  return rows.length === 1;
}

export async function createStaffSession(
  db: Db,
  session: typeof staffSessions.$inferInsert,
): Promise<void> {
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

export async function updateStaffSession(
  db: Db,
  tokenHash: string,
  changes: Partial<Pick<StaffSessionRow, 'totpEnrolmentRequired'>>,
): Promise<void> {
  await db.update(staffSessions).set(changes).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteStaffSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Ends every session of a user (disabled account, role change, second factor reset). */
export async function deleteStaffSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}
