import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  PatientIdParamsSchema,
  PatientTimelineSchema,
  ProblemSchema,
  RecordSickLeaveRequestSchema,
  RemoveSickLeaveRequestSchema,
  SickLeaveListSchema,
  SickLeaveParamsSchema,
  SickLeavePeriodRecordSchema,
} from '@workup/contracts';
import {
  findSickLeavePeriod,
  insertSickLeavePeriod,
  listEpisodes,
  listMeetings,
  listPatientReferrals,
  listSickLeavePeriods,
  removeSickLeavePeriod,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import { buildTimeline, loadMeetings, loadReferrals, toSickLeavePeriod } from '../../services/rtw';
import { guardStaffRoutes } from '../../services/staff-auth';
import { siteToday } from '../caseload/index';
import { PATIENT_ERRORS } from '../patients/index';

/**
 * `/api/v1/patients/{patientId}/sick-leave` and `/timeline`: the patient's sick-leave periods
 * and the return-to-work timeline computed from them (docs/rtw.md).
 */
export const rtwRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/sick-leave',
    {
      config: { permission: { resource: 'sick_leave', action: 'list' } },
      schema: {
        tags: ['return to work'],
        summary: 'The patient’s sick-leave periods, removed ones too',
        params: PatientIdParamsSchema,
        response: { 200: SickLeaveListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const rows = await listSickLeavePeriods(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'sick_leave.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: rows.length },
        });
        return { periods: rows.map(toSickLeavePeriod) };
      });
    },
  );

  app.post(
    '/sick-leave',
    {
      config: { permission: { resource: 'sick_leave', action: 'create' } },
      schema: {
        tags: ['return to work'],
        summary: 'Record a period of sick leave (inclusive dates, degree in percent)',
        params: PatientIdParamsSchema,
        body: RecordSickLeaveRequestSchema,
        response: { 201: SickLeavePeriodRecordSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction(async (tx) => {
        const created = await insertSickLeavePeriod(tx, {
          patientId: patient.id,
          fromOn: request.body.from,
          toOn: request.body.to,
          degree: request.body.degree,
          source: request.body.source,
          recordedBy: user.id,
          now,
        });
        await audit(tx, ctx.clock, request, {
          action: 'sick_leave.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'sick_leave_period',
          subjectId: created.id,
          detail: { source: created.source },
        });
        return created;
      });
      return reply.code(201).send(toSickLeavePeriod(row));
    },
  );

  app.post(
    '/sick-leave/:periodId/removal',
    {
      config: { permission: { resource: 'sick_leave', action: 'revoke' } },
      schema: {
        tags: ['return to work'],
        summary: 'Remove a period entered by mistake (it stays on record, with the reason)',
        params: SickLeaveParamsSchema,
        body: RemoveSickLeaveRequestSchema,
        response: {
          200: SickLeavePeriodRecordSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...PATIENT_ERRORS,
        },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const existing = await findSickLeavePeriod(ctx.db, patient.id, request.params.periodId);
      if (!existing) throw notFound('The sick-leave period');
      const row = await ctx.db.transaction(async (tx) => {
        const removed = await removeSickLeavePeriod(tx, {
          patientId: patient.id,
          periodId: existing.id,
          removedBy: user.id,
          reason: request.body.reason,
          now: ctx.clock.now(),
        });
        if (!removed) return null;
        await audit(tx, ctx.clock, request, {
          action: 'sick_leave.revoke',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'sick_leave_period',
          subjectId: removed.id,
        });
        return removed;
      });
      if (!row) {
        throw new AppError({
          code: 'already_removed',
          status: 409,
          detail: 'This period was removed already.',
        });
      }
      return toSickLeavePeriod(row);
    },
  );

  app.get(
    '/timeline',
    {
      config: { permission: { resource: 'sick_leave', action: 'list' } },
      schema: {
        tags: ['return to work'],
        summary:
          'Spells, RTW and sustained RTW, statutory checkpoints, referrals and meetings, by date',
        params: PatientIdParamsSchema,
        response: { 200: PatientTimelineSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const periods = await listSickLeavePeriods(tx, patient.id);
        const episodes = await listEpisodes(tx, patient.id);
        const referrals = await loadReferrals(tx, await listPatientReferrals(tx, patient.id));
        const meetings = await loadMeetings(tx, await listMeetings(tx, patient.id), now);
        const timeline = buildTimeline({
          config: ctx.config,
          today: siteToday(now),
          periods,
          inclusionOn: episodes[0]?.startedOn ?? null,
          referrals,
          meetings,
        });
        await audit(tx, ctx.clock, request, {
          action: 'rtw_timeline.read',
          outcome: 'success',
          patientId: patient.id,
          detail: { events: timeline.events.length },
        });
        return timeline;
      });
    },
  );
  done();
};
