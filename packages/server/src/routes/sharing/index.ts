import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  EmptyRequestSchema,
  PatientSharingPageSchema,
  ProblemSchema,
  RecordSharingRequestSchema,
} from '@workup/contracts';
import { cdmItemIds } from '@workup/core';
import {
  appendSharingEvents,
  findMeetingById,
  findMeetingLinkByTokenHash,
  listSharingEvents,
  touchMeetingLink,
  type CdmLinkRow,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { consentOf, linkStatus, recordOf, sharingPage } from '../../services/rtw';
import { hashToken } from '../../services/tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

const invalidLink = () =>
  new AppError({
    code: 'invalid_link',
    status: 401,
    detail: 'This link is not valid. Ask your clinician for a new one.',
  });

const LINK_ERRORS = { 401: ProblemSchema, 410: ProblemSchema } as const;

/**
 * The patient's approval link (`/a#<token>`): `GET /api/v1/sharing` shows the meeting's items
 * with the decisions in force and exactly what the employer would see; `POST /sharing` records
 * the patient's own decisions and `POST /sharing/revocation` withdraws them. The token, sent as
 * a Bearer header, reaches this one meeting's sharing and nothing else.
 */
export const sharingRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  /** The active patient link of the request; 401 or 410 (audited) otherwise. */
  async function linkOf(request: FastifyRequest, action: string): Promise<CdmLinkRow> {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw invalidLink();
    const link = await findMeetingLinkByTokenHash(ctx.db, hashToken(match[1]), 'patient');
    if (!link) throw invalidLink();
    const status = linkStatus(link, ctx.clock.now());
    if (status === 'active') return link;
    await auditAlone(ctx.db, ctx.clock, request, {
      actor: { actorType: 'patient_link', actorId: link.id },
      action,
      outcome: 'denied',
      patientId: link.patientId,
      subjectType: 'cdm_link',
      subjectId: link.id,
      detail: { status },
    });
    if (status === 'revoked') throw invalidLink();
    throw new AppError({
      code: 'link_expired',
      status: 410,
      detail: 'This link has expired. Ask your clinician for a new one.',
    });
  }

  app.get(
    '/',
    {
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'The patient’s choices for the employer (Bearer: the patient’s approval link)',
        response: { 200: PatientSharingPageSchema, ...LINK_ERRORS },
      },
    },
    async (request) => {
      const link = await linkOf(request, 'cdm_sharing.read');
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, link.meetingId);
        if (!meeting) throw invalidLink();
        const page = sharingPage(meeting, await listSharingEvents(tx, [meeting.id]), link);
        await touchMeetingLink(tx, link.id, now);
        await audit(tx, ctx.clock, request, {
          actor: { actorType: 'patient_link', actorId: link.id },
          action: 'cdm_sharing.read',
          outcome: 'success',
          patientId: link.patientId,
          subjectType: 'cdm_meeting',
          subjectId: meeting.id,
        });
        return page;
      });
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'The patient records, item by item, what the employer may see',
        body: RecordSharingRequestSchema,
        response: { 200: PatientSharingPageSchema, 422: ProblemSchema, ...LINK_ERRORS },
      },
    },
    async (request) => {
      const link = await linkOf(request, 'cdm_sharing.create');
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, link.meetingId);
        if (!meeting) throw invalidLink();
        const known = new Set(cdmItemIds(recordOf(meeting)).map((item) => item.id));
        const errors = request.body.decisions.flatMap((decision, index) =>
          known.has(decision.itemId)
            ? []
            : [{ path: ['decisions', index, 'itemId'], message: 'not an item of this meeting' }],
        );
        if (errors.length > 0) {
          throw new AppError({
            code: 'validation_failed',
            status: 422,
            detail: 'Some choices are about items this meeting does not have.',
            errors,
          });
        }
        await appendSharingEvents(
          tx,
          request.body.decisions.map((decision) => ({
            meetingId: meeting.id,
            kind: 'decision' as const,
            itemId: decision.itemId,
            share: decision.share,
            at: now,
            recordedBy: null,
            patientLinkId: link.id,
          })),
        );
        await touchMeetingLink(tx, link.id, now);
        await audit(tx, ctx.clock, request, {
          actor: { actorType: 'patient_link', actorId: link.id },
          action: 'cdm_sharing.create',
          outcome: 'success',
          patientId: link.patientId,
          subjectType: 'cdm_meeting',
          subjectId: meeting.id,
          detail: {
            shared: request.body.decisions.filter((decision) => decision.share).length,
            withheld: request.body.decisions.filter((decision) => !decision.share).length,
          },
        });
        return sharingPage(meeting, await listSharingEvents(tx, [meeting.id]), link);
      });
    },
  );

  app.post(
    '/revocation',
    {
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'The patient withdraws everything shared: the employer sees the dates only',
        body: EmptyRequestSchema,
        response: { 200: PatientSharingPageSchema, 409: ProblemSchema, ...LINK_ERRORS },
      },
    },
    async (request) => {
      const link = await linkOf(request, 'cdm_sharing.revoke');
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, link.meetingId);
        if (!meeting) throw invalidLink();
        if (consentOf(await listSharingEvents(tx, [meeting.id])).decisions.length === 0) {
          throw new AppError({
            code: 'nothing_to_revoke',
            status: 409,
            detail: 'There is nothing shared to withdraw.',
          });
        }
        await appendSharingEvents(tx, [
          {
            meetingId: meeting.id,
            kind: 'revocation',
            itemId: null,
            share: null,
            at: now,
            recordedBy: null,
            patientLinkId: link.id,
          },
        ]);
        await audit(tx, ctx.clock, request, {
          actor: { actorType: 'patient_link', actorId: link.id },
          action: 'cdm_sharing.revoke',
          outcome: 'success',
          patientId: link.patientId,
          subjectType: 'cdm_meeting',
          subjectId: meeting.id,
        });
        return sharingPage(meeting, await listSharingEvents(tx, [meeting.id]), link);
      });
    },
  );
  done();
};
