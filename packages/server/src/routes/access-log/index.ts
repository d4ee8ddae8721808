import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { AccessLogQuerySchema, AccessLogSchema, PatientIdParamsSchema } from '@workup/contracts';
import { listPatientAccessLog } from '@workup/db';
import type { RouteContext } from '../../context';
import { audit } from '../../services/audit';
import { patientOf } from '../../services/authorization';
import { guardStaffRoutes } from '../../services/staff-auth';
import { PATIENT_ERRORS } from '../patients/index';

/**
 * `GET /api/v1/patients/{patientId}/access-log`: who read or changed the patient's data, and
 * who tried to and was denied, newest first. Reading it is itself an audited access.
 */
export const accessLogRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'access_log', action: 'read' } },
      schema: {
        tags: ['audit'],
        summary: 'The patient’s access log: actor, action, outcome, request id and UTC time',
        params: PatientIdParamsSchema,
        querystring: AccessLogQuerySchema,
        response: { 200: AccessLogSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const { limit, before } = request.query;
      return ctx.db.transaction(async (tx) => {
        const rows = await listPatientAccessLog(tx, { patientId: patient.id, limit, before });
        await audit(tx, ctx.clock, request, {
          action: 'access_log.read',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: rows.length },
        });
        const last = rows.at(-1);
        return {
          patientId: patient.id,
          entries: rows.map((row) => ({
            id: row.id,
            at: row.at.toISOString(),
            actorType:
              row.actorType === 'staff' || row.actorType === 'patient_link'
                ? row.actorType
                : ('system' as const),
            actorId: row.actorId,
            action: row.action,
            outcome:
              row.outcome === 'success' || row.outcome === 'denied'
                ? row.outcome
                : ('failure' as const),
            subjectType: row.subjectType,
            subjectId: row.subjectId,
            requestId: row.requestId,
          })),
          nextBefore: rows.length === limit && last ? last.id : null,
        };
      });
    },
  );
  done();
};
