import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../database';
import { redFlagTasks, units } from '../schema';

export type RedFlagTaskRow = typeof redFlagTasks.$inferSelect;

/** Opens the red-flag task of a plan (one per plan). */
export async function openRedFlagTask(
  db: Db,
  input: {
    patientId: string;
    unitId: string;
    planId: string;
    urgency: 'emergency' | 'urgent';
    flags: readonly string[];
    openedAt: Date;
    dueAt: Date;
  },
): Promise<RedFlagTaskRow> {
  const [row] = await db
    .insert(redFlagTasks)
    .values({ ...input, flags: [...input.flags] })
    .returning();
  if (!row) throw new Error('insert into red_flag_tasks returned no row');
  return row;
}

/**
 * Marks as escalated every open task of the units that is past its deadline without an
 * acknowledgement and not yet marked, naming the unit's lead at this moment; `escalated_at` is
 * the deadline, when the escalation became due. Returns the rows it marked, for the audit trail.
 * Idempotent: a second call marks nothing new.
 */
export async function escalateOverdueRedFlagTasks(
  db: Db,
  input: { unitIds: readonly string[]; now: Date },
): Promise<RedFlagTaskRow[]> {
  if (input.unitIds.length === 0) return [];
  const due = await db
    .select({ id: redFlagTasks.id, dueAt: redFlagTasks.dueAt, lead: units.leadStaffId })
    .from(redFlagTasks)
    .innerJoin(units, eq(units.id, redFlagTasks.unitId))
    .where(
      and(
        inArray(redFlagTasks.unitId, [...input.unitIds]),
        isNull(redFlagTasks.closedAt),
        isNull(redFlagTasks.acknowledgedAt),
        isNull(redFlagTasks.escalatedAt),
        lte(redFlagTasks.dueAt, input.now),
      ),
    )
    .orderBy(asc(redFlagTasks.dueAt), asc(redFlagTasks.id));
  const marked: RedFlagTaskRow[] = [];
  for (const task of due) {
    // The conditions again, so two concurrent reads mark (and audit) a task once.
    const [row] = await db
      .update(redFlagTasks)
      .set({ escalatedAt: task.dueAt, escalatedTo: task.lead })
      .where(
        and(
          eq(redFlagTasks.id, task.id),
          isNull(redFlagTasks.escalatedAt),
          isNull(redFlagTasks.acknowledgedAt),
        ),
      )
      .returning();
    if (row) marked.push(row);
  }
  return marked;
}

/** Open tasks of the units (not closed), the earliest deadline first. */
export async function listOpenRedFlagTasks(
  db: Db,
  unitIds: readonly string[],
): Promise<RedFlagTaskRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(redFlagTasks)
    .where(and(inArray(redFlagTasks.unitId, [...unitIds]), isNull(redFlagTasks.closedAt)))
    .orderBy(asc(redFlagTasks.dueAt), asc(redFlagTasks.id));
}

/** Every task of a patient, newest first. */
export async function listPatientRedFlagTasks(
  db: Db,
  patientId: string,
): Promise<RedFlagTaskRow[]> {
  return db
    .select()
    .from(redFlagTasks)
    .where(eq(redFlagTasks.patientId, patientId))
    .orderBy(desc(redFlagTasks.openedAt), desc(redFlagTasks.id));
}

/** The task if it is the patient's; null otherwise. */
export async function getRedFlagTask(
  db: Db,
  patientId: string,
  taskId: string,
): Promise<RedFlagTaskRow | null> {
  const [row] = await db
    .select()
    .from(redFlagTasks)
    .where(and(eq(redFlagTasks.id, taskId), eq(redFlagTasks.patientId, patientId)))
    .limit(1);
  return row ?? null;
}

/** Records that a clinician has seen the task; null when it was already acknowledged or closed. */
export async function acknowledgeRedFlagTask(
  db: Db,
  input: { patientId: string; taskId: string; by: string; now: Date },
): Promise<RedFlagTaskRow | null> {
  const [row] = await db
    .update(redFlagTasks)
    .set({ acknowledgedAt: input.now, acknowledgedBy: input.by })
    .where(
      and(
        eq(redFlagTasks.id, input.taskId),
        eq(redFlagTasks.patientId, input.patientId),
        isNull(redFlagTasks.acknowledgedAt),
        isNull(redFlagTasks.closedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Closes the task with its outcome; a task closed without an acknowledgement is acknowledged by
 * the same person at the same time. Null when it was already closed.
 */
export async function closeRedFlagTask(
  db: Db,
  input: {
    patientId: string;
    taskId: string;
    by: string;
    now: Date;
    outcome: 'referred' | 'ruled_out';
    note: string | null;
  },
): Promise<RedFlagTaskRow | null> {
  const task = await getRedFlagTask(db, input.patientId, input.taskId);
  if (task?.closedAt !== null) return null;
  const [row] = await db
    .update(redFlagTasks)
    .set({
      acknowledgedAt: task.acknowledgedAt ?? input.now,
      acknowledgedBy: task.acknowledgedBy ?? input.by,
      closedAt: input.now,
      closedBy: input.by,
      outcome: input.outcome,
      note: input.note,
    })
    .where(and(eq(redFlagTasks.id, input.taskId), isNull(redFlagTasks.closedAt)))
    .returning();
  return row ?? null;
}

/** Names the unit's lead, to whom overdue red-flag tasks escalate (null: none). */
export async function setUnitLead(db: Db, unitId: string, staffId: string | null): Promise<void> {
  await db.update(units).set({ leadStaffId: staffId }).where(eq(units.id, unitId));
}
