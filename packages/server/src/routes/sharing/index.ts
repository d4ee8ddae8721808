import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  EmptyRequestSchema,
  PatientSharingPageSchema,
  ProblemSchema,
  RecordSharingRequestSchema,
} from '@workup/contracts';
import { findMeetingById, listSharingEvents, touchMeetingLink, type CdmLinkRow } from '@workup/db';
import type { RouteContext } from '../../context';
import { audit } from '../../services/audit';
import { meetingLinkOf, recordSharingDecisions, withdrawSharing } from '../../services/cdm-sharing';
import { sharingPage } from '../../services/rtw';

const LINK_ERRORS = { 401: ProblemSchema, 410: ProblemSchema } as const;

/**
 * The patient's approval link (`/a#<token>`): `GET /api/v1/sharing` shows the meeting's items
 * with the decisions in force and exactly what the employer would see; `POST /sharing` records
 * the patient's own decisions and `POST /sharing/revocation` withdraws them. The token, sent as
 * a Bearer header, reaches this one meeting's sharing and nothing else.
 */
export const sharingRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  const linkOf = (request: FastifyRequest, action: string) =>
    meetingLinkOf(ctx.db, ctx.clock, request, { audience: 'patient', action });
  const actorOf = (link: CdmLinkRow) => ({ actorType: 'patient_link' as const, actorId: link.id });
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
        if (!meeting) throw new Error(`patient link ${link.id} has no meeting`);
        const page = sharingPage(meeting, await listSharingEvents(tx, [meeting.id]), link);
        await touchMeetingLink(tx, link.id, now);
        await audit(tx, ctx.clock, request, {
          actor: actorOf(link),
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
        if (!meeting) throw new Error(`patient link ${link.id} has no meeting`);
        await recordSharingDecisions(tx, ctx.clock, request, {
          meeting,
          decisions: request.body.decisions,
          by: { patientLinkId: link.id },
          actor: actorOf(link),
        });
        await touchMeetingLink(tx, link.id, now);
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
      return ctx.db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, link.meetingId);
        if (!meeting) throw new Error(`patient link ${link.id} has no meeting`);
        await withdrawSharing(tx, ctx.clock, request, {
          meeting,
          by: { patientLinkId: link.id },
          actor: actorOf(link),
        });
        return sharingPage(meeting, await listSharingEvents(tx, [meeting.id]), link);
      });
    },
  );
  done();
};
