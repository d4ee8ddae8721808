import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  EmptyRequestSchema,
  NotificationListSchema,
  NotificationParamsSchema,
  ProblemSchema,
  ReferralNotificationRecordSchema,
  ReferralQueueQuerySchema,
  ReferralQueueSchema,
  type ReferralQueue,
} from '@workup/contracts';
import { listRecipientNotifications, listReferralQueue, markNotificationRead } from '@workup/db';
import type { RouteContext } from '../../context';
import { notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf } from '../../services/authorization';
import { loadReferrals, toNotification } from '../../services/rtw';
import { guardStaffRoutes } from '../../services/staff-auth';
import { STAFF_ERRORS } from '../patients/index';

const VIEW_STATUSES: Readonly<Record<ReferralQueue['view'], readonly string[]>> = {
  inbox: ['referred'],
  caseload: ['accepted', 'in_progress'],
  closed: ['discharged', 'declined', 'withdrawn'],
};

/**
 * `/api/v1/vocational-referrals` (the adviser's inbox, caseload and closed referrals across the
 * units they work in) and `/api/v1/notifications` (the referrer's feedback from the service).
 */
export const referralQueueRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/vocational-referrals',
    {
      config: { permission: { resource: 'vocational_referral', action: 'list' } },
      schema: {
        tags: ['vocational advice'],
        summary: 'Referrals of the person’s units: new (inbox), active (caseload) or closed',
        querystring: ReferralQueueQuerySchema,
        response: { 200: ReferralQueueSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      const view = request.query.view;
      return ctx.db.transaction(async (tx) => {
        const rows = await listReferralQueue(tx, { unitIds, statuses: VIEW_STATUSES[view] });
        const referrals = await loadReferrals(tx, rows);
        await audit(tx, ctx.clock, request, {
          action: 'vocational_referral.list',
          outcome: 'success',
          detail: { view, count: rows.length },
        });
        return {
          view,
          items: referrals.map((referral, index) => {
            const row = rows[index];
            if (row?.id !== referral.id) throw new Error('referrals out of order');
            return {
              referral,
              patient: { id: row.patientId, givenName: row.givenName, familyName: row.familyName },
            };
          }),
        };
      });
    },
  );

  app.get(
    '/notifications',
    {
      config: { permission: { resource: 'referral_notification', action: 'list' } },
      schema: {
        tags: ['vocational advice'],
        summary: 'The signed-in referrer’s notifications from vocational advice, newest first',
        response: { 200: NotificationListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      return ctx.db.transaction(async (tx) => {
        const rows = await listRecipientNotifications(tx, user.id);
        await audit(tx, ctx.clock, request, {
          action: 'referral_notification.list',
          outcome: 'success',
          detail: { count: rows.length },
        });
        return {
          notifications: rows.map(toNotification),
          unread: rows.filter((row) => row.readAt === null).length,
        };
      });
    },
  );

  app.post(
    '/notifications/:notificationId/read',
    {
      config: { permission: { resource: 'referral_notification', action: 'update' } },
      schema: {
        tags: ['vocational advice'],
        summary: 'Mark one of your notifications read',
        params: NotificationParamsSchema,
        body: EmptyRequestSchema,
        response: { 200: ReferralNotificationRecordSchema, 404: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      return ctx.db.transaction(async (tx) => {
        const row = await markNotificationRead(tx, {
          id: request.params.notificationId,
          recipientId: user.id,
          now: ctx.clock.now(),
        });
        if (!row) throw notFound('The notification');
        await audit(tx, ctx.clock, request, {
          action: 'referral_notification.update',
          outcome: 'success',
          patientId: row.patientId,
          subjectType: 'referral_notification',
          subjectId: row.id,
        });
        return toNotification(row);
      });
    },
  );
  done();
};
