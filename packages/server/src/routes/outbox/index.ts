import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { OutboxListSchema, ReminderChannelSchema } from '@workup/contracts';
import { listOutboxMessages } from '@workup/db';
import type { RouteContext } from '../../context';
import { audit } from '../../services/audit';
import { accessOf } from '../../services/authorization';
import { guardStaffRoutes } from '../../services/staff-auth';
import { STAFF_ERRORS } from '../patients/index';

/**
 * `/api/v1/outbox`: what the outbox transport kept instead of sending (development and tests),
 * for the patients of the person's units, newest first. With SMTP and an SMS provider configured
 * it stays empty.
 */
export const outboxRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'outbox', action: 'list' } },
      schema: {
        tags: ['followup'],
        summary: 'Messages the outbox transport kept for the staff member’s units’ patients',
        response: { 200: OutboxListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const rows = await listOutboxMessages(tx, accessOf(request).unitIds);
        await audit(tx, ctx.clock, request, {
          action: 'outbox.list',
          outcome: 'success',
          detail: { count: rows.length },
        });
        return {
          messages: rows.map((row) => ({
            id: row.id,
            channel: ReminderChannelSchema.parse(row.channel),
            to: row.recipient,
            subject: row.subject,
            body: row.body,
            createdAt: row.createdAt.toISOString(),
          })),
        };
      }),
  );
  done();
};
