import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CreateLinkRequestSchema,
  CreatePatientRequestSchema,
  PatientDetailSchema,
  PatientIdParamsSchema,
  PatientListSchema,
  PatientSummarySchema,
  ProblemSchema,
  QuestionnaireLinkSchema,
  type SbtResult,
} from '@workup/contracts';
import { sbtDefinition } from '@workup/core';
import {
  createAssignment,
  createPatient,
  getPatient,
  listAssignments,
  listPatients,
  listScoredResponses,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { notFound } from '../../errors';
import { audit } from '../../services/audit';
import { toAssignment, toPatientSummary, toSbtResult } from '../../services/patient-views';
import { requireStaff } from '../../services/staff-auth';
import { hashToken, newToken } from '../../services/tokens';

const STAFF_ERRORS = { 401: ProblemSchema, 403: ProblemSchema } as const;

export const patientRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  app.addHook('onRequest', requireStaff(ctx));

  /** The staff member's unit; patients of other units do not exist for them. */
  const unitOf = (request: { staff: { user: { unitId: string } } | null }): string => {
    if (!request.staff) throw new Error('requireStaff did not run');
    return request.staff.user.unitId;
  };

  app.get(
    '/',
    {
      schema: {
        tags: ['patients'],
        summary: "The unit's patients with their latest STarT Back result",
        response: { 200: PatientListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const patients = await listPatients(ctx.db, unitOf(request));
      const scored = await listScoredResponses(
        ctx.db,
        patients.map((patient) => patient.id),
        sbtDefinition.id,
      );
      const latest = new Map<string, SbtResult>();
      for (const row of scored) {
        const result = toSbtResult(row);
        if (result && !latest.has(row.patientId)) latest.set(row.patientId, result);
      }
      await audit(ctx.db, ctx.clock, request, {
        action: 'patient.list',
        outcome: 'success',
        detail: { count: patients.length },
      });
      return {
        patients: patients.map((patient) =>
          toPatientSummary(patient, latest.get(patient.id) ?? null),
        ),
      };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['patients'],
        summary: 'Create a patient in the signed-in staff member’s unit',
        body: CreatePatientRequestSchema,
        response: { 201: PatientSummarySchema, 422: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const patient = await createPatient(ctx.db, {
        unitId: unitOf(request),
        givenName: request.body.givenName,
        familyName: request.body.familyName,
        birthYear: request.body.birthYear ?? null,
        now: ctx.clock.now(),
      });
      await audit(ctx.db, ctx.clock, request, {
        action: 'patient.create',
        outcome: 'success',
        patientId: patient.id,
        subjectType: 'patient',
        subjectId: patient.id,
      });
      return reply.code(201).send(toPatientSummary(patient, null));
    },
  );

  app.get(
    '/:patientId',
    {
      schema: {
        tags: ['patients'],
        summary: 'One patient with questionnaire links and STarT Back results',
        params: PatientIdParamsSchema,
        response: { 200: PatientDetailSchema, 404: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const patient = await getPatient(ctx.db, unitOf(request), request.params.patientId);
      if (!patient) {
        await audit(ctx.db, ctx.clock, request, {
          action: 'patient.read',
          outcome: 'denied',
          subjectType: 'patient',
          subjectId: request.params.patientId,
        });
        throw notFound('The patient');
      }
      const now = ctx.clock.now();
      const [assignments, scored] = await Promise.all([
        listAssignments(ctx.db, patient.id),
        listScoredResponses(ctx.db, [patient.id], sbtDefinition.id),
      ]);
      const sbtResults = scored
        .map(toSbtResult)
        .filter((result): result is SbtResult => result !== null);
      await audit(ctx.db, ctx.clock, request, {
        action: 'patient.read',
        outcome: 'success',
        patientId: patient.id,
        subjectType: 'patient',
        subjectId: patient.id,
      });
      return {
        ...toPatientSummary(patient, sbtResults[0] ?? null),
        assignments: assignments.map((row) => toAssignment(row, now)),
        sbtResults,
      };
    },
  );

  app.post(
    '/:patientId/questionnaire-links',
    {
      schema: {
        tags: ['patients'],
        summary: 'Issue a questionnaire link (revokes older open links for the instrument)',
        params: PatientIdParamsSchema,
        body: CreateLinkRequestSchema,
        response: {
          201: QuestionnaireLinkSchema,
          404: ProblemSchema,
          422: ProblemSchema,
          ...STAFF_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const patient = await getPatient(ctx.db, unitOf(request), request.params.patientId);
      if (!patient) throw notFound('The patient');
      const staff = request.staff;
      if (!staff) throw new Error('requireStaff did not run');
      const token = newToken();
      const now = ctx.clock.now();
      const row = await createAssignment(ctx.db, {
        patientId: patient.id,
        instrumentId: request.body.instrument,
        tokenHash: hashToken(token),
        createdBy: staff.user.id,
        now,
        expiresAt: new Date(now.getTime() + ctx.config.patientLinkTtlMs),
      });
      await audit(ctx.db, ctx.clock, request, {
        action: 'questionnaire_link.create',
        outcome: 'success',
        patientId: patient.id,
        subjectType: 'questionnaire_assignment',
        subjectId: row.id,
        detail: { instrument: row.instrumentId },
      });
      return reply.code(201).send({
        assignment: toAssignment(row, now),
        url: `${ctx.config.publicUrl}/q#${token}`,
      });
    },
  );
  done();
};
