import {
  ReminderChannelSchema,
  ReminderStatusSchema,
  type Enrolment,
  type FollowupAssignment,
  type Schedule,
} from '@workup/contracts';
import type {
  FollowupAssignmentRow,
  FollowupEnrolmentRow,
  FollowupReminderRow,
  FollowupScheduleRow,
} from '@workup/db';
import { definitionOf, stateOf } from '../../services/reminders';

export function toSchedule(row: FollowupScheduleRow): Schedule {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    study: row.study,
    version: row.version,
    definition: definitionOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toFollowupAssignment(
  row: FollowupAssignmentRow,
  enrolment: FollowupEnrolmentRow,
  reminders: readonly FollowupReminderRow[],
  now: Date,
): FollowupAssignment {
  return {
    id: row.id,
    timepoint: row.timepoint,
    instruments: row.instrumentIds,
    targetOn: row.targetOn,
    opensOn: row.opensOn,
    dueOn: row.dueOn,
    closesOn: row.closesOn,
    state: stateOf(row, enrolment, now),
    openedAt: row.openedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    responseDelaySeconds: row.responseDelaySeconds,
    reminders: reminders
      .filter((reminder) => reminder.assignmentId === row.id)
      .map((reminder) => ({
        sequence: reminder.sequence,
        sendAt: reminder.sendAt.toISOString(),
        status: ReminderStatusSchema.parse(reminder.status),
        channel: reminder.channel === null ? null : ReminderChannelSchema.parse(reminder.channel),
        sentAt: reminder.sentAt?.toISOString() ?? null,
      })),
  };
}

export function toEnrolment(
  enrolment: FollowupEnrolmentRow,
  assignments: readonly FollowupAssignmentRow[],
  reminders: readonly FollowupReminderRow[],
  now: Date,
): Enrolment {
  return {
    id: enrolment.id,
    patientId: enrolment.patientId,
    scheduleId: enrolment.scheduleId,
    scheduleVersion: enrolment.scheduleVersion,
    inclusionOn: enrolment.inclusionOn,
    withdrawnAt: enrolment.withdrawnAt?.toISOString() ?? null,
    createdAt: enrolment.createdAt.toISOString(),
    assignments: assignments
      .filter((row) => row.enrolmentId === enrolment.id)
      .map((row) => toFollowupAssignment(row, enrolment, reminders, now)),
  };
}
