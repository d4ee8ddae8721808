import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { EmployerMeetingPageSchema, ProblemSchema } from '@workup/contracts';
import { employerView } from '@workup/core';
import {
  findMeetingLinkByTokenHash,
  findMeetingById,
  listSharingEvents,
  touchMeetingLink,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { consentOf, linkStatus, recordOf } from '../../services/rtw';
import { hashToken } from '../../services/tokens';
import { siteToday } from '../caseload/index';
import { employerCheckpoints } from '../cdm/index';

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

const invalidLink = () =>
  new AppError({
    code: 'invalid_link',
    status: 401,
    detail: 'This link is not valid. Ask the care team for a new one.',
  });

/**
 * `GET /api/v1/employer/meeting`: what an employer's link shows, authenticated by the link's
 * token as a Bearer header (never a cookie). It answers with the meeting as the patient agreed to
 * share it and the deadlines that fall to the employer, and reaches nothing else: the staff
 * routes do not accept the token, and there is no other employer route.
 */
export const employerRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  app.get(
    '/meeting',
    {
      schema: {
        tags: ['convergence dialogue meetings'],
        summary: 'The meeting as the employer may see it (Bearer: the employer link’s token)',
        response: { 200: EmployerMeetingPageSchema, 401: ProblemSchema, 410: ProblemSchema },
      },
    },
    async (request) => {
      const match = BEARER.exec(request.headers.authorization ?? '');
      if (!match?.[1]) throw invalidLink();
      const link = await findMeetingLinkByTokenHash(ctx.db, hashToken(match[1]), 'employer');
      if (!link) throw invalidLink();
      const now = ctx.clock.now();
      const actor = { actorType: 'employer_link' as const, actorId: link.id };
      const status = linkStatus(link, now);
      if (status !== 'active') {
        await auditAlone(ctx.db, ctx.clock, request, {
          actor,
          action: 'employer_link.open',
          outcome: 'denied',
          patientId: link.patientId,
          subjectType: 'employer_link',
          subjectId: link.id,
          detail: { status },
        });
        if (status === 'revoked') throw invalidLink();
        throw new AppError({
          code: 'link_expired',
          status: 410,
          detail: 'This link has expired. Ask the care team for a new one.',
        });
      }
      return ctx.db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, link.meetingId);
        if (!meeting) throw invalidLink();
        const consent = consentOf(await listSharingEvents(tx, [meeting.id]));
        const view = employerView(recordOf(meeting), consent);
        const checkpoints =
          consent.revokedAt === null && consent.decisions.some((decision) => decision.share)
            ? await employerCheckpoints(tx, ctx, link.patientId, siteToday(now))
            : [];
        await touchMeetingLink(tx, link.id, now);
        await audit(tx, ctx.clock, request, {
          actor,
          action: 'employer_link.open',
          outcome: 'success',
          patientId: link.patientId,
          subjectType: 'cdm_meeting',
          subjectId: meeting.id,
          detail: {
            shared:
              view.obstacles.length +
              view.resources.length +
              view.employerView.length +
              view.possibleAdjustments.length +
              view.actionPlan.length,
          },
        });
        return {
          employerName: meeting.employerName,
          view,
          checkpoints,
          expiresAt: link.expiresAt.toISOString(),
        };
      });
    },
  );
  done();
};
