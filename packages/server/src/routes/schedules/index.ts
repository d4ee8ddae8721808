import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  ChangeEnrolmentRequestSchema,
  CreateScheduleRequestSchema,
  EnrolPatientRequestSchema,
  EnrolmentListSchema,
  EnrolmentParamsSchema,
  EnrolmentSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  ScheduleIdParamsSchema,
  ScheduleListSchema,
  ScheduleSchema,
  UpdateScheduleRequestSchema,
  WithdrawRequestSchema,
  type ScheduleDefinition,
} from '@workup/contracts';
import { expandSchedule, isTimeZone } from '@workup/core';
import {
  createFollowupEnrolment,
  createFollowupSchedule,
  findFollowupEnrolment,
  findFollowupSchedule,
  listFollowupAssignments,
  listFollowupEnrolments,
  listFollowupReminders,
  listFollowupSchedules,
  updateFollowupEnrolment,
  type Db,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import { changeSchedule, layOutEnrolment, withdrawEnrolment } from '../../services/reminders';
import { guardStaffRoutes } from '../../services/staff-auth';
import { checkEpisode, PATIENT_ERRORS, STAFF_ERRORS } from '../patients/index';
import { toEnrolment, toSchedule } from './views';

const invalid = (path: (string | number)[], message: string) =>
  new AppError({
    code: 'validation_failed',
    status: 422,
    detail: 'The schedule has fields that are not valid.',
    errors: [{ path, message }],
  });

/** What zod cannot see: a time zone the platform knows, and timepoint names used once. */
function checkDefinition(definition: ScheduleDefinition): void {
  if (!isTimeZone(definition.timeZone)) {
    throw invalid(['definition', 'timeZone'], 'not an IANA time zone, e.g. Europe/Stockholm');
  }
  try {
    expandSchedule(definition);
  } catch (error) {
    if (error instanceof RangeError) throw invalid(['definition', 'timepoints'], error.message);
    throw error;
  }
}

/** A schedule in the person's units, or 404. */
async function scheduleInScope(db: Db, unitIds: readonly string[], scheduleId: string) {
  const schedule = await findFollowupSchedule(db, scheduleId);
  if (!schedule || !unitIds.includes(schedule.unitId)) throw notFound('The schedule');
  return schedule;
}

/** `/api/v1/followup/schedules`: the schedule templates of the person's units. */
export const scheduleRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'followup_schedule', action: 'list' } },
      schema: {
        tags: ['followup'],
        summary: 'The follow-up schedules of the staff member’s units',
        response: { 200: ScheduleListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const rows = await listFollowupSchedules(ctx.db, accessOf(request).unitIds);
      return { schedules: rows.map(toSchedule) };
    },
  );

  app.get(
    '/:scheduleId',
    {
      config: { permission: { resource: 'followup_schedule', action: 'list' } },
      schema: {
        tags: ['followup'],
        summary: 'One follow-up schedule',
        params: ScheduleIdParamsSchema,
        response: { 200: ScheduleSchema, 404: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request) =>
      toSchedule(
        await scheduleInScope(ctx.db, accessOf(request).unitIds, request.params.scheduleId),
      ),
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'followup_schedule', action: 'create' } },
      schema: {
        tags: ['followup'],
        summary: 'Create a follow-up schedule for a unit (default: the caller’s home unit)',
        body: CreateScheduleRequestSchema,
        response: { 201: ScheduleSchema, 404: ProblemSchema, 422: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const { user, unitIds } = accessOf(request);
      const body = request.body;
      const unitId = body.unitId ?? user.unitId;
      if (!unitIds.includes(unitId)) throw notFound('The unit');
      checkDefinition(body.definition);
      const row = await ctx.db.transaction(async (tx) => {
        const created = await createFollowupSchedule(tx, {
          unitId,
          name: body.name,
          study: body.study ?? null,
          definition: body.definition,
          createdBy: user.id,
          now: ctx.clock.now(),
        });
        await audit(tx, ctx.clock, request, {
          action: 'followup_schedule.create',
          outcome: 'success',
          subjectType: 'followup_schedule',
          subjectId: created.id,
        });
        return created;
      });
      return reply.code(201).send(toSchedule(row));
    },
  );

  app.put(
    '/:scheduleId',
    {
      config: { permission: { resource: 'followup_schedule', action: 'update' } },
      schema: {
        tags: ['followup'],
        summary:
          'Change a schedule: every enrolled patient’s pending assignments and reminders move with it',
        params: ScheduleIdParamsSchema,
        body: UpdateScheduleRequestSchema,
        response: { 200: ScheduleSchema, 404: ProblemSchema, 422: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      checkDefinition(request.body.definition);
      const row = await ctx.db.transaction(async (tx) => {
        await scheduleInScope(tx, unitIds, request.params.scheduleId);
        const locked = await findFollowupSchedule(tx, request.params.scheduleId, {
          forUpdate: true,
        });
        if (!locked) throw notFound('The schedule');
        const updated = await changeSchedule(
          ctx.config.followup.jobs,
          tx,
          locked,
          {
            ...(request.body.name === undefined ? {} : { name: request.body.name }),
            definition: request.body.definition,
          },
          ctx.clock.now(),
        );
        await audit(tx, ctx.clock, request, {
          action: 'followup_schedule.update',
          outcome: 'success',
          subjectType: 'followup_schedule',
          subjectId: updated.id,
          detail: { version: updated.version },
        });
        return updated;
      });
      return toSchedule(row);
    },
  );
  done();
};

/** `/api/v1/patients/{patientId}/followup`: a patient's follow-up on schedules. */
export const patientFollowupRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  const readEnrolments = async (tx: Db, patientId: string) => {
    const enrolments = await listFollowupEnrolments(tx, patientId);
    const assignments = await listFollowupAssignments(
      tx,
      enrolments.map((row) => row.id),
    );
    const reminders = await listFollowupReminders(
      tx,
      assignments.map((row) => row.id),
    );
    const now = ctx.clock.now();
    return enrolments.map((row) => toEnrolment(row, assignments, reminders, now));
  };

  const enrolmentOf = async (tx: Db, patientId: string, enrolmentId: string) => {
    const enrolment = await findFollowupEnrolment(tx, enrolmentId, { forUpdate: true });
    if (enrolment?.patientId !== patientId) throw notFound('The enrolment');
    return enrolment;
  };

  const oneEnrolment = async (tx: Db, patientId: string, enrolmentId: string) => {
    const found = (await readEnrolments(tx, patientId)).find((row) => row.id === enrolmentId);
    if (!found) throw notFound('The enrolment');
    return found;
  };

  app.get(
    '/',
    {
      config: { permission: { resource: 'followup_enrolment', action: 'list' } },
      schema: {
        tags: ['followup'],
        summary: 'The patient’s follow-up: schedules, assignments with their states, reminders',
        params: PatientIdParamsSchema,
        response: { 200: EnrolmentListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const enrolments = await readEnrolments(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'followup_enrolment.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: enrolments.length },
        });
        return { enrolments };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'followup_enrolment', action: 'create' } },
      schema: {
        tags: ['followup'],
        summary:
          'Enrol the patient on a schedule from an inclusion date; assignments and reminders are queued',
        params: PatientIdParamsSchema,
        body: EnrolPatientRequestSchema,
        response: {
          201: EnrolmentSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...PATIENT_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { user, unitIds } = accessOf(request);
      const patient = patientOf(request);
      const body = request.body;
      await checkEpisode(ctx.db, patient.id, body.episodeId);
      const enrolment = await ctx.db.transaction(async (tx) => {
        const schedule = await findFollowupSchedule(tx, body.scheduleId);
        if (!schedule || !unitIds.includes(schedule.unitId)) {
          throw new AppError({
            code: 'validation_failed',
            status: 422,
            detail: 'No such schedule in your units.',
            errors: [{ path: ['scheduleId'], message: 'no such schedule' }],
          });
        }
        const active = (await listFollowupEnrolments(tx, patient.id)).some(
          (row) => row.scheduleId === schedule.id && row.withdrawnAt === null,
        );
        if (active) {
          throw new AppError({
            code: 'already_enrolled',
            status: 409,
            detail: 'The patient already follows this schedule; change the inclusion date instead.',
          });
        }
        const now = ctx.clock.now();
        const created = await createFollowupEnrolment(tx, {
          patientId: patient.id,
          scheduleId: schedule.id,
          episodeId: body.episodeId ?? null,
          inclusionOn: body.inclusionOn,
          scheduleVersion: schedule.version,
          createdBy: user.id,
          now,
        });
        const laidOut = await layOutEnrolment(ctx.config.followup.jobs, tx, created, schedule, now);
        await audit(tx, ctx.clock, request, {
          action: 'followup_enrolment.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'followup_enrolment',
          subjectId: created.id,
          detail: {
            scheduleId: schedule.id,
            created: laidOut.created,
            skipped: laidOut.skipped.length,
          },
        });
        return oneEnrolment(tx, patient.id, created.id);
      });
      return reply.code(201).send(enrolment);
    },
  );

  app.patch(
    '/:enrolmentId',
    {
      config: { permission: { resource: 'followup_enrolment', action: 'update' } },
      schema: {
        tags: ['followup'],
        summary: 'Change the inclusion date: pending assignments and reminders move with it',
        params: EnrolmentParamsSchema,
        body: ChangeEnrolmentRequestSchema,
        response: {
          200: EnrolmentSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...PATIENT_ERRORS,
        },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const enrolment = await enrolmentOf(tx, patient.id, request.params.enrolmentId);
        if (enrolment.withdrawnAt !== null) {
          throw new AppError({
            code: 'withdrawn',
            status: 409,
            detail: 'The patient was withdrawn from this follow-up.',
          });
        }
        const schedule = await findFollowupSchedule(tx, enrolment.scheduleId);
        if (!schedule) throw notFound('The schedule');
        const updated = await updateFollowupEnrolment(tx, enrolment.id, {
          inclusionOn: request.body.inclusionOn,
        });
        const laidOut = await layOutEnrolment(
          ctx.config.followup.jobs,
          tx,
          updated,
          schedule,
          ctx.clock.now(),
        );
        await audit(tx, ctx.clock, request, {
          action: 'followup_enrolment.update',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'followup_enrolment',
          subjectId: enrolment.id,
          detail: { moved: laidOut.moved, created: laidOut.created, cancelled: laidOut.cancelled },
        });
        return oneEnrolment(tx, patient.id, enrolment.id);
      });
    },
  );

  app.post(
    '/:enrolmentId/withdrawal',
    {
      config: { permission: { resource: 'followup_enrolment', action: 'revoke' } },
      schema: {
        tags: ['followup'],
        summary: 'Withdraw the patient: every pending reminder stops and open links are revoked',
        params: EnrolmentParamsSchema,
        body: WithdrawRequestSchema,
        response: {
          200: EnrolmentSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...PATIENT_ERRORS,
        },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const enrolment = await enrolmentOf(tx, patient.id, request.params.enrolmentId);
        if (enrolment.withdrawnAt !== null) {
          throw new AppError({
            code: 'withdrawn',
            status: 409,
            detail: 'The patient was already withdrawn from this follow-up.',
          });
        }
        await withdrawEnrolment(tx, enrolment, {
          by: user.id,
          reason: request.body.reason,
          now: ctx.clock.now(),
        });
        await audit(tx, ctx.clock, request, {
          action: 'followup_enrolment.revoke',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'followup_enrolment',
          subjectId: enrolment.id,
          detail: { reason: request.body.reason },
        });
        return oneEnrolment(tx, patient.id, enrolment.id);
      });
    },
  );
  done();
};
