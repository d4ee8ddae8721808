import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common';
import { TimepointSchema } from './patients';

/**
 * Follow-up schedules (issue 8): templates of timepoints relative to a patient's inclusion
 * date, each with a window (opens, due, closes), a reminder policy, and the assignments,
 * reminders and completion figures that follow from them. docs/followup.md explains the model.
 */

/** An instrument id as the registry names it (contracts.md §1), e.g. `odi`, `eq5d3l`. */
export const FollowupInstrumentSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** How far from the inclusion date: calendar days, weeks (7 days) or months (end-of-month rule). */
export const OffsetSchema = z.strictObject({
  unit: z.enum(['days', 'weeks', 'months']),
  value: z.int().min(0).max(1200),
});
export type Offset = z.infer<typeof OffsetSchema>;

/**
 * The window around a timepoint's target date, in whole days: it opens `opensBeforeDays` before
 * the target, is due `dueAfterDays` after it and closes at the end of the day `closesAfterDays`
 * after it (the patient's link expires then). Due never after the close.
 */
export const WindowSchema = z
  .strictObject({
    opensBeforeDays: z.int().min(0).max(365),
    dueAfterDays: z.int().min(0).max(365),
    closesAfterDays: z.int().min(0).max(365),
  })
  .refine((window) => window.closesAfterDays >= window.dueAfterDays, {
    message: 'the window must not close before it is due',
    path: ['closesAfterDays'],
  });
export type FollowupWindow = z.infer<typeof WindowSchema>;

/** One timepoint of a schedule: baseline, month_3, month_12... */
export const ScheduleTimepointSchema = z.strictObject({
  timepoint: TimepointSchema,
  offset: OffsetSchema,
  instruments: z.array(FollowupInstrumentSchema).min(1).max(20),
  window: WindowSchema,
});
export type ScheduleTimepoint = z.infer<typeof ScheduleTimepointSchema>;

/**
 * A series of equally spaced timepoints, such as WorkUp's weekly question on sick-leave days
 * (reference.md §21): `count` occurrences every `every`, the first at `first`, named
 * `<prefix>_1`, `<prefix>_2`...
 */
export const ScheduleSeriesSchema = z.strictObject({
  prefix: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
  first: OffsetSchema,
  every: z.strictObject({ unit: z.enum(['days', 'weeks']), value: z.int().min(1).max(365) }),
  count: z.int().min(1).max(260),
  instruments: z.array(FollowupInstrumentSchema).min(1).max(20),
  window: WindowSchema,
});
export type ScheduleSeries = z.infer<typeof ScheduleSeriesSchema>;

export const REMINDER_CHANNELS = ['email', 'sms'] as const;
export const ReminderChannelSchema = z.enum(REMINDER_CHANNELS);
export type ReminderChannel = z.infer<typeof ReminderChannelSchema>;

/** `HH:MM`, 24-hour, in the schedule's time zone. */
export const LocalTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');

/**
 * When to remind: on the days after the window opens listed in `daysAfterOpening` (0 = the day
 * it opens), at `sendAt` local time, at most `maxReminders` in all, never after the window has
 * closed or the questionnaire was answered. The channel is the first of `channels` the patient
 * has contact details for.
 */
export const ReminderPolicySchema = z.strictObject({
  daysAfterOpening: z
    .array(z.int().min(0).max(365))
    .max(20)
    .refine((days) => days.every((day, index) => index === 0 || day > (days[index - 1] ?? -1)), {
      message: 'strictly increasing days',
    }),
  maxReminders: z.int().min(0).max(20),
  sendAt: LocalTimeSchema,
  channels: z.array(ReminderChannelSchema).min(1).max(2),
});
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

/** A schedule as it is written: timepoints, series, time zone, reminders. */
export const ScheduleDefinitionSchema = z
  .strictObject({
    timeZone: z.string().min(1).max(64),
    timepoints: z.array(ScheduleTimepointSchema).max(50),
    series: z.array(ScheduleSeriesSchema).max(5).default([]),
    reminders: ReminderPolicySchema,
  })
  .refine((definition) => definition.timepoints.length + definition.series.length > 0, {
    message: 'a schedule needs at least one timepoint or series',
    path: ['timepoints'],
  });
export type ScheduleDefinition = z.infer<typeof ScheduleDefinitionSchema>;

export const CreateScheduleRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The unit the schedule belongs to; omitted: the caller's home unit. */
  unitId: IdSchema.optional(),
  /** A study code (e.g. `workup`), for schedules shared by a study; informational. */
  study: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional(),
  definition: ScheduleDefinitionSchema,
});
export type CreateScheduleRequest = z.infer<typeof CreateScheduleRequestSchema>;

