import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CreateEpisodeRequestSchema,
  EpisodeListSchema,
  EpisodeParamsSchema,
  EpisodeSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  UpdateEpisodeRequestSchema,
} from '@workup/contracts';
import { createEpisode, getEpisode, listEpisodes, updateEpisode } from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import { toEpisode } from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { PATIENT_ERRORS } from '../patients/index';

/** `/api/v1/patients/{patientId}/episodes`: episodes of care with their diagnosis codes. */
export const episodeRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'episode', action: 'list' } },
      schema: {
        tags: ['episodes'],
        summary: 'The patient’s episodes of care, oldest first',
        params: PatientIdParamsSchema,
        response: { 200: EpisodeListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const episodes = await listEpisodes(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'episode.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: episodes.length },
        });
        return { episodes: episodes.map(toEpisode) };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'episode', action: 'create' } },
      schema: {
        tags: ['episodes'],
        summary: 'Open an episode of care (body region, onset, ICD-10 or ICPC-2 codes)',
        params: PatientIdParamsSchema,
        body: CreateEpisodeRequestSchema,
        response: { 201: EpisodeSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const body = request.body;
      const episode = await ctx.db.transaction(async (tx) => {
        const created = await createEpisode(tx, {
          patientId: patient.id,
          bodyRegion: body.bodyRegion,
          onsetOn: body.onsetOn ?? null,
          startedOn: body.startedOn,
          diagnoses: body.diagnoses,
          createdBy: user.id,
          now: ctx.clock.now(),
        });
        await audit(tx, ctx.clock, request, {
          action: 'episode.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'episode',
          subjectId: created.id,
          detail: { diagnoses: created.diagnoses.map((d) => `${d.system}:${d.code}`) },
        });
        return created;
      });
      return reply.code(201).send(toEpisode(episode));
    },
  );

  app.patch(
    '/:episodeId',
    {
      config: { permission: { resource: 'episode', action: 'update' } },
      schema: {
        tags: ['episodes'],
        summary: 'Close or correct an episode; `diagnoses` replaces the list',
        params: EpisodeParamsSchema,
        body: UpdateEpisodeRequestSchema,
        response: { 200: EpisodeSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const { episodeId } = request.params;
      const body = request.body;
      const current = await getEpisode(ctx.db, patient.id, episodeId);
      if (!current) throw notFound('The episode');
      const startedOn = current.startedOn;
      if (typeof body.endedOn === 'string' && body.endedOn < startedOn) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'An episode cannot end before it started.',
          errors: [{ path: ['endedOn'], message: `must be on or after ${startedOn}` }],
        });
      }
      const episode = await ctx.db.transaction(async (tx) => {
        const updated = await updateEpisode(tx, patient.id, episodeId, {
          ...(body.bodyRegion === undefined ? {} : { bodyRegion: body.bodyRegion }),
          ...(body.onsetOn === undefined ? {} : { onsetOn: body.onsetOn }),
          ...(body.endedOn === undefined ? {} : { endedOn: body.endedOn }),
          ...(body.diagnoses === undefined ? {} : { diagnoses: body.diagnoses }),
        });
        if (!updated) throw notFound('The episode');
        await audit(tx, ctx.clock, request, {
          action: 'episode.update',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'episode',
          subjectId: episodeId,
          detail: { fields: Object.keys(body).sort() },
        });
        return updated;
      });
      return toEpisode(episode);
    },
  );
  done();
};
