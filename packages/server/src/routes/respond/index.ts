import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  InstrumentTextQuerySchema,
  ProblemSchema,
  QuestionnaireFormSchema,
  SubmitAnswersRequestSchema,
  SubmitAnswersResponseSchema,
} from '@workup/contracts';
import { sbtInstrument, scoreSbt } from '@workup/core';
import { findAssignmentByTokenHash, submitResponse } from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit } from '../../services/audit';
import { assignmentStatus } from '../../services/patient-views';
import { hashToken } from '../../services/tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

const invalidLink = () =>
  new AppError({
    code: 'invalid_link',
    status: 401,
    detail: 'This questionnaire link is not valid. Ask your clinic for a new one.',
  });

/**
 * Patient routes authenticate with the link's token as a Bearer header, never a cookie, so
 * they need no CSRF protection and a link opens only its own questionnaire.
 */
function requirePatientLink(ctx: RouteContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw invalidLink();
    const assignment = await findAssignmentByTokenHash(ctx.db, hashToken(match[1]));
    if (!assignment) throw invalidLink();
    request.patientLink = assignment;
    const status = assignmentStatus(assignment, ctx.clock.now());
    if (status === 'open') return;
    await audit(ctx.db, ctx.clock, request, {
      action: request.method === 'GET' ? 'questionnaire.open' : 'questionnaire.submit',
      outcome: 'denied',
      patientId: assignment.patientId,
      subjectType: 'questionnaire_assignment',
      subjectId: assignment.id,
      detail: { status },
    });
    if (status === 'revoked') throw invalidLink();
    if (status === 'expired') {
      throw new AppError({
        code: 'link_expired',
        status: 410,
        detail: 'This questionnaire link has expired. Ask your clinic for a new one.',
      });
    }
    throw new AppError({
      code: 'already_submitted',
      status: 409,
      detail: 'This questionnaire has already been sent. Thank you.',
    });
  };
}

const LINK_ERRORS = { 401: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema } as const;

export const respondRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  app.addHook('onRequest', requirePatientLink(ctx));

  const assignmentOf = (request: FastifyRequest) => {
    if (!request.patientLink) throw new Error('requirePatientLink did not run');
    return request.patientLink;
  };

  app.get(
    '/',
    {
      schema: {
        tags: ['respond'],
        summary: 'The questionnaire a patient link opens, in the words the site uses',
        security: [{ patientLink: [] }],
        querystring: InstrumentTextQuerySchema,
        response: { 200: QuestionnaireFormSchema, ...LINK_ERRORS },
      },
    },
    async (request) => {
      const assignment = assignmentOf(request);
      await audit(ctx.db, ctx.clock, request, {
        action: 'questionnaire.open',
        outcome: 'success',
        patientId: assignment.patientId,
        subjectType: 'questionnaire_assignment',
        subjectId: assignment.id,
      });
      // The licensed wording in the patient's language where the site loaded it, else ours.
      const text = ctx.contentPacks.text(sbtInstrument, request.query.lang);
      return {
        instrument: text.instrument,
        version: text.version,
        language: text.language,
        wording: text.wording,
        title: text.title,
        recallPeriod: text.recallPeriod,
        items: text.items.map((item) => ({
          key: item.key,
          text: item.text,
          options: item.options.map(({ code, label }) => ({ code, label })),
        })),
        expiresAt: assignment.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['respond'],
        summary: 'Submit the answers; they are stored with their scores',
        security: [{ patientLink: [] }],
        body: SubmitAnswersRequestSchema,
        response: { 201: SubmitAnswersResponseSchema, 422: ProblemSchema, ...LINK_ERRORS },
      },
    },
    async (request, reply) => {
      const assignment = assignmentOf(request);
      const outcome = scoreSbt(request.body.answers);
      if (!outcome.ok) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'Some answers are not valid.',
          errors: outcome.issues.map((issue) => ({
            path: ['answers', ...issue.path],
            message: issue.message,
          })),
        });
      }
      const { result } = outcome;
      if (!result.complete) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'Please answer every question.',
          errors: result.missing.map((key) => ({ path: ['answers', key], message: 'required' })),
        });
      }
      const now = ctx.clock.now();
      const stored = await submitResponse(ctx.db, {
        assignmentId: assignment.id,
        patientId: assignment.patientId,
        instrumentId: result.instrument,
        instrumentVersion: result.version,
        answers: request.body.answers,
        complete: result.complete,
        scores: result.scores,
        reason: result.reason ?? null,
        now,
      });
      if (!stored) {
        throw new AppError({
          code: 'already_submitted',
          status: 409,
          detail: 'This questionnaire has already been sent. Thank you.',
        });
      }
      await audit(ctx.db, ctx.clock, request, {
        action: 'questionnaire.submit',
        outcome: 'success',
        patientId: assignment.patientId,
        subjectType: 'response',
        subjectId: stored.responseId,
        detail: { instrument: result.instrument },
      });
      return reply.code(201).send({ submittedAt: now.toISOString() });
    },
  );
  done();
};
