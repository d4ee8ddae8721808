// Follow-up: laying out a patient's schedule, opening windows, and sending reminders. Every
// change that causes work enqueues its jobs in the same transaction (`tx`), so a job exists
// exactly when its cause was committed. The words and link of a reminder are rendered when it
// is sent, from what is true then (docs/followup.md).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  ScheduleDefinitionSchema,
  type FollowupState,
  type ReminderChannel,
  type ScheduleDefinition,
} from '@workup/contracts';
import {
  chooseChannel,
  followupState,
  mayRemind,
  planAssignments,
  reconcileAssignments,
  remindersToQueue,
  renderReminder,
  toDayNumber,
  windowInstants,
  type PlannedAssignment,
} from '@workup/core';
import {
  cancelJobs,
  cancelPendingFollowupReminders,
  createAssignment,
  enqueueJob,
  findFollowupAssignment,
  findFollowupEnrolment,
  findFollowupReminder,
  findFollowupSchedule,
  findQuestionnaireLink,
  getOrCreateAppSecret,
  getPatientIdentity,
  insertFollowupAssignment,
  insertFollowupReminder,
  listFollowupAssignments,
  listFollowupReminders,
  lockActiveEnrolmentsOfSchedule,
  recordAuditEvent,
  revokeQuestionnaireLink,
  settleFollowupReminder,
  updateFollowupAssignment,
  updateFollowupEnrolment,
  updateFollowupSchedule,
  type Db,
  type DbTransaction,
  type FollowupAssignmentRow,
  type FollowupEnrolmentRow,
  type FollowupScheduleRow,
} from '@workup/db';
import type { Config } from '../config';
import type { Clock } from './clock';
import type { Mailer } from './mailer';
import type { SmsProvider } from './sms';
import { hashToken } from './tokens';

export const FOLLOWUP_JOBS = { open: 'followup.open', remind: 'followup.remind' } as const;

/** What the follow-up service needs; the transports only for sending. */
export interface FollowupDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
}

export interface Transports {
  readonly mailer: Mailer;
  readonly sms: SmsProvider;
}

/** A schedule's definition, parsed at the boundary of its JSON column. */
export function definitionOf(schedule: FollowupScheduleRow): ScheduleDefinition {
  return ScheduleDefinitionSchema.parse(schedule.definition);
}

const LINK_KEY_SECRET = 'followup_link_key';
const keyCache = new WeakMap<Db, Buffer>();

/**
 * The key that derives follow-up link tokens: `FOLLOWUP_LINK_KEY`, or else one generated once
 * and kept in the database (shared by every instance on it).
 */
export async function followupLinkKey(deps: FollowupDeps, tx: Db = deps.db): Promise<Buffer> {
  if (deps.config.followup.linkKey) return deps.config.followup.linkKey;
  const cached = keyCache.get(deps.db);
  if (cached) return cached;
  // In the caller's transaction: on PGlite a second connection would wait for it forever.
  const value = await getOrCreateAppSecret(
    tx,
    LINK_KEY_SECRET,
    () => randomBytes(32).toString('base64'),
    deps.clock.now(),
  );
  const key = Buffer.from(value, 'base64');
  keyCache.set(deps.db, key);
  return key;
}

/**
 * The token of a follow-up assignment's questionnaire link: HMAC-SHA256 of its id under the
 * link key, base64url (43 characters, like every link token). Only its SHA-256 is stored, as for
 * any link; the key lets a reminder carry the same link again when it is sent.
 */
export function followupLinkToken(key: Buffer, followupAssignmentId: string): string {
  return createHmac('sha256', key)
    .update(`workup-followup-link:v1:${followupAssignmentId}`, 'utf8')
    .digest('base64url');
}

/** The assignment's state now, from its row and its enrolment. */
export function stateOf(
  assignment: FollowupAssignmentRow,
  enrolment: Pick<FollowupEnrolmentRow, 'withdrawnAt'>,
  now: Date,
): FollowupState {
  return followupState(
    {
      opensAt: assignment.opensAt,
      overdueAt: assignment.overdueAt,
      closesAt: assignment.closesAt,
      completedAt: assignment.completedAt,
      withdrawnAt: enrolment.withdrawnAt,
      cancelledAt: assignment.cancelledAt,
    },
    now,
  );
}

