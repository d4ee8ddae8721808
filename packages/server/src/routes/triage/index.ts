import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ProblemSchema, TriageInputSchema, TriageResultSchema } from '@workup/contracts';
import { triage } from '@workup/core';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { requireStaff } from '../../services/staff-auth';

/**
 * `POST /api/v1/triage` (issue 4, contracts.md §4): responses and context in, the flag profile,
 * urgency and plan out, each flag and plan item with the rule and evidence that raised it.
 * Uses the pathway loaded at start-up; stores nothing (plans are stored through the patient's
 * plans API).
 */
export const triageRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  app.addHook('onRequest', requireStaff(ctx));

  app.post(
    '/',
    {
      schema: {
        tags: ['triage'],
        summary: 'Flags, urgency and a tailored plan from screening responses (stores nothing)',
        body: TriageInputSchema,
        response: {
          200: TriageResultSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    (request) => {
      const outcome = triage(request.body, ctx.pathway);
      if (!outcome.ok) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'Some responses are not valid.',
          errors: outcome.issues.map((issue) => ({
            path: [...issue.path],
            message: issue.message,
          })),
        });
      }
      return outcome.result;
    },
  );

  done();
};
