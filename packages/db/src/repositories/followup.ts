import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import {
  appSecrets,
  questionnaireAssignments,
  followupAssignments,
  followupEnrolments,
  followupReminders,
  followupSchedules,
  outboxMessages,
  patients,
} from '../schema';

export type FollowupScheduleRow = typeof followupSchedules.$inferSelect;
export type FollowupEnrolmentRow = typeof followupEnrolments.$inferSelect;
export type FollowupAssignmentRow = typeof followupAssignments.$inferSelect;
export type FollowupAssignmentInsert = typeof followupAssignments.$inferInsert;
export type FollowupReminderRow = typeof followupReminders.$inferSelect;
export type OutboxMessageRow = typeof outboxMessages.$inferSelect;

const one = <T>(rows: T[], what: string): T => {
  const [row] = rows;
  if (row === undefined) throw new Error(`${what} returned no row`);
  return row;
};

// Schedules

export async function createFollowupSchedule(
  db: Db,
  input: {
    unitId: string;
    name: string;
    study: string | null;
    definition: unknown;
    createdBy: string;
    now: Date;
  },
): Promise<FollowupScheduleRow> {
  return one(
    await db
      .insert(followupSchedules)
      .values({ ...input, version: 1, createdAt: input.now, updatedAt: input.now })
      .returning(),
    'insert into followup_schedules',
  );
}

/** A schedule, locked for the rest of the transaction with `forUpdate`. */
export async function findFollowupSchedule(
  db: Db,
  scheduleId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FollowupScheduleRow | null> {
  const query = db
    .select()
    .from(followupSchedules)
    .where(eq(followupSchedules.id, scheduleId))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listFollowupSchedules(
  db: Db,
  unitIds: readonly string[],
): Promise<FollowupScheduleRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(followupSchedules)
    .where(inArray(followupSchedules.unitId, [...unitIds]))
    .orderBy(asc(followupSchedules.name), asc(followupSchedules.id));
}

/** A new definition (and name); the version goes up by one. */
export async function updateFollowupSchedule(
  db: Db,
  scheduleId: string,
  input: { name?: string; definition: unknown; version: number; now: Date },
): Promise<FollowupScheduleRow> {
  return one(
    await db
      .update(followupSchedules)
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        definition: input.definition,
        version: input.version,
        updatedAt: input.now,
      })
      .where(eq(followupSchedules.id, scheduleId))
      .returning(),
    'update of followup_schedules',
  );
}

// Enrolments

export async function createFollowupEnrolment(
  db: Db,
  input: {
    patientId: string;
    scheduleId: string;
    episodeId: string | null;
    inclusionOn: string;
    scheduleVersion: number;
    createdBy: string;
    now: Date;
  },
): Promise<FollowupEnrolmentRow> {
  const { now, ...values } = input;
  return one(
    await db
      .insert(followupEnrolments)
      .values({ ...values, createdAt: now })
      .returning(),
    'insert into followup_enrolments',
  );
}

