import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CreatePlanRequestSchema,
  DecideComponentRequestSchema,
  PatientIdParamsSchema,
  PlanComponentParamsSchema,
  PlanComponentSchema,
  PlanListSchema,
  PlanParamsSchema,
  PlanSchema,
  ProblemSchema,
} from '@workup/contracts';
import { decidePlanComponent, getPlan, listPlans } from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import { toPlan, toPlanComponent, toPlanSummary } from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { checkEpisode, PATIENT_ERRORS } from '../patients/index';
import { storePlan } from './store-plan';

/**
 * `/api/v1/patients/{patientId}/plans`: plans as triage proposed them (the whole output, with
 * the pathway's id, version and hash), and the clinician's decision on each component.
 */
export const planRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'plan', action: 'list' } },
      schema: {
        tags: ['plans'],
        summary: 'The patient’s plans, newest first, with flags, components and decisions',
        params: PatientIdParamsSchema,
        response: { 200: PlanListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const plans = await listPlans(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'plan.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: plans.length },
        });
        return { plans: plans.map(toPlanSummary) };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'plan', action: 'create' } },
      schema: {
        tags: ['plans'],
        summary: 'Store a triage result as the patient’s plan',
        params: PatientIdParamsSchema,
        body: CreatePlanRequestSchema,
        response: { 201: PlanSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const { triage, episodeId } = request.body;
      await checkEpisode(ctx.db, patient.id, episodeId);
      const { plan } = await ctx.db.transaction((tx) =>
        storePlan(tx, ctx, request, {
          patient,
          episodeId: episodeId ?? null,
          triage,
          createdBy: user.id,
          assignmentId: null,
        }),
      );
      return reply.code(201).send(toPlan(plan));
    },
  );

  app.get(
    '/:planId',
    {
      config: { permission: { resource: 'plan', action: 'read' } },
      schema: {
        tags: ['plans'],
        summary: 'One plan with the triage output it was made from',
        params: PlanParamsSchema,
        response: { 200: PlanSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const { planId } = request.params;
      return ctx.db.transaction(async (tx) => {
        const plan = await getPlan(tx, patient.id, planId);
        if (!plan) throw notFound('The plan');
        await audit(tx, ctx.clock, request, {
          action: 'plan.read',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'plan',
          subjectId: plan.id,
        });
        return toPlan(plan);
      });
    },
  );

  app.put(
    '/:planId/components/:code',
    {
      config: { permission: { resource: 'plan_component', action: 'update' } },
      schema: {
        tags: ['plans'],
        summary:
          'Decide on a component: accepted, changed or declined (a reason is required for the last two), and when it was delivered',
        params: PlanComponentParamsSchema,
        body: DecideComponentRequestSchema,
        response: { 200: PlanComponentSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const { planId, code } = request.params;
      const body = request.body;
      const now = ctx.clock.now();
      if (body.deliveredOn !== undefined && body.deliveredOn > now.toISOString().slice(0, 10)) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'A component cannot be delivered in the future.',
          errors: [{ path: ['deliveredOn'], message: 'in the future' }],
        });
      }
      const component = await ctx.db.transaction(async (tx) => {
        const row = await decidePlanComponent(tx, {
          patientId: patient.id,
          planId,
          code,
          decision: body.decision,
          reason: body.reason ?? null,
          deliveredOn: body.deliveredOn ?? null,
          decidedBy: user.id,
          now,
        });
        if (!row) throw notFound('The plan component');
        await audit(tx, ctx.clock, request, {
          action: 'plan_component.update',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'plan',
          subjectId: planId,
          // The code and decision; the reason is free text and stays in the record only.
          detail: { code, decision: body.decision, delivered: body.deliveredOn !== undefined },
        });
        return row;
      });
      return toPlanComponent(component);
    },
  );
  done();
};