const datesOf = (planned: PlannedAssignment, inclusionOn: string, timeZone: string) => ({
  timepoint: planned.timepoint,
  instrumentIds: [...planned.instruments],
  targetDay: toDayNumber(planned.targetOn) - toDayNumber(inclusionOn),
  targetOn: planned.targetOn,
  opensOn: planned.opensOn,
  dueOn: planned.dueOn,
  closesOn: planned.closesOn,
  ...windowInstants(planned, timeZone),
});

/** Cancels an assignment's pending reminders and open job, and their jobs. */
async function cancelQueued(
  tx: Db,
  assignment: FollowupAssignmentRow,
  reason: string,
  now: Date,
): Promise<void> {
  const cancelled = await cancelPendingFollowupReminders(tx, assignment.id, reason);
  const jobIds = cancelled.flatMap((reminder) => (reminder.jobId === null ? [] : [reminder.jobId]));
  if (assignment.openJobId !== null && assignment.openedAt === null) {
    jobIds.push(assignment.openJobId);
  }
  await cancelJobs(tx, jobIds, now);
}

/** How laying out queues its jobs: each with this many attempts (`JOB_MAX_ATTEMPTS`). */
export interface QueueOptions {
  readonly maxAttempts: number;
}

/** Queues the window's opening and its reminders (those still to come at `now`). */
async function queueWork(
  options: QueueOptions,
  tx: Db,
  assignment: FollowupAssignmentRow,
  definition: ScheduleDefinition,
  now: Date,
): Promise<void> {
  const { maxAttempts } = options;
  if (assignment.openedAt === null) {
    const openJobId = await enqueueJob(tx, {
      kind: FOLLOWUP_JOBS.open,
      payload: { assignmentId: assignment.id },
      runAt: assignment.opensAt.getTime() > now.getTime() ? assignment.opensAt : now,
      maxAttempts,
      now,
    });
    await updateFollowupAssignment(tx, assignment.id, { openJobId });
  }
  const sent = (await listFollowupReminders(tx, [assignment.id]))
    .filter((reminder) => reminder.status === 'sent')
    .map((reminder) => reminder.sequence);
  const reminders = remindersToQueue(
    definition.reminders,
    { opensOn: assignment.opensOn, closesAt: assignment.closesAt },
    definition.timeZone,
    { now, sentSequences: sent },
  );
  for (const reminder of reminders) {
    const id = randomUUID();
    const jobId = await enqueueJob(tx, {
      kind: FOLLOWUP_JOBS.remind,
      payload: { reminderId: id },
      runAt: reminder.sendAt,
      maxAttempts,
      now,
    });
    await insertFollowupReminder(tx, {
      id,
      assignmentId: assignment.id,
      sequence: reminder.sequence,
      sendAt: reminder.sendAt,
      jobId,
      now,
    });
  }
}

/**
 * Brings an enrolment's assignments in line with its inclusion date and its schedule: new
 * timepoints are created, pending ones move (their reminders and opening are queued again),
 * timepoints no longer in the schedule are cancelled. Opened and answered ones stay.
 */
export async function layOutEnrolment(
  options: QueueOptions,
  tx: Db,
  enrolment: FollowupEnrolmentRow,
  schedule: FollowupScheduleRow,
  now: Date,
): Promise<{ created: number; moved: number; cancelled: number; skipped: string[] }> {
  const definition = definitionOf(schedule);
  const zone = definition.timeZone;
  const existing = await listFollowupAssignments(tx, [enrolment.id]);
  const planned = planAssignments(definition, enrolment.inclusionOn);
  const plan = reconcileAssignments(
    existing.map((row) => ({ ...row, instruments: row.instrumentIds })),
    planned,
    zone,
    now,
  );
  const byId = new Map(existing.map((row) => [row.id, row]));
  for (const id of plan.cancel) {
    const row = byId.get(id);
    if (!row) continue;
    await cancelQueued(tx, row, 'rescheduled', now);
    await updateFollowupAssignment(tx, id, { cancelledAt: now, openJobId: null });
  }
  for (const { id, planned: target } of plan.move) {
    const row = byId.get(id);
    if (!row) continue;
    await cancelQueued(tx, row, 'rescheduled', now);
    const moved = await updateFollowupAssignment(tx, id, {
      ...datesOf(target, enrolment.inclusionOn, zone),
      cancelledAt: null,
      openJobId: null,
    });
    await queueWork(options, tx, moved, definition, now);
  }
  for (const target of plan.create) {
    const created = await insertFollowupAssignment(tx, {
      enrolmentId: enrolment.id,
      patientId: enrolment.patientId,
      ...datesOf(target, enrolment.inclusionOn, zone),
    });
    await queueWork(options, tx, created, definition, now);
  }
  if (enrolment.scheduleVersion !== schedule.version) {
    await updateFollowupEnrolment(tx, enrolment.id, { scheduleVersion: schedule.version });
  }
  return {
    created: plan.create.length,
    moved: plan.move.length,
    cancelled: plan.cancel.length,
    skipped: plan.skipped,
  };
}

