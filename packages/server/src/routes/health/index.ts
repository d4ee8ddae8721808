import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { HealthSchema } from '@workup/contracts';
import type { Database } from '@workup/db';

/** `GET /healthz`: no authentication; the database kind and how durable its writes are. */
export const healthRoutes: FastifyPluginCallbackZod<{ database: Database }> = (
  app,
  { database },
  done,
) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness, database kind and durability',
        response: { 200: HealthSchema },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: { kind: database.kind, durability: await database.durability() },
    }),
  );
  done();
};
