import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CreateProtocolEntryRequestSchema,
  CreateSessionRequestSchema,
  SessionSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  ProtocolEntrySchema,
  ProtocolSchema,
} from '@workup/contracts';
import {
  createProtocolEntry,
  findStaffUserById,
  getPlan,
  listProtocolEntries,
  markComponentsDelivered,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf, scopeUnitIds } from '../../services/authorization';
import { toProtocolEntry } from '../../services/patient-views';
import { guardStaffRoutes, toStaffUser } from '../../services/staff-auth';
import { checkEpisode, PATIENT_ERRORS } from '../patients/index';

const invalid = (field: string, message: string, detail: string) =>
  new AppError({
    code: 'validation_failed',
    status: 422,
    detail,
    errors: [{ path: [field], message }],
  });

/** `/api/v1/patients/{patientId}/protocol`: the treatment protocol, one entry per measure. */
export const protocolRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'protocol_entry', action: 'list' } },
      schema: {
        tags: ['protocol'],
        summary: 'The patient’s treatment protocol, in the order the measures were given',
        params: PatientIdParamsSchema,
        response: { 200: ProtocolSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const entries = await listProtocolEntries(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'protocol_entry.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: entries.length },
        });
        return { entries: entries.map(toProtocolEntry) };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'protocol_entry', action: 'create' } },
      schema: {
        tags: ['protocol'],
        summary: 'Record a measure given: intervention code, day, provider, duration, notes',
        params: PatientIdParamsSchema,
        body: CreateProtocolEntryRequestSchema,
        response: { 201: ProtocolEntrySchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const body = request.body;
      const now = ctx.clock.now();
      if (body.performedOn > now.toISOString().slice(0, 10)) {
        throw invalid('performedOn', 'in the future', 'A measure cannot be given in the future.');
      }
      await checkEpisode(ctx.db, patient.id, body.episodeId);
      if (body.planId !== undefined && !(await getPlan(ctx.db, patient.id, body.planId))) {
        throw invalid('planId', 'no such plan for this patient', 'The plan is not this patient’s.');
      }
      const providerId = body.providerId ?? user.id;
      if (providerId !== user.id) {
        // The provider must be a staff member who may see this patient.
        const provider = await findStaffUserById(ctx.db, providerId);
        const providerUnits = provider ? await scopeUnitIds(ctx.db, toStaffUser(provider)) : [];
        if (!providerUnits.includes(patient.unitId)) {
          throw invalid(
            'providerId',
            'not a staff member of the patient’s unit',
            'Unknown provider.',
          );
        }
      }
      const entry = await ctx.db.transaction(async (tx) => {
        const created = await createProtocolEntry(tx, {
          patientId: patient.id,
          episodeId: body.episodeId ?? null,
          planId: body.planId ?? null,
          interventionCode: body.interventionCode,
          performedOn: body.performedOn,
          providerId,
          durationMinutes: body.durationMinutes ?? null,
          notes: body.notes ?? null,
          createdBy: user.id,
          now,
        });
        await audit(tx, ctx.clock, request, {
          action: 'protocol_entry.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'protocol_entry',
          subjectId: created.id,
          detail: { interventionCode: created.interventionCode },
        });
        return created;
      });
      return reply.code(201).send(toProtocolEntry(entry));
    },
  );
  app.post(
    '/sessions',
    {
      config: { permission: { resource: 'protocol_entry', action: 'create' } },
      schema: {
        tags: ['protocol'],
        summary:
          'Record a treatment session: several measures on one day, in one go; with a plan, accepted or changed components given are marked delivered',
        params: PatientIdParamsSchema,
        body: CreateSessionRequestSchema,
        response: { 201: SessionSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const body = request.body;
      const now = ctx.clock.now();
      if (body.performedOn > now.toISOString().slice(0, 10)) {
        throw invalid('performedOn', 'in the future', 'A session cannot be in the future.');
      }
      await checkEpisode(ctx.db, patient.id, body.episodeId);
      if (body.planId !== undefined && !(await getPlan(ctx.db, patient.id, body.planId))) {
        throw invalid('planId', 'no such plan for this patient', 'The plan is not this patient’s.');
      }
      const session = await ctx.db.transaction(async (tx) => {
        const entries = [];
        for (const measure of body.measures) {
          const created = await createProtocolEntry(tx, {
            patientId: patient.id,
            episodeId: body.episodeId ?? null,
            planId: body.planId ?? null,
            interventionCode: measure.interventionCode,
            performedOn: body.performedOn,
            providerId: user.id,
            durationMinutes: measure.durationMinutes ?? null,
            notes: body.notes ?? null,
            createdBy: user.id,
            now,
          });
          await audit(tx, ctx.clock, request, {
            action: 'protocol_entry.create',
            outcome: 'success',
            patientId: patient.id,
            subjectType: 'protocol_entry',
            subjectId: created.id,
            detail: { interventionCode: created.interventionCode, session: true },
          });
          entries.push(created);
        }
        const delivered =
          body.planId === undefined
            ? []
            : await markComponentsDelivered(tx, {
                planId: body.planId,
                codes: body.measures.map((measure) => measure.interventionCode),
                deliveredOn: body.performedOn,
              });
        if (body.planId !== undefined && delivered.length > 0) {
          await audit(tx, ctx.clock, request, {
            action: 'plan_component.deliver',
            outcome: 'success',
            patientId: patient.id,
            subjectType: 'plan',
            subjectId: body.planId,
            detail: { codes: delivered, deliveredOn: body.performedOn },
          });
        }
        return { entries: entries.map(toProtocolEntry), delivered };
      });
      return reply.code(201).send(session);
    },
  );
  done();
};