/**
 * A new definition for a schedule, and every active enrolment on it laid out again, in the
 * caller's transaction.
 */
export async function changeSchedule(
  options: QueueOptions,
  tx: Db,
  schedule: FollowupScheduleRow,
  input: { name?: string; definition: ScheduleDefinition },
  now: Date,
): Promise<FollowupScheduleRow> {
  const updated = await updateFollowupSchedule(tx, schedule.id, {
    ...(input.name === undefined ? {} : { name: input.name }),
    definition: input.definition,
    version: schedule.version + 1,
    now,
  });
  for (const enrolment of await lockActiveEnrolmentsOfSchedule(tx, schedule.id)) {
    await layOutEnrolment(options, tx, enrolment, updated, now);
  }
  return updated;
}

/**
 * Withdraws a patient from a schedule: every pending reminder and opening is cancelled and
 * the open links of unanswered assignments are revoked. Answers already given stay.
 */
export async function withdrawEnrolment(
  tx: Db,
  enrolment: FollowupEnrolmentRow,
  input: { by: string; reason: string; now: Date },
): Promise<FollowupEnrolmentRow> {
  const withdrawn = await updateFollowupEnrolment(tx, enrolment.id, {
    withdrawnAt: input.now,
    withdrawnBy: input.by,
    withdrawalReason: input.reason,
  });
  for (const assignment of await listFollowupAssignments(tx, [enrolment.id])) {
    if (assignment.completedAt !== null) continue;
    await cancelQueued(tx, assignment, 'withdrawn', input.now);
    if (assignment.questionnaireAssignmentId !== null) {
      await revokeQuestionnaireLink(tx, assignment.questionnaireAssignmentId, input.now);
    }
  }
  return withdrawn;
}

/**
 * Opens an assignment's window: issues its questionnaire link (all its instruments, expiring
 * when the window closes) and records when. Does nothing when it was opened already, answered,
 * cancelled, withdrawn or its window has closed. Runs in the caller's transaction, with the
 * assignment row locked.
 */
export async function openAssignment(
  deps: FollowupDeps,
  tx: DbTransaction,
  assignmentId: string,
  now: Date,
): Promise<FollowupAssignmentRow | null> {
  const assignment = await findFollowupAssignment(tx, assignmentId, { forUpdate: true });
  if (!assignment) return null;
  if (assignment.openedAt !== null) return assignment;
  const enrolment = await findFollowupEnrolment(tx, assignment.enrolmentId);
  if (!enrolment) return null;
  const state = stateOf(assignment, enrolment, now);
  if (state !== 'open' && state !== 'overdue') return null;
  const key = await followupLinkKey(deps, tx);
  const [first] = assignment.instrumentIds;
  if (first === undefined) throw new Error('a follow-up assignment without instruments');
  const link = await createAssignment(tx, {
    patientId: assignment.patientId,
    instrumentId: first,
    instrumentIds: assignment.instrumentIds,
    tokenHash: hashToken(followupLinkToken(key, assignment.id)),
    createdBy: enrolment.createdBy,
    now,
    expiresAt: assignment.closesAt,
    episodeId: enrolment.episodeId,
    timepoint: assignment.timepoint,
    dueOn: assignment.dueOn,
  });
  // The system issued a link for the patient: audited like a clinician's, in the same transaction.
  await recordAuditEvent(tx, {
    at: now,
    actorType: 'system',
    actorId: null,
    action: 'followup.link_issue',
    outcome: 'success',
    patientId: assignment.patientId,
    subjectType: 'questionnaire_assignment',
    subjectId: link.id,
    requestId: null,
    detail: { followupAssignmentId: assignment.id, instruments: assignment.instrumentIds.length },
  });
  return updateFollowupAssignment(tx, assignment.id, {
    questionnaireAssignmentId: link.id,
    openedAt: now,
  });
}

/** A rendered reminder, ready to hand to a transport. */
export interface OutgoingReminder {
  readonly reminderId: string;
  readonly patientId: string;
  readonly channel: ReminderChannel;
  readonly to: string;
  readonly subject: string | null;
  readonly text: string;
}

