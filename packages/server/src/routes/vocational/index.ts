import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CreateReferralRequestSchema,
  EligibilityCheckRequestSchema,
  EligibilityCheckSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  RecordReferralEventRequestSchema,
  ReferralEventSchema,
  ReferralParamsSchema,
  VocationalReferralListSchema,
  VocationalReferralSchema,
  type RecordReferralEventRequest,
  type ReferralEvent,
  type StaffUser,
  type TimingWindow,
} from '@workup/contracts';
import {
  applyReferralEvent,
  checkVocationalEligibility,
  foldReferral,
  referralTiming,
  resolveRtwParameters,
} from '@workup/core';
import {
  appendReferralEvent,
  findReferral,
  insertReferral,
  listPatientReferrals,
  listReferralEvents,
  lockReferral,
  setReferralState,
  type Db,
} from '@workup/db';
import type { Config } from '../../config';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, forbidden, patientOf } from '../../services/authorization';
import {
  eligibilityInput,
  loadReferrals,
  queueReferralNotifications,
  referralEventsOf,
} from '../../services/rtw';
import { guardStaffRoutes } from '../../services/staff-auth';
import { siteToday } from '../caseload/index';
import { PATIENT_ERRORS } from '../patients/index';

/** The watchful-waiting window of the site: `VOCATIONAL_WAIT_DAYS`, closing at SWAP's 6 months. */
export function timingWindow(config: Config): TimingWindow {
  return { opensAfterDays: config.rtw.vocationalWaitDays, closesAfterMonths: 6 };
}

/** Eligibility and timing on `asOf` from what is on record (core's rules, the site's preset). */
async function checkOnRecord(
  db: Db,
  config: Config,
  patientId: string,
  asOf: string,
  strugglingAtWork: boolean | null,
) {
  const input = await eligibilityInput(db, patientId, asOf, strugglingAtWork);
  const options = { gapDays: resolveRtwParameters({ preset: config.rtw.preset }).gapDays };
  return {
    eligibility: checkVocationalEligibility(input, options),
    timing: referralTiming(input, timingWindow(config), options),
  };
}

/**
 * The event a request records, as core reads it: the server adds the time and, at acceptance,
 * the adviser. A clinician may only record a withdrawal; the service records everything else.
 */
function eventOf(user: StaffUser, request: RecordReferralEventRequest, now: Date): ReferralEvent {
  if (user.role !== 'vocational_adviser' && request.type !== 'withdrawn') throw forbidden();
  const at = now.toISOString();
  return request.type === 'accepted'
    ? { type: 'accepted', at, adviserId: user.id }
    : ReferralEventSchema.parse({ ...request, at });
}

const REFERRAL_ERRORS = { 409: ProblemSchema, 422: ProblemSchema, ...PATIENT_ERRORS } as const;

/**
 * `/api/v1/patients/{patientId}/vocational-eligibility` and `/vocational-referrals`: SWAP's
 * eligibility check and timing hint, the referral with its stepped care, and the notifications
 * that tell the referrer of every step (docs/vocational-and-cdm.md).
 */
