import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  BodyRegionSchema,
  DiagnosisCodeSystemSchema,
  ResearchPatientListSchema,
  ResearchPatientParamsSchema,
  ResearchPatientSchema,
  type ResearchPatient,
} from '@workup/contracts';
import {
  findPatientByResearchId,
  findResearchPatient,
  listEpisodes,
  listPatientResponses,
  listPlans,
  listProtocolEntries,
  listResearchPatients,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { notFound } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { accessOf } from '../../services/authorization';
import { toPlanSummary } from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { PATIENT_ERRORS, STAFF_ERRORS } from '../patients/index';

const enrolledOn = (createdAt: Date) => createdAt.toISOString().slice(0, 10);

/**
 * `/api/v1/research/patients`: the pseudonymised view. Only patients of the researcher's units
 * whose research consent is active; a random research id instead of any identifier; no names,
 * national ids, contact details, free-text notes or reasons. The response schemas are strict,
 * so a field that could carry an identifier cannot slip through.
 */
export const researchRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'research_patient', action: 'list' } },
      schema: {
        tags: ['research'],
        summary: 'Pseudonymised patients of the researcher’s units who consented to research',
        response: { 200: ResearchPatientListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      return ctx.db.transaction(async (tx) => {
        const rows = await listResearchPatients(tx, unitIds);
        await audit(tx, ctx.clock, request, {
          action: 'research_patient.list',
          outcome: 'success',
          detail: { count: rows.length },
        });
        return {
          patients: rows.map((row) => ({
            researchId: row.researchId,
            unitId: row.unitId,
            birthYear: row.birthYear,
            enrolledOn: enrolledOn(row.createdAt),
          })),
        };
      });
    },
  );

  app.get(
    '/:researchId',
    {
      config: { permission: { resource: 'research_patient', action: 'read' } },
      schema: {
        tags: ['research'],
        summary: 'One pseudonymised patient: episodes, scores, plans and the treatment protocol',
        params: ResearchPatientParamsSchema,
        response: { 200: ResearchPatientSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      const { researchId } = request.params;
      const found = await findResearchPatient(ctx.db, unitIds, researchId);
      if (!found) {
        const known = await findPatientByResearchId(ctx.db, researchId);
        await auditAlone(ctx.db, ctx.clock, request, {
          action: 'research_patient.read',
          outcome: 'denied',
          ...(known ? { patientId: known.id } : {}),
          subjectType: 'research_patient',
          subjectId: researchId,
          detail: { reason: known ? 'unit_or_consent' : 'unknown' },
        });
        throw notFound('The patient');
      }
      return ctx.db.transaction(async (tx): Promise<ResearchPatient> => {
        const [episodes, responses, plans, protocol] = await Promise.all([
          listEpisodes(tx, found.id),
          listPatientResponses(tx, found.id),
          listPlans(tx, found.id),
          listProtocolEntries(tx, found.id),
        ]);
        await audit(tx, ctx.clock, request, {
          action: 'research_patient.read',
          outcome: 'success',
          patientId: found.id,
          subjectType: 'research_patient',
          subjectId: researchId,
        });
        return {
          researchId: found.researchId,
          unitId: found.unitId,
          birthYear: found.birthYear,
          enrolledOn: enrolledOn(found.createdAt),
          episodes: episodes.map((episode) => ({
            bodyRegion: BodyRegionSchema.parse(episode.bodyRegion),
            onsetOn: episode.onsetOn,
            startedOn: episode.startedOn,
            endedOn: episode.endedOn,
            diagnoses: episode.diagnoses.map((d) => ({
              system: DiagnosisCodeSystemSchema.parse(d.system),
              code: d.code,
            })),
          })),
          responses: responses.map((response) => ({
            instrument: response.instrumentId,
            instrumentVersion: response.instrumentVersion,
            timepoint: response.timepoint,
            submittedAt: response.submittedAt.toISOString(),
            complete: response.complete,
            scores: response.scores ?? null,
          })),
          plans: plans.map(toPlanSummary).map((plan) => ({
            pathway: plan.pathway,
            urgency: plan.urgency,
            flags: plan.flags,
            components: plan.components.map((c) => ({
              code: c.code,
              decision: c.decision,
              deliveredOn: c.deliveredOn,
            })),
            createdAt: plan.createdAt,
          })),
          protocol: protocol.map((entry) => ({
            interventionCode: entry.interventionCode,
            performedOn: entry.performedOn,
            durationMinutes: entry.durationMinutes,
          })),
        };
      });
    },
  );
  done();
};
