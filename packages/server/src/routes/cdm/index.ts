import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CdmEmployerStepSchema,
  CdmJointStepSchema,
  CdmPatientStepSchema,
  CreateEmployerLinkRequestSchema,
  CreatedEmployerLinkSchema,
  CreateMeetingRequestSchema,
  CreatePatientLinkRequestSchema,
  EmployerLinkParamsSchema,
  EmployerLinkSchema,
  EmptyRequestSchema,
  MeetingListSchema,
  MeetingParamsSchema,
  MeetingPreviewSchema,
  MeetingSchema,
  MeetingStepParamsSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  RecordMeetingStepRequestSchema,
  RecordSharingRequestSchema,
  type CdmRecord,
  type CdmStep,
  type Meeting,
} from '@workup/contracts';
import { previewEmployerView, recordCdmStep } from '@workup/core';
import {
  findMeeting,
  insertMeetingLink,
  insertMeeting,
  listMeetingLinks,
  listMeetings,
  listSharingEvents,
  revokeMeetingLink,
  updateMeetingRecord,
  type Db,
} from '@workup/db';
import type { z } from 'zod';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import {
  consentOf,
  currentCheckpoints,
  loadMeetings,
  recordOf,
  storedRecord,
  toMeetingLink,
} from '../../services/rtw';
import { recordSharingDecisions, withdrawSharing } from '../../services/cdm-sharing';
import { guardStaffRoutes } from '../../services/staff-auth';
import { hashToken, newToken } from '../../services/tokens';
import { siteToday } from '../caseload/index';
import { PATIENT_ERRORS } from '../patients/index';

const DAY_MS = 86_400_000;

const STEP_SCHEMAS = {
  patient_clinician: CdmPatientStepSchema,
  clinician_employer: CdmEmployerStepSchema,
  joint: CdmJointStepSchema,
} as const satisfies Record<CdmStep, z.ZodType>;

const CHANGE_ERRORS = { 409: ProblemSchema, 422: ProblemSchema, ...PATIENT_ERRORS } as const;

/** The meeting of the path, 404 when it is not this patient's. */
async function meetingOf(db: Db, patientId: string, meetingId: string, forUpdate = false) {
  const row = await findMeeting(db, patientId, meetingId, { forUpdate });
  if (!row) throw notFound('The meeting');
  return row;
}

async function loadOne(db: Db, patientId: string, meetingId: string, now: Date): Promise<Meeting> {
  const [meeting] = await loadMeetings(db, [await meetingOf(db, patientId, meetingId)], now);
  if (!meeting) throw notFound('The meeting');
  return meeting;
}

/**
 * `/api/v1/patients/{patientId}/cdm-meetings`: Convergence Dialogue Meetings in three steps, the
 * patient's item-by-item decisions on what the employer sees (with a preview of exactly that),
 * and the employer's scoped link (docs/vocational-and-cdm.md).
 */
