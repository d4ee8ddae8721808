import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  InstrumentParamsSchema,
  ProblemSchema,
  ScoreRequestSchema,
  ScoreResultSchema,
} from '@workup/contracts';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { requireStaff } from '../../services/staff-auth';
import { instrumentOr404 } from '../instruments/index';

/**
 * `POST /api/v1/score/{instrument}`: scores answers for a live preview and stores nothing
 * (issue 3). The same scorer as `workup score` and as stored responses; bad codes are 422 with
 * the path of each bad field, never clamped.
 */
export const scoreRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  app.addHook('onRequest', requireStaff(ctx));

  app.post(
    '/:instrument',
    {
      schema: {
        tags: ['instruments'],
        summary: 'Score answers without storing them (live preview)',
        params: InstrumentParamsSchema,
        body: ScoreRequestSchema,
        response: {
          200: ScoreResultSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    (request) => {
      const instrument = instrumentOr404(request.params.instrument);
      if (!instrument.scorable) {
        throw new AppError({
          code: 'not_scorable',
          status: 409,
          detail: `${instrument.definition.title} is structure only: its scoring is not verified yet.`,
        });
      }
      const { answers, valueSet, cutOffs } = request.body;
      const outcome = instrument.score(answers, { valueSet, cutOffs });
      if (!outcome.ok) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'Some answers or options are not valid.',
          errors: outcome.issues.map((issue) => ({
            path:
              issue.path[0] === 'valueSet' || issue.path[0] === 'cutOffs'
                ? [...issue.path]
                : ['answers', ...issue.path],
            message: issue.message,
          })),
        });
      }
      return outcome.result;
    },
  );

  done();
};
