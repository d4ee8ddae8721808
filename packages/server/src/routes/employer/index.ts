import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { EmployerMeetingPageSchema, ProblemSchema } from '@workup/contracts';
import { employerView } from '@workup/core';
import { findMeetingById, listSharingEvents, touchMeetingLink } from '@workup/db';
import type { RouteContext } from '../../context';
import { audit } from '../../services/audit';
import { meetingLinkOf } from '../../services/cdm-sharing';
import { consentOf, recordOf } from '../../services/rtw';
import { siteToday } from '../caseload/index';
import { employerCheckpoints } from '../cdm/index';

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
      const link = await meetingLinkOf(ctx.db, ctx.clock, request, {
        audience: 'employer',
        action: 'employer_link.open',
      });
      const now = ctx.clock.now();
      const actor = { actorType: 'employer_link' as const, actorId: link.id };
      return ctx.db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, link.meetingId);
        if (!meeting) throw new Error(`employer link ${link.id} has no meeting`);
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
          employeeName: meeting.employeeName,
          view,
          checkpoints,
          expiresAt: link.expiresAt.toISOString(),
        };
      });
    },
  );
  done();
};
