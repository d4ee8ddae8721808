import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  ConsentListSchema,
  ConsentParamsSchema,
  ConsentSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  RecordConsentRequestSchema,
  RevokeConsentRequestSchema,
} from '@workup/contracts';
import { findConsent, listConsents, recordConsent, revokeConsent } from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import { toConsent } from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { PATIENT_ERRORS } from '../patients/index';

/** `/api/v1/patients/{patientId}/consents`: care, research and employer-sharing consents. */
export const consentRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'consent', action: 'list' } },
      schema: {
        tags: ['consents'],
        summary: 'The patient’s consents, active and revoked',
        params: PatientIdParamsSchema,
        response: { 200: ConsentListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const rows = await listConsents(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'consent.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: rows.length },
        });
        return { consents: rows.map(toConsent) };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'consent', action: 'create' } },
      schema: {
        tags: ['consents'],
        summary: 'Record a consent the patient gave (409 when one of that kind is active)',
        params: PatientIdParamsSchema,
        body: RecordConsentRequestSchema,
        response: { 201: ConsentSchema, 409: ProblemSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      const givenAt = request.body.givenAt === undefined ? now : new Date(request.body.givenAt);
      if (givenAt.getTime() > now.getTime()) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'A consent cannot be given in the future.',
          errors: [{ path: ['givenAt'], message: 'in the future' }],
        });
      }
      const row = await ctx.db.transaction(async (tx) => {
        const created = await recordConsent(tx, {
          patientId: patient.id,
          kind: request.body.kind,
          givenAt,
          recordedBy: user.id,
          now,
        });
        if (!created) return null;
        await audit(tx, ctx.clock, request, {
          action: 'consent.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'consent',
          subjectId: created.id,
          detail: { kind: created.kind },
        });
        return created;
      });
      if (!row) {
        throw new AppError({
          code: 'consent_active',
          status: 409,
          detail: 'A consent of this kind is already active; revoke it first.',
        });
      }
      return reply.code(201).send(toConsent(row));
    },
  );

  app.post(
    '/:consentId/revocation',
    {
      config: { permission: { resource: 'consent', action: 'revoke' } },
      schema: {
        tags: ['consents'],
        summary: 'Revoke a consent (it stays on record with the time and who recorded it)',
        params: ConsentParamsSchema,
        body: RevokeConsentRequestSchema,
        response: { 200: ConsentSchema, 409: ProblemSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const { consentId } = request.params;
      const existing = await findConsent(ctx.db, patient.id, consentId);
      if (!existing) throw notFound('The consent');
      const now = ctx.clock.now();
      const revokedAt =
        request.body.revokedAt === undefined ? now : new Date(request.body.revokedAt);
      if (revokedAt.getTime() > now.getTime() || revokedAt < existing.givenAt) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'A consent is revoked after it was given and not in the future.',
          errors: [{ path: ['revokedAt'], message: 'before the consent or in the future' }],
        });
      }
      const row = await ctx.db.transaction(async (tx) => {
        const revoked = await revokeConsent(tx, {
          patientId: patient.id,
          consentId,
          revokedBy: user.id,
          now: revokedAt,
        });
        if (!revoked) return null;
        await audit(tx, ctx.clock, request, {
          action: 'consent.revoke',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'consent',
          subjectId: consentId,
          detail: { kind: revoked.kind },
        });
        return revoked;
      });
      if (!row) {
        throw new AppError({
          code: 'consent_revoked',
          status: 409,
          detail: 'This consent was revoked already.',
        });
      }
      return toConsent(row);
    },
  );
  done();
};
