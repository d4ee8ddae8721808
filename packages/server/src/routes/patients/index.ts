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
  UpdatePatientRequestSchema,
  type SbtResult,
} from '@workup/contracts';
import { sbtDefinition } from '@workup/core';
import {
  createAssignment,
  createPatient,
  episodeBelongsTo,
  getPatient,
  getPatientIdentity,
  listAssignments,
  listPatientResponses,
  listPatients,
  listScoredResponses,
  updatePatient,
  type Db,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import {
  toAssignment,
  toInstrumentResult,
  toPatientIdentity,
  toPatientSummary,
  toSbtResult,
} from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { hashToken, newToken } from '../../services/tokens';

export const STAFF_ERRORS = { 401: ProblemSchema, 403: ProblemSchema } as const;
export const PATIENT_ERRORS = { ...STAFF_ERRORS, 404: ProblemSchema } as const;

/** An episode named in a request must be one of this patient's (else 422 at `episodeId`). */
export async function checkEpisode(
  db: Db,
  patientId: string,
  episodeId: string | undefined,
): Promise<void> {
  if (episodeId === undefined || (await episodeBelongsTo(db, patientId, episodeId))) return;
  throw new AppError({
    code: 'validation_failed',
    status: 422,
    detail: 'The episode is not one of this patient’s.',
    errors: [{ path: ['episodeId'], message: 'no such episode for this patient' }],
  });
}

export const patientRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'patient', action: 'list' } },
      schema: {
        tags: ['patients'],
        summary: "The patients of the staff member's units with their latest STarT Back result",
        response: { 200: PatientListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      return ctx.db.transaction(async (tx) => {
        const patients = await listPatients(tx, unitIds);
        const scored = await listScoredResponses(
          tx,
          patients.map((patient) => patient.id),
          sbtDefinition.id,
        );
        const latest = new Map<string, SbtResult>();
        for (const row of scored) {
          const result = toSbtResult(row);
          if (result && !latest.has(row.patientId)) latest.set(row.patientId, result);
        }
        await audit(tx, ctx.clock, request, {
          action: 'patient.list',
          outcome: 'success',
          detail: { count: patients.length },
        });
        return {
          patients: patients.map((patient) =>
            toPatientSummary(patient, latest.get(patient.id) ?? null),
          ),
        };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'patient', action: 'create' } },
      schema: {
        tags: ['patients'],
        summary: 'Create a patient in the signed-in staff member’s home unit',
        body: CreatePatientRequestSchema,
        response: { 201: PatientSummarySchema, 422: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const body = request.body;
      const patient = await ctx.db.transaction(async (tx) => {
        const created = await createPatient(tx, {
          unitId: user.unitId,
          givenName: body.givenName,
          familyName: body.familyName,
          birthYear: body.birthYear ?? null,
          nationalId: body.nationalId ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
          now: ctx.clock.now(),
        });
        await audit(tx, ctx.clock, request, {
          action: 'patient.create',
          outcome: 'success',
          patientId: created.id,
          subjectType: 'patient',
          subjectId: created.id,
        });
        return created;
      });
      return reply.code(201).send(toPatientSummary(patient, null));
    },
  );

  const readDetail = async (tx: Db, unitIds: readonly string[], patientId: string) => {
    const patient = await getPatient(tx, unitIds, patientId);
    if (!patient) throw notFound('The patient');
    const now = ctx.clock.now();
    const [identity, assignments, scored, responses] = await Promise.all([
      getPatientIdentity(tx, patient.id),
      listAssignments(tx, patient.id),
      listScoredResponses(tx, [patient.id], sbtDefinition.id),
      listPatientResponses(tx, patient.id),
    ]);
    const sbtResults = scored
      .map(toSbtResult)
      .filter((result): result is SbtResult => result !== null);
    return {
      ...toPatientSummary(patient, sbtResults[0] ?? null),
      unitId: patient.unitId,
      identity: toPatientIdentity(identity),
      assignments: assignments.map((row) => toAssignment(row, now)),
      sbtResults,
      results: responses.map(toInstrumentResult),
    };
  };

  app.get(
    '/:patientId',
    {
      config: { permission: { resource: 'patient', action: 'read' } },
      schema: {
        tags: ['patients'],
        summary: 'One patient with identity, questionnaire links and STarT Back results',
        params: PatientIdParamsSchema,
        response: { 200: PatientDetailSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const detail = await readDetail(tx, unitIds, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'patient.read',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'patient',
          subjectId: patient.id,
        });
        return detail;
      });
    },
  );

  app.patch(
    '/:patientId',
    {
      config: { permission: { resource: 'patient', action: 'update' } },
      schema: {
        tags: ['patients'],
        summary: 'Change a patient’s name, birth year, national id or contact details',
        params: PatientIdParamsSchema,
        body: UpdatePatientRequestSchema,
        response: { 200: PatientDetailSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      const patient = patientOf(request);
      const body = request.body;
      return ctx.db.transaction(async (tx) => {
        await updatePatient(tx, patient.id, {
          ...(body.givenName === undefined ? {} : { givenName: body.givenName }),
          ...(body.familyName === undefined ? {} : { familyName: body.familyName }),
          ...(body.birthYear === undefined ? {} : { birthYear: body.birthYear }),
          ...(body.nationalId === undefined ? {} : { nationalId: body.nationalId }),
          ...(body.phone === undefined ? {} : { phone: body.phone }),
          ...(body.email === undefined ? {} : { email: body.email }),
        });
        await audit(tx, ctx.clock, request, {
          action: 'patient.update',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'patient',
          subjectId: patient.id,
          // Which fields changed, never their values.
          detail: { fields: Object.keys(body).sort() },
        });
        return readDetail(tx, unitIds, patient.id);
      });
    },
  );

  app.post(
    '/:patientId/questionnaire-links',
    {
      config: { permission: { resource: 'questionnaire_link', action: 'create' } },
      schema: {
        tags: ['patients'],
        summary:
          'Issue a questionnaire link for one instrument or an ordered set (revokes older open links for the same set)',
        params: PatientIdParamsSchema,
        body: CreateLinkRequestSchema,
        response: { 201: QuestionnaireLinkSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const body = request.body;
      await checkEpisode(ctx.db, patient.id, body.episodeId);
      const instruments =
        body.instruments ?? (body.instrument === undefined ? [] : [body.instrument]);
      const [first] = instruments;
      if (first === undefined) throw new Error('the schema requires an instrument');
      const token = newToken();
      const now = ctx.clock.now();
      const row = await ctx.db.transaction(async (tx) => {
        const created = await createAssignment(tx, {
          patientId: patient.id,
          instrumentId: first,
          instrumentIds: instruments,
          tokenHash: hashToken(token),
          createdBy: user.id,
          now,
          expiresAt: new Date(now.getTime() + ctx.config.patientLinkTtlMs),
          episodeId: body.episodeId ?? null,
          timepoint: body.timepoint ?? null,
          dueOn: body.dueOn ?? null,
        });
        await audit(tx, ctx.clock, request, {
          action: 'questionnaire_link.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'questionnaire_assignment',
          subjectId: created.id,
          detail: { instruments: created.instrumentIds },
        });
        return created;
      });
      return reply.code(201).send({
        assignment: toAssignment(row, now),
        url: `${ctx.config.publicUrl}/q#${token}`,
      });
    },
  );
  done();
};
