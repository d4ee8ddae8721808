import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { DashboardQuerySchema, DashboardSchema, ScheduleDefinitionSchema } from '@workup/contracts';
import { localDateOf, summariseCompletion, toDayNumber } from '@workup/core';
import { listFollowupAssignmentsOfUnits } from '@workup/db';
import type { RouteContext } from '../../context';
import { notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf } from '../../services/authorization';
import { stateOf } from '../../services/reminders';
import { guardStaffRoutes } from '../../services/staff-auth';
import { STAFF_ERRORS } from '../patients/index';

/**
 * `/api/v1/followup/dashboard`: completion per unit and timepoint (response rates, delays from
 * opening to answer) and the overdue list, for the person's units or one of them.
 */
export const dashboardRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'followup_dashboard', action: 'read' } },
      schema: {
        tags: ['followup'],
        summary: 'Follow-up completion per unit and timepoint, and what is overdue',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      const { unitId, scheduleId } = request.query;
      if (unitId !== undefined && !unitIds.includes(unitId)) throw notFound('The unit');
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const rows = await listFollowupAssignmentsOfUnits(tx, {
          unitIds: unitId === undefined ? unitIds : [unitId],
          ...(scheduleId === undefined ? {} : { scheduleId }),
        });
        const states = rows.map((row) => ({ row, state: stateOf(row.assignment, row, now) }));
        const overdue = states
          .filter(({ state }) => state === 'overdue')
          .map(({ row }) => {
            const zone = ScheduleDefinitionSchema.parse(row.definition).timeZone;
            return {
              assignmentId: row.assignment.id,
              patientId: row.assignment.patientId,
              unitId: row.unitId,
              timepoint: row.assignment.timepoint,
              dueOn: row.assignment.dueOn,
              closesOn: row.assignment.closesOn,
              daysOverdue: toDayNumber(localDateOf(now, zone)) - toDayNumber(row.assignment.dueOn),
            };
          })
          .sort(
            (a, b) => b.daysOverdue - a.daysOverdue || (a.assignmentId < b.assignmentId ? -1 : 1),
          );
        await audit(tx, ctx.clock, request, {
          action: 'followup_dashboard.read',
          outcome: 'success',
          detail: { assignments: rows.length, overdue: overdue.length },
        });
        return {
          generatedAt: now.toISOString(),
          units: summariseCompletion(
            states.map(({ row, state }) => ({
              unitId: row.unitId,
              timepoint: row.assignment.timepoint,
              targetDay: row.assignment.targetDay,
              state,
              responseDelaySeconds: row.assignment.responseDelaySeconds,
            })),
          ),
          overdue,
        };
      });
    },
  );
  done();
};