/**
 * The first half of sending a reminder, in one transaction with the reminder locked: checks
 * that it is still pending and the assignment still open or overdue, opens the window if its
 * opening has not run yet, picks the channel from the contact details on file now, and renders
 * the words and the link as they are now. Resolves to null when there is nothing to send (the
 * reminder is then settled as skipped, with why).
 */
export async function prepareReminder(
  deps: FollowupDeps,
  reminderId: string,
  now: Date,
): Promise<OutgoingReminder | null> {
  return deps.db.transaction(async (tx) => {
    const reminder = await findFollowupReminder(tx, reminderId, { forUpdate: true });
    if (reminder?.status !== 'pending') return null;
    const skip = async (reason: string) => {
      await settleFollowupReminder(tx, reminder.id, { status: 'skipped', reason });
      return null;
    };
    const assignment = await findFollowupAssignment(tx, reminder.assignmentId);
    const enrolment = assignment && (await findFollowupEnrolment(tx, assignment.enrolmentId));
    const schedule = enrolment && (await findFollowupSchedule(tx, enrolment.scheduleId));
    if (!assignment || !enrolment || !schedule) return skip('gone');
    const state = stateOf(assignment, enrolment, now);
    if (!mayRemind(state)) return skip(state);
    const opened = await openAssignment(deps, tx, assignment.id, now);
    if (!opened?.questionnaireAssignmentId) return skip('not_open');
    const link = await findQuestionnaireLink(tx, opened.questionnaireAssignmentId);
    if (link?.revokedAt !== null) return skip('link_revoked');
    if (link.submittedAt !== null) return skip('completed');
    const definition = definitionOf(schedule);
    const identity = await getPatientIdentity(tx, assignment.patientId);
    const contact = { email: identity?.email ?? null, phone: identity?.phone ?? null };
    const channel = chooseChannel(definition.reminders.channels, contact);
    if (channel === null) return skip('no_contact');
    const token = followupLinkToken(await followupLinkKey(deps, tx), assignment.id);
    const message = renderReminder({
      channel,
      language: deps.config.followup.language,
      link: `${deps.config.publicUrl}/q#${token}`,
      dueOn: opened.dueOn,
      senderName: deps.config.followup.senderName,
      sequence: reminder.sequence,
    });
    return {
      reminderId: reminder.id,
      patientId: assignment.patientId,
      channel,
      to: (channel === 'email' ? contact.email : contact.phone) ?? '',
      subject: message.subject,
      text: message.text,
    };
  });
}

/**
 * Sends one reminder: prepare (above), hand it to the transport, and record it as sent. A
 * transport error propagates, so the job is retried with backoff; the reminder stays pending
 * until then.
 */
export async function sendReminder(
  deps: FollowupDeps,
  transports: Transports,
  reminderId: string,
): Promise<'sent' | 'nothing'> {
  const outgoing = await prepareReminder(deps, reminderId, deps.clock.now());
  if (!outgoing) return 'nothing';
  const host = new URL(deps.config.publicUrl).hostname || 'workup.invalid';
  const { providerMessageId } =
    outgoing.channel === 'email'
      ? await transports.mailer.send({
          to: outgoing.to,
          subject: outgoing.subject ?? '',
          text: outgoing.text,
          messageId: `<reminder-${outgoing.reminderId}@${host}>`,
          patientId: outgoing.patientId,
          reminderId: outgoing.reminderId,
        })
      : await transports.sms.send({
          to: outgoing.to,
          text: outgoing.text,
          patientId: outgoing.patientId,
          reminderId: outgoing.reminderId,
        });
  const sentAt = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await settleFollowupReminder(tx, outgoing.reminderId, {
      status: 'sent',
      channel: outgoing.channel,
      sentAt,
      providerMessageId,
    });
    // The system read the patient's contact details and sent them a message: codes only.
    await recordAuditEvent(tx, {
      at: sentAt,
      actorType: 'system',
      actorId: null,
      action: 'followup.reminder_send',
      outcome: 'success',
      patientId: outgoing.patientId,
      subjectType: 'followup_reminder',
      subjectId: outgoing.reminderId,
      requestId: null,
      detail: { channel: outgoing.channel },
    });
  });
  return 'sent';
}

/** Records that a reminder's job gave up. */
export async function failReminder(deps: FollowupDeps, reminderId: string): Promise<void> {
  await settleFollowupReminder(deps.db, reminderId, { status: 'failed', reason: 'gave_up' });
}
