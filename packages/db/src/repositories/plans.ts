import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { planComponents, planFlags, plans } from '../schema';

export type PlanRow = typeof plans.$inferSelect;
export type PlanComponentRow = typeof planComponents.$inferSelect;
export type PlanFlagRow = typeof planFlags.$inferSelect;

export interface PlanRecord extends PlanRow {
  flags: PlanFlagRow[];
  components: PlanComponentRow[];
}

/**
 * Stores a plan: the triage output as JSON and, as rows, its flag profile and its components
 * in order (undecided), all in one transaction.
 */
export async function createPlan(
  db: Db,
  input: {
    patientId: string;
    episodeId: string | null;
    pathway: { id: string; version: string; hash: string };
    urgency: string;
    triage: unknown;
    flags: readonly { colour: string; code: string }[];
    components: readonly { code: string; title: string; status: string }[];
    /** The staff member who stored it; null for a plan triage made on a patient's submission. */
    createdBy: string | null;
    /** The questionnaire link whose answers made it, if any. */
    assignmentId?: string | null;
    now: Date;
  },
): Promise<PlanRecord> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({
        patientId: input.patientId,
        episodeId: input.episodeId,
        pathwayId: input.pathway.id,
        pathwayVersion: input.pathway.version,
        pathwayHash: input.pathway.hash,
        urgency: input.urgency,
        triage: input.triage,
        assignmentId: input.assignmentId ?? null,
        createdBy: input.createdBy,
        createdAt: input.now,
      })
      .returning();
    if (!row) throw new Error('insert into plans returned no row');
    const uniqueFlags = [
      ...new Map(input.flags.map((flag) => [`${flag.colour}.${flag.code}`, flag])).values(),
    ];
    const flags =
      uniqueFlags.length === 0
        ? []
        : await tx
            .insert(planFlags)
            .values(uniqueFlags.map((flag) => ({ planId: row.id, ...flag })))
            .returning();
    const components =
      input.components.length === 0
        ? []
        : await tx
            .insert(planComponents)
            .values(
              input.components.map((component, position) => ({
                planId: row.id,
                code: component.code,
                title: component.title,
                status: component.status,
                position,
              })),
            )
            .returning();
    return {
      ...row,
      flags,
      components: components.sort((a, b) => a.position - b.position),
    };
  });
}

async function withParts(db: Db, rows: PlanRow[]): Promise<PlanRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [flags, components] = await Promise.all([
    db
      .select()
      .from(planFlags)
      .where(inArray(planFlags.planId, ids))
      .orderBy(asc(planFlags.colour), asc(planFlags.code)),
    db
      .select()
      .from(planComponents)
      .where(inArray(planComponents.planId, ids))
      .orderBy(asc(planComponents.position)),
  ]);
  return rows.map((row) => ({
    ...row,
    flags: flags.filter((flag) => flag.planId === row.id),
    components: components.filter((component) => component.planId === row.id),
  }));
}

/** The patient's plans, newest first. */
export async function listPlans(db: Db, patientId: string): Promise<PlanRecord[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(eq(plans.patientId, patientId))
    .orderBy(desc(plans.createdAt), desc(plans.id));
  return withParts(db, rows);
}

/** The plan if it is the patient's; null otherwise. */
export async function getPlan(
  db: Db,
  patientId: string,
  planId: string,
): Promise<PlanRecord | null> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.patientId, patientId)))
    .limit(1);
  const [record] = await withParts(db, rows);
  return record ?? null;
}

/**
 * Records the clinician's decision on one component of the patient's plan. Null when the plan
 * is not the patient's or has no such component.
 */
export async function decidePlanComponent(
  db: Db,
  input: {
    patientId: string;
    planId: string;
    code: string;
    decision: string;
    reason: string | null;
    deliveredOn: string | null;
    decidedBy: string;
    now: Date;
  },
): Promise<PlanComponentRow | null> {
  return db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.id, input.planId), eq(plans.patientId, input.patientId)))
      .limit(1);
    if (owned.length === 0) return null;
    const [row] = await tx
      .update(planComponents)
      .set({
        decision: input.decision,
        reason: input.reason,
        deliveredOn: input.deliveredOn,
        decidedBy: input.decidedBy,
        decidedAt: input.now,
      })
      .where(and(eq(planComponents.planId, input.planId), eq(planComponents.code, input.code)))
      .returning();
    return row ?? null;
  });
}

/** The newest plan of each of the patients, with flags and components; keyed by patient. */
export async function listLatestPlans(
  db: Db,
  patientIds: readonly string[],
): Promise<Map<string, PlanRecord>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([plans.patientId])
    .from(plans)
    .where(inArray(plans.patientId, [...patientIds]))
    .orderBy(asc(plans.patientId), desc(plans.createdAt), desc(plans.id));
  const records = await withParts(db, rows);
  return new Map(records.map((record) => [record.patientId, record]));
}

/**
 * Marks components of a plan delivered on `deliveredOn` when they were accepted or changed and
 * not delivered yet (a protocol entry gave them). Returns the codes it marked.
 */
export async function markComponentsDelivered(
  db: Db,
  input: { planId: string; codes: readonly string[]; deliveredOn: string },
): Promise<string[]> {
  if (input.codes.length === 0) return [];
  const rows = await db
    .update(planComponents)
    .set({ deliveredOn: input.deliveredOn })
    .where(
      and(
        eq(planComponents.planId, input.planId),
        inArray(planComponents.code, [...input.codes]),
        isNull(planComponents.deliveredOn),
        sql`${planComponents.decision} in ('accepted', 'changed')`,
      ),
    )
    .returning({ code: planComponents.code });
  return rows.map((row) => row.code).sort();
}

// Red-flag tasks open with a plan whose urgency is emergency or urgent; exported from here.
export * from './red-flag-tasks';