export const UpdateScheduleRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  definition: ScheduleDefinitionSchema,
});
export type UpdateScheduleRequest = z.infer<typeof UpdateScheduleRequestSchema>;

export const ScheduleSchema = z.object({
  id: IdSchema,
  unitId: IdSchema,
  name: z.string(),
  study: z.string().nullable(),
  version: z.int(),
  definition: ScheduleDefinitionSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const ScheduleListSchema = z.object({ schedules: z.array(ScheduleSchema) });
export const ScheduleIdParamsSchema = z.object({ scheduleId: IdSchema });

/**
 * The states of a follow-up assignment. `scheduled`: its window has not opened; `open`: open and
 * not yet due; `overdue`: past its due day, still open; `completed`: every questionnaire was
 * answered; `missed`: the window closed unanswered; `withdrawn`: the patient left follow-up;
 * `cancelled`: the schedule no longer has this timepoint.
 */
export const FOLLOWUP_STATES = [
  'scheduled',
  'open',
  'overdue',
  'completed',
  'missed',
  'withdrawn',
  'cancelled',
] as const;
export const FollowupStateSchema = z.enum(FOLLOWUP_STATES);
export type FollowupState = z.infer<typeof FollowupStateSchema>;

export const EnrolPatientRequestSchema = z.strictObject({
  scheduleId: IdSchema,
  inclusionOn: DateSchema,
  episodeId: IdSchema.optional(),
});
export type EnrolPatientRequest = z.infer<typeof EnrolPatientRequestSchema>;

export const ChangeEnrolmentRequestSchema = z.strictObject({ inclusionOn: DateSchema });
export const EnrolmentParamsSchema = z.object({ patientId: IdSchema, enrolmentId: IdSchema });

export const WITHDRAWAL_REASONS = ['patient_request', 'clinician_decision', 'other'] as const;
export const WithdrawRequestSchema = z.strictObject({ reason: z.enum(WITHDRAWAL_REASONS) });

export const ReminderStatusSchema = z.enum(['pending', 'sent', 'skipped', 'failed', 'cancelled']);

export const FollowupReminderSchema = z.object({
  sequence: z.int(),
  sendAt: TimestampSchema,
  status: ReminderStatusSchema,
  channel: ReminderChannelSchema.nullable(),
  sentAt: TimestampSchema.nullable(),
});

export const FollowupAssignmentSchema = z.object({
  id: IdSchema,
  timepoint: TimepointSchema,
  instruments: z.array(z.string()),
  targetOn: DateSchema,
  opensOn: DateSchema,
  dueOn: DateSchema,
  closesOn: DateSchema,
  state: FollowupStateSchema,
  openedAt: TimestampSchema.nullable(),
  completedAt: TimestampSchema.nullable(),
  /** Seconds from the window's opening to the last questionnaire's submission. */
  responseDelaySeconds: z.int().nullable(),
  reminders: z.array(FollowupReminderSchema),
});
export type FollowupAssignment = z.infer<typeof FollowupAssignmentSchema>;

export const EnrolmentSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  scheduleId: IdSchema,
  scheduleVersion: z.int(),
  inclusionOn: DateSchema,
  withdrawnAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  assignments: z.array(FollowupAssignmentSchema),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const EnrolmentListSchema = z.object({ enrolments: z.array(EnrolmentSchema) });

/** A message as the outbox transport kept it (development and tests only). */
export const OutboxMessageSchema = z.object({
  id: IdSchema,
  channel: ReminderChannelSchema,
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: TimestampSchema,
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
export const OutboxListSchema = z.object({ messages: z.array(OutboxMessageSchema) });

export const DashboardQuerySchema = z.strictObject({
  unitId: IdSchema.optional(),
  scheduleId: IdSchema.optional(),
});

/** Completion per timepoint: only assignments whose window has opened count as eligible. */
export const TimepointCompletionSchema = z.object({
  timepoint: z.string(),
  eligible: z.int(),
  completed: z.int(),
  open: z.int(),
  overdue: z.int(),
  missed: z.int(),
  /** completed / eligible, 0 to 1, null with nothing eligible. */
  responseRate: z.number().nullable(),
  /** Median and mean of the response delays in days (to 0.01 day), null without responses. */
  medianDelayDays: z.number().nullable(),
  meanDelayDays: z.number().nullable(),
});

export const OverdueItemSchema = z.object({
  assignmentId: IdSchema,
  patientId: IdSchema,
  unitId: IdSchema,
  timepoint: z.string(),
  dueOn: DateSchema,
  closesOn: DateSchema,
  daysOverdue: z.int(),
});

export const DashboardSchema = z.object({
  generatedAt: TimestampSchema,
  units: z.array(
    z.object({
      unitId: IdSchema,
      timepoints: z.array(TimepointCompletionSchema),
    }),
  ),
  overdue: z.array(OverdueItemSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