export async function findFollowupEnrolment(
  db: Db,
  enrolmentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FollowupEnrolmentRow | null> {
  const query = db
    .select()
    .from(followupEnrolments)
    .where(eq(followupEnrolments.id, enrolmentId))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** A patient's enrolments, oldest first. */
export async function listFollowupEnrolments(
  db: Db,
  patientId: string,
): Promise<FollowupEnrolmentRow[]> {
  return db
    .select()
    .from(followupEnrolments)
    .where(eq(followupEnrolments.patientId, patientId))
    .orderBy(asc(followupEnrolments.createdAt), asc(followupEnrolments.id));
}

/** The enrolments still following a schedule, locked for the caller's transaction. */
export async function lockActiveEnrolmentsOfSchedule(
  db: Db,
  scheduleId: string,
): Promise<FollowupEnrolmentRow[]> {
  return db
    .select()
    .from(followupEnrolments)
    .where(
      and(eq(followupEnrolments.scheduleId, scheduleId), isNull(followupEnrolments.withdrawnAt)),
    )
    .orderBy(asc(followupEnrolments.id))
    .for('update');
}

export async function updateFollowupEnrolment(
  db: Db,
  enrolmentId: string,
  changes: Partial<
    Pick<
      FollowupEnrolmentRow,
      'inclusionOn' | 'scheduleVersion' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalReason'
    >
  >,
): Promise<FollowupEnrolmentRow> {
  return one(
    await db
      .update(followupEnrolments)
      .set(changes)
      .where(eq(followupEnrolments.id, enrolmentId))
      .returning(),
    'update of followup_enrolments',
  );
}

// Assignments

export async function insertFollowupAssignment(
  db: Db,
  values: FollowupAssignmentInsert,
): Promise<FollowupAssignmentRow> {
  return one(
    await db.insert(followupAssignments).values(values).returning(),
    'insert into followup_assignments',
  );
}

export async function listFollowupAssignments(
  db: Db,
  enrolmentIds: readonly string[],
): Promise<FollowupAssignmentRow[]> {
  if (enrolmentIds.length === 0) return [];
  return db
    .select()
    .from(followupAssignments)
    .where(inArray(followupAssignments.enrolmentId, [...enrolmentIds]))
    .orderBy(asc(followupAssignments.opensOn), asc(followupAssignments.timepoint));
}

export async function findFollowupAssignment(
  db: Db,
  assignmentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FollowupAssignmentRow | null> {
  const query = db
    .select()
    .from(followupAssignments)
    .where(eq(followupAssignments.id, assignmentId))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateFollowupAssignment(
  db: Db,
  assignmentId: string,
  changes: Partial<Omit<FollowupAssignmentInsert, 'id' | 'enrolmentId' | 'patientId'>>,
): Promise<FollowupAssignmentRow> {
  return one(
    await db
      .update(followupAssignments)
      .set(changes)
      .where(eq(followupAssignments.id, assignmentId))
      .returning(),
    'update of followup_assignments',
  );
}

/**
 * Assignments of the units with their enrolment and schedule, for the completion dashboard:
 * one row per assignment, optionally of one schedule.
 */
export async function listFollowupAssignmentsOfUnits(
  db: Db,
  input: { unitIds: readonly string[]; scheduleId?: string },
) {
  if (input.unitIds.length === 0) return [];
  return db
    .select({
      assignment: followupAssignments,
      unitId: patients.unitId,
      withdrawnAt: followupEnrolments.withdrawnAt,
      scheduleId: followupEnrolments.scheduleId,
      definition: followupSchedules.definition,
    })
    .from(followupAssignments)
    .innerJoin(followupEnrolments, eq(followupEnrolments.id, followupAssignments.enrolmentId))
    .innerJoin(followupSchedules, eq(followupSchedules.id, followupEnrolments.scheduleId))
    .innerJoin(patients, eq(patients.id, followupAssignments.patientId))
    .where(
      and(
        inArray(patients.unitId, [...input.unitIds]),
        input.scheduleId === undefined
          ? undefined
          : eq(followupEnrolments.scheduleId, input.scheduleId),
      ),
    )
    .orderBy(asc(followupAssignments.dueOn), asc(followupAssignments.id));
}

// Reminders

export async function insertFollowupReminder(
  db: Db,
  values: {
    id: string;
    assignmentId: string;
    sequence: number;
    sendAt: Date;
    jobId: number;
    now: Date;
  },
): Promise<FollowupReminderRow> {
  const { now, ...rest } = values;
  return one(
    await db
      .insert(followupReminders)
      .values({ ...rest, status: 'pending', createdAt: now })
      .returning(),
    'insert into followup_reminders',
  );
}

export async function listFollowupReminders(
  db: Db,
  assignmentIds: readonly string[],
): Promise<FollowupReminderRow[]> {
  if (assignmentIds.length === 0) return [];
  return db
    .select()
    .from(followupReminders)
    .where(inArray(followupReminders.assignmentId, [...assignmentIds]))
    .orderBy(asc(followupReminders.sendAt), asc(followupReminders.sequence));
}

export async function findFollowupReminder(
  db: Db,
  reminderId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FollowupReminderRow | null> {
  const query = db
    .select()
    .from(followupReminders)
    .where(eq(followupReminders.id, reminderId))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Changes a reminder that is still pending; false when it no longer was. */
export async function settleFollowupReminder(
  db: Db,
  reminderId: string,
  changes: Partial<
    Pick<FollowupReminderRow, 'status' | 'reason' | 'channel' | 'sentAt' | 'providerMessageId'>
  >,
): Promise<boolean> {
  const rows = await db
    .update(followupReminders)
    .set(changes)
    .where(and(eq(followupReminders.id, reminderId), eq(followupReminders.status, 'pending')))
    .returning({ id: followupReminders.id });
  return rows.length === 1;
}

/** Pending reminders of an assignment, locked; the caller cancels them and their jobs. */
export async function cancelPendingFollowupReminders(
  db: Db,
  assignmentId: string,
  reason: string,
): Promise<FollowupReminderRow[]> {
  return db
    .update(followupReminders)
    .set({ status: 'cancelled', reason })
    .where(
      and(
        eq(followupReminders.assignmentId, assignmentId),
        eq(followupReminders.status, 'pending'),
      ),
    )
    .returning();
}

/** Revokes a questionnaire link that is neither answered nor revoked yet. */
export async function revokeQuestionnaireLink(
  db: Db,
  questionnaireAssignmentId: string,
  now: Date,
): Promise<void> {
  await db
    .update(questionnaireAssignments)
    .set({ revokedAt: now })
    .where(
      and(
        eq(questionnaireAssignments.id, questionnaireAssignmentId),
        isNull(questionnaireAssignments.submittedAt),
        isNull(questionnaireAssignments.revokedAt),
      ),
    );
}

/** A questionnaire link by id (any state). */
export async function findQuestionnaireLink(db: Db, questionnaireAssignmentId: string) {
  const [row] = await db
    .select()
    .from(questionnaireAssignments)
    .where(eq(questionnaireAssignments.id, questionnaireAssignmentId))
    .limit(1);
  return row ?? null;
}

// Outbox

export async function insertOutboxMessage(
  db: Db,
  values: {
    patientId: string | null;
    channel: 'email' | 'sms';
    recipient: string;
    subject: string | null;
    body: string;
    reminderId: string | null;
    now: Date;
  },
): Promise<OutboxMessageRow> {
  const { now, ...rest } = values;
  return one(
    await db
      .insert(outboxMessages)
      .values({ ...rest, createdAt: now })
      .returning(),
    'insert into outbox_messages',
  );
}

/** Messages to the units' patients, newest first. */
export async function listOutboxMessages(
  db: Db,
  unitIds: readonly string[],
  options: { reminderId?: string } = {},
): Promise<OutboxMessageRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ message: outboxMessages })
    .from(outboxMessages)
    .innerJoin(patients, eq(patients.id, outboxMessages.patientId))
    .where(
      and(
        inArray(patients.unitId, [...unitIds]),
        options.reminderId === undefined
          ? undefined
          : eq(outboxMessages.reminderId, options.reminderId),
      ),
    )
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id));
  return rows.map((row) => row.message).reverse();
}

/** Every outbox message, oldest first (tests). */
export async function listAllOutboxMessages(db: Db): Promise<OutboxMessageRow[]> {
  return db.select().from(outboxMessages).orderBy(asc(outboxMessages.createdAt));
}

// Secrets

/**
 * The app's secret `name`, created from `generate()` the first time; concurrent first calls
 * agree on one value (the insert that loses does nothing).
 */
export async function getOrCreateAppSecret(
  db: Db,
  name: string,
  generate: () => string,
  now: Date,
): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name, value: generate(), createdAt: now })
    .onConflictDoNothing({ target: appSecrets.name });
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, name)).limit(1);
  if (!row) throw new Error(`app secret ${name} is missing`);
  return row.value;
}