export const vocationalRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.post(
    '/vocational-eligibility',
    {
      config: { permission: { resource: 'vocational_referral', action: 'create' } },
      schema: {
        tags: ['vocational advice'],
        summary: 'Check SWAP eligibility and the timing of a referral today (stores nothing)',
        params: PatientIdParamsSchema,
        body: EligibilityCheckRequestSchema,
        response: { 200: EligibilityCheckSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const today = siteToday(ctx.clock.now());
      return ctx.db.transaction(async (tx) => {
        const result = await checkOnRecord(
          tx,
          ctx.config,
          patient.id,
          today,
          request.body.strugglingAtWork,
        );
        await audit(tx, ctx.clock, request, {
          action: 'vocational_eligibility.check',
          outcome: 'success',
          patientId: patient.id,
          detail: { status: result.eligibility.status, timing: result.timing.timing },
        });
        return result;
      });
    },
  );

  app.get(
    '/vocational-referrals',
    {
      config: { permission: { resource: 'vocational_referral', action: 'list' } },
      schema: {
        tags: ['vocational advice'],
        summary: 'The patient’s referrals to vocational advice, newest first',
        params: PatientIdParamsSchema,
        response: { 200: VocationalReferralListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const referrals = await loadReferrals(tx, await listPatientReferrals(tx, patient.id));
        await audit(tx, ctx.clock, request, {
          action: 'vocational_referral.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: referrals.length },
        });
        return { referrals };
      });
    },
  );

  app.post(
    '/vocational-referrals',
    {
      config: { permission: { resource: 'vocational_referral', action: 'create' } },
      schema: {
        tags: ['vocational advice'],
        summary:
          'Refer to vocational advice; the check runs again, and a patient it does not find eligible needs an override reason',
        params: PatientIdParamsSchema,
        body: CreateReferralRequestSchema,
        response: { 201: VocationalReferralSchema, ...REFERRAL_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      const today = siteToday(now);
      const body = request.body;
      const referral = await ctx.db.transaction(async (tx) => {
        const { eligibility, timing } = await checkOnRecord(
          tx,
          ctx.config,
          patient.id,
          today,
          body.strugglingAtWork,
        );
        if (eligibility.status !== 'eligible' && body.overrideReason === undefined) {
          throw new AppError({
            code: 'not_eligible',
            status: 422,
            detail: `${eligibility.reasons[0] ?? 'Not eligible.'} Give a reason to refer anyway.`,
            errors: [{ path: ['overrideReason'], message: 'required when not eligible' }],
          });
        }
        const row = await insertReferral(tx, {
          patientId: patient.id,
          unitId: patient.unitId,
          referrerId: user.id,
          question: body.question,
          riskGroup: body.riskGroup,
          eligibility,
          timing,
          overrideReason: eligibility.status === 'eligible' ? null : (body.overrideReason ?? null),
          now,
        });
        const referred: ReferralEvent = {
          type: 'referred',
          at: now.toISOString(),
          referralId: row.id,
          referrerId: user.id,
        };
        await appendReferralEvent(tx, {
          referralId: row.id,
          sequence: 1,
          type: referred.type,
          event: referred,
          recordedBy: user.id,
          now,
        });
        await audit(tx, ctx.clock, request, {
          action: 'vocational_referral.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'vocational_referral',
          subjectId: row.id,
          detail: {
            eligibility: eligibility.status,
            timing: timing.timing,
            overridden: eligibility.status !== 'eligible',
            riskGroup: body.riskGroup,
          },
        });
        const [loaded] = await loadReferrals(tx, [row]);
        if (!loaded) throw new Error('the referral just made was not found');
        return loaded;
      });
      return reply.code(201).send(referral);
    },
  );

  app.get(
    '/vocational-referrals/:referralId',
    {
      config: { permission: { resource: 'vocational_referral', action: 'read' } },
      schema: {
        tags: ['vocational advice'],
        summary: 'One referral: its state, contacts, SVAI sessions and notifications',
        params: ReferralParamsSchema,
        response: { 200: VocationalReferralSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const row = await findReferral(tx, patient.id, request.params.referralId);
        if (!row) throw notFound('The referral');
        const [referral] = await loadReferrals(tx, [row]);
        if (!referral) throw notFound('The referral');
        await audit(tx, ctx.clock, request, {
          action: 'vocational_referral.read',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'vocational_referral',
          subjectId: row.id,
        });
        return referral;
      });
    },
  );

  app.post(
    '/vocational-referrals/:referralId/events',
    {
      config: { permission: { resource: 'vocational_referral', action: 'update' } },
      schema: {
        tags: ['vocational advice'],
        summary:
          'Record acceptance, a contact (step 1-3), discharge with the outcome, a decline or a withdrawal; the referrer is notified',
        params: ReferralParamsSchema,
        body: RecordReferralEventRequestSchema,
        response: { 201: VocationalReferralSchema, ...REFERRAL_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      const existing = await findReferral(ctx.db, patient.id, request.params.referralId);
      if (!existing) throw notFound('The referral');
      const event = eventOf(user, request.body, now);
      const referral = await ctx.db.transaction(async (tx) => {
        await lockReferral(tx, existing.id);
        const rows = await listReferralEvents(tx, [existing.id]);
        const events = referralEventsOf(rows);
        const folded = foldReferral(events);
        if (!folded.ok) throw new Error(`referral ${existing.id} has an invalid stored event`);
        const next = applyReferralEvent(folded.state, event);
        if (!next.ok) {
          throw new AppError({ code: next.code, status: 409, detail: next.reason });
        }
        const appended = await appendReferralEvent(tx, {
          referralId: existing.id,
          sequence: rows.length + 1,
          type: event.type,
          event,
          recordedBy: user.id,
          now,
        });
        if (!appended) {
          throw new AppError({
            code: 'concurrent_change',
            status: 409,
            detail: 'Someone else changed this referral at the same moment. Reload and try again.',
          });
        }
        await setReferralState(tx, {
          referralId: existing.id,
          status: next.state.status,
          adviserId: next.state.adviserId,
          now,
        });
        const notified = await queueReferralNotifications(tx, {
          referral: existing,
          events: [...events, event],
          now,
          maxAttempts: ctx.config.followup.jobs.maxAttempts,
        });
        await audit(tx, ctx.clock, request, {
          action: 'vocational_referral.update',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'vocational_referral',
          subjectId: existing.id,
          detail: {
            type: event.type,
            ...(event.type === 'contact' ? { step: event.step, mode: event.mode } : {}),
            notifications: notified,
          },
        });
        const updated = await findReferral(tx, patient.id, existing.id);
        const [loaded] = await loadReferrals(tx, updated ? [updated] : []);
        if (!loaded) throw new Error('the referral just changed was not found');
        return loaded;
      });
      return reply.code(201).send(referral);
    },
  );
  done();
};