export const cdmRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'cdm_meeting', action: 'list' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'The patient’s meetings, newest first',
        params: PatientIdParamsSchema,
        response: { 200: MeetingListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const meetings = await loadMeetings(
          tx,
          await listMeetings(tx, patient.id),
          ctx.clock.now(),
        );
        await audit(tx, ctx.clock, request, {
          action: 'cdm_meeting.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: meetings.length },
        });
        return { meetings };
      });
    },
  );

  app.post(
    '/',
    {
      config: { permission: { resource: 'cdm_meeting', action: 'create' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'Start a meeting with the patient’s workplace',
        params: PatientIdParamsSchema,
        body: CreateMeetingRequestSchema,
        response: { 201: MeetingSchema, 422: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      const meeting = await ctx.db.transaction(async (tx) => {
        const empty: Omit<CdmRecord, 'meetingId'> = {
          patientClinician: null,
          clinicianEmployer: null,
          joint: null,
          clinical: [],
        };
        const row = await insertMeeting(tx, {
          patientId: patient.id,
          unitId: patient.unitId,
          employerName: request.body.employerName,
          employeeName: request.body.employeeName ?? null,
          record: empty,
          createdBy: user.id,
          now,
        });
        await audit(tx, ctx.clock, request, {
          action: 'cdm_meeting.create',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'cdm_meeting',
          subjectId: row.id,
        });
        return loadOne(tx, patient.id, row.id, now);
      });
      return reply.code(201).send(meeting);
    },
  );

  app.get(
    '/:meetingId',
    {
      config: { permission: { resource: 'cdm_meeting', action: 'read' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'One meeting: its steps, the sharing decisions and the employer’s links',
        params: MeetingParamsSchema,
        response: { 200: MeetingSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        const meeting = await loadOne(tx, patient.id, request.params.meetingId, ctx.clock.now());
        await audit(tx, ctx.clock, request, {
          action: 'cdm_meeting.read',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'cdm_meeting',
          subjectId: meeting.id,
        });
        return meeting;
      });
    },
  );

  app.put(
    '/:meetingId/steps/:step',
    {
      config: { permission: { resource: 'cdm_meeting', action: 'update' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary:
          'Record or correct a step: patient and clinician, clinician and employer, or the joint meeting with the action plan',
        params: MeetingStepParamsSchema,
        body: RecordMeetingStepRequestSchema,
        response: { 200: MeetingSchema, ...CHANGE_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const { step, meetingId } = request.params;
      const parsed = STEP_SCHEMAS[step].safeParse(request.body);
      if (!parsed.success) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: `This is not the content of the ${step.replaceAll('_', ' ')} step.`,
          errors: parsed.error.issues.map((issue) => ({
            path: issue.path.filter((part) => typeof part !== 'symbol'),
            message: issue.message,
          })),
        });
      }
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const row = await meetingOf(tx, patient.id, meetingId, true);
        const result = recordCdmStep(recordOf(row), step, parsed.data as never);
        if (!result.ok) {
          const outOfOrder = result.issues.some((issue) => issue.code === 'step_out_of_order');
          throw new AppError({
            code: outOfOrder ? 'step_out_of_order' : 'validation_failed',
            status: outOfOrder ? 409 : 422,
            detail: result.issues[0]?.message ?? 'The step cannot be recorded.',
            errors: result.issues.map((issue) => ({ path: issue.path, message: issue.message })),
          });
        }
        await updateMeetingRecord(tx, {
          meetingId: row.id,
          record: storedRecord(result.record),
          now,
        });
        await audit(tx, ctx.clock, request, {
          action: 'cdm_meeting.update',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'cdm_meeting',
          subjectId: row.id,
          detail: { step },
        });
        return loadOne(tx, patient.id, row.id, now);
      });
    },
  );

  app.post(
    '/:meetingId/sharing',
    {
      config: { permission: { resource: 'cdm_sharing', action: 'create' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary:
          'Record the patient’s decisions, item by item, on what the employer will see (the latest per item counts)',
        params: MeetingParamsSchema,
        body: RecordSharingRequestSchema,
        response: { 200: MeetingSchema, ...CHANGE_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const row = await meetingOf(tx, patient.id, request.params.meetingId, true);
        await recordSharingDecisions(tx, ctx.clock, request, {
          meeting: row,
          decisions: request.body.decisions,
          by: { recordedBy: user.id },
        });
        return loadOne(tx, patient.id, row.id, now);
      });
    },
  );

  app.post(
    '/:meetingId/sharing/revocation',
    {
      config: { permission: { resource: 'cdm_sharing', action: 'revoke' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'The patient withdraws consent: the employer then sees the meeting’s dates only',
        params: MeetingParamsSchema,
        body: EmptyRequestSchema,
        response: { 200: MeetingSchema, ...CHANGE_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const row = await meetingOf(tx, patient.id, request.params.meetingId, true);
        await withdrawSharing(tx, ctx.clock, request, {
          meeting: row,
          by: { recordedBy: user.id },
        });
        return loadOne(tx, patient.id, row.id, now);
      });
    },
  );

  app.get(
    '/:meetingId/employer-preview',
    {
      config: { permission: { resource: 'cdm_meeting', action: 'read' } },
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'Exactly what the employer’s link shows now, and each item kept back with why',
        params: MeetingParamsSchema,
        response: { 200: MeetingPreviewSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const row = await meetingOf(tx, patient.id, request.params.meetingId);
        const consent = consentOf(await listSharingEvents(tx, [row.id]));
        const preview = previewEmployerView(recordOf(row), consent);
        const checkpoints =
          consent.revokedAt === null
            ? await employerCheckpoints(tx, ctx, patient.id, siteToday(now))
            : [];
        await audit(tx, ctx.clock, request, {
          action: 'cdm_meeting.read',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'cdm_meeting',
          subjectId: row.id,
          detail: { view: 'employer_preview' },
        });
        return { ...preview, checkpoints };
      });
    },
  );

  const linkKinds = [
    {
      audience: 'employer',
      segment: 'employer-links',
      page: '/e',
      body: CreateEmployerLinkRequestSchema,
      summary: 'A link for the employer to this meeting only; its address is shown this once',
      resource: 'employer_link',
    },
    {
      audience: 'patient',
      segment: 'patient-links',
      page: '/a',
      body: CreatePatientLinkRequestSchema,
      summary:
        'A link for the patient to choose, on their own device, what the employer sees; its address is shown this once',
      resource: 'cdm_sharing',
    },
  ] as const;

  for (const kind of linkKinds) {
    app.post(
      `/:meetingId/${kind.segment}`,
      {
        config: { permission: { resource: kind.resource, action: 'create' } },
        schema: {
          tags: ['convergence dialogue meetings'],
          summary: kind.summary,
          params: MeetingParamsSchema,
          body: kind.body,
          response: { 201: CreatedEmployerLinkSchema, ...CHANGE_ERRORS },
        },
      },
      async (request, reply) => {
        const { user } = accessOf(request);
        const patient = patientOf(request);
        const now = ctx.clock.now();
        const token = newToken();
        const { expiresInDays } = kind.body.parse(request.body);
        const link = await ctx.db.transaction(async (tx) => {
          const row = await meetingOf(tx, patient.id, request.params.meetingId);
          const created = await insertMeetingLink(tx, {
            meetingId: row.id,
            patientId: patient.id,
            audience: kind.audience,
            tokenHash: hashToken(token),
            createdBy: user.id,
            expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
            now,
          });
          await audit(tx, ctx.clock, request, {
            action: `${kind.audience}_link.create`,
            outcome: 'success',
            patientId: patient.id,
            subjectType: 'cdm_link',
            subjectId: created.id,
            detail: { meetingId: row.id, days: expiresInDays },
          });
          return created;
        });
        return reply.code(201).send({
          link: toMeetingLink(link, now),
          url: `${ctx.config.publicUrl}${kind.page}#${token}`,
        });
      },
    );

    app.post(
      `/:meetingId/${kind.segment}/:linkId/revocation`,
      {
        config: { permission: { resource: kind.resource, action: 'revoke' } },
        schema: {
          tags: ['convergence dialogue meetings'],
          summary: `Revoke the ${kind.audience}’s link at once`,
          params: EmployerLinkParamsSchema,
          body: EmptyRequestSchema,
          response: { 200: EmployerLinkSchema, ...CHANGE_ERRORS },
        },
      },
      async (request) => {
        const { user } = accessOf(request);
        const patient = patientOf(request);
        const now = ctx.clock.now();
        return ctx.db.transaction(async (tx) => {
          const row = await meetingOf(tx, patient.id, request.params.meetingId);
          const links = await listMeetingLinks(tx, [row.id]);
          const link = links.find(
            (candidate) =>
              candidate.id === request.params.linkId && candidate.audience === kind.audience,
          );
          if (!link) throw notFound('The link');
          const revoked = await revokeMeetingLink(tx, {
            meetingId: row.id,
            linkId: link.id,
            audience: kind.audience,
            revokedBy: user.id,
            now,
          });
          if (!revoked) {
            throw new AppError({
              code: 'link_revoked',
              status: 409,
              detail: 'This link was revoked already.',
            });
          }
          await audit(tx, ctx.clock, request, {
            action: `${kind.audience}_link.revoke`,
            outcome: 'success',
            patientId: patient.id,
            subjectType: 'cdm_link',
            subjectId: revoked.id,
          });
          return toMeetingLink(revoked, now);
        });
      },
    );
  }
  done();
};

/** The statutory checkpoints of the current absence that fall to the employer. */
export async function employerCheckpoints(
  db: Db,
  ctx: RouteContext,
  patientId: string,
  today: string,
) {
  const { checkpoints } = await currentCheckpoints(db, ctx.config, patientId, today);
  return checkpoints.filter(
    (checkpoint) =>
      checkpoint.audience.includes('employer') &&
      checkpoint.status !== 'not_applicable' &&
      checkpoint.status !== 'not_reached',
  );
}
