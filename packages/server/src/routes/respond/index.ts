import { createHash } from 'node:crypto';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DraftSchema,
  IDEMPOTENCY_KEY_HEADER,
  InstrumentTextQuerySchema,
  ProblemSchema,
  QuestionnaireFormSchema,
  SaveDraftRequestSchema,
  SubmitAnswersRequestSchema,
  SubmitAnswersResponseSchema,
  SubmitHeadersSchema,
} from '@workup/contracts';
import { sbtInstrument, scoreSbt } from '@workup/core';
import {
  findAssignmentByTokenHash,
  findResponseDraft,
  findSubmissionKey,
  saveResponseDraft,
  submitResponse,
  type SubmissionKeyRow,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { assignmentStatus } from '../../services/patient-views';
import { hashToken } from '../../services/tokens';

/** JSON with object keys sorted at every level, so equal bodies hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the body's canonical JSON: what decides "the same request" for a replay. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

const alreadySubmitted = () =>
  new AppError({
    code: 'already_submitted',
    status: 409,
    detail: 'This questionnaire has already been sent. Thank you.',
  });

/** A submission that could replay a stored answer: POST with an Idempotency-Key. */
const mayReplay = (request: FastifyRequest) =>
  request.method === 'POST' &&
  request.routeOptions.url?.endsWith('/respond') === true &&
  typeof request.headers[IDEMPOTENCY_KEY_HEADER] === 'string';

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
    // A retried submission may get its first answer back; the handler decides.
    if (status === 'submitted' && mayReplay(request)) return;
    await auditAlone(ctx.db, ctx.clock, request, {
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
    throw alreadySubmitted();
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
      await auditAlone(ctx.db, ctx.clock, request, {
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

  /** Sends the stored first answer again, or 422 when the key came with another body. */
  const replay = async (
    request: FastifyRequest,
    reply: FastifyReply,
    prior: SubmissionKeyRow,
    hash: string,
  ) => {
    const assignment = assignmentOf(request);
    const same = prior.requestHash === hash;
    await auditAlone(ctx.db, ctx.clock, request, {
      action: 'questionnaire.submit_replay',
      outcome: same ? 'success' : 'denied',
      patientId: assignment.patientId,
      subjectType: 'questionnaire_assignment',
      subjectId: assignment.id,
    });
    if (!same) {
      throw new AppError({
        code: 'idempotency_key_reused',
        status: 422,
        detail: 'This Idempotency-Key was used with other answers. Use a new key.',
        errors: [{ path: ['headers', IDEMPOTENCY_KEY_HEADER], message: 'used with another body' }],
      });
    }
    return reply
      .code(prior.responseStatus)
      .send(SubmitAnswersResponseSchema.parse(prior.responseBody));
  };

  app.post(
    '/',
    {
      schema: {
        tags: ['respond'],
        summary:
          'Submit the answers; they are stored with their scores. With an Idempotency-Key, a retry returns the first answer',
        security: [{ patientLink: [] }],
        headers: SubmitHeadersSchema,
        body: SubmitAnswersRequestSchema,
        response: { 201: SubmitAnswersResponseSchema, 422: ProblemSchema, ...LINK_ERRORS },
      },
    },
    async (request, reply) => {
      const assignment = assignmentOf(request);
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      const hash = requestHash(request.body);
      if (key !== undefined) {
        const prior = await findSubmissionKey(ctx.db, assignment.id, key);
        if (prior) return replay(request, reply, prior, hash);
      }
      if (assignmentStatus(assignment, ctx.clock.now()) !== 'open') {
        await auditAlone(ctx.db, ctx.clock, request, {
          action: 'questionnaire.submit',
          outcome: 'denied',
          patientId: assignment.patientId,
          subjectType: 'questionnaire_assignment',
          subjectId: assignment.id,
          detail: { status: 'submitted' },
        });
        throw alreadySubmitted();
      }
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
      const answer = { submittedAt: now.toISOString() };
      const stored = await ctx.db.transaction(async (tx) => {
        const created = await submitResponse(tx, {
          assignmentId: assignment.id,
          patientId: assignment.patientId,
          instrumentId: result.instrument,
          instrumentVersion: result.version,
          answers: request.body.answers,
          complete: result.complete,
          scores: result.scores,
          reason: result.reason ?? null,
          now,
          ...(key === undefined
            ? {}
            : {
                idempotency: { key, requestHash: hash, responseStatus: 201, responseBody: answer },
              }),
        });
        if (!created) return null;
        await audit(tx, ctx.clock, request, {
          action: 'questionnaire.submit',
          outcome: 'success',
          patientId: assignment.patientId,
          subjectType: 'response',
          subjectId: created.responseId,
          detail: { instrument: result.instrument },
        });
        return created;
      });
      if (!stored) {
        // Sent meanwhile: by a concurrent copy of this very request, or by another one.
        if (key !== undefined) {
          const prior = await findSubmissionKey(ctx.db, assignment.id, key);
          if (prior) return replay(request, reply, prior, hash);
        }
        await auditAlone(ctx.db, ctx.clock, request, {
          action: 'questionnaire.submit',
          outcome: 'denied',
          patientId: assignment.patientId,
          subjectType: 'questionnaire_assignment',
          subjectId: assignment.id,
          detail: { status: 'submitted' },
        });
        throw alreadySubmitted();
      }
      return reply.code(201).send(answer);
    },
  );

  app.get(
    '/draft',
    {
      schema: {
        tags: ['respond'],
        summary: 'The answers saved so far, to resume the questionnaire',
        security: [{ patientLink: [] }],
        response: { 200: DraftSchema, ...LINK_ERRORS },
      },
    },
    async (request) => {
      const assignment = assignmentOf(request);
      return ctx.db.transaction(async (tx) => {
        const draft = await findResponseDraft(tx, assignment.id);
        await audit(tx, ctx.clock, request, {
          action: 'questionnaire.draft_read',
          outcome: 'success',
          patientId: assignment.patientId,
          subjectType: 'questionnaire_assignment',
          subjectId: assignment.id,
        });
        return {
          answers: draft?.answers[assignment.instrumentId] ?? {},
          startedAt: draft?.startedAt.toISOString() ?? null,
          savedAt: draft?.updatedAt.toISOString() ?? null,
        };
      });
    },
  );

  app.put(
    '/draft',
    {
      schema: {
        tags: ['respond'],
        summary: 'Save answers part-way (codes are checked, completeness is not)',
        security: [{ patientLink: [] }],
        body: SaveDraftRequestSchema,
        response: { 200: DraftSchema, 422: ProblemSchema, ...LINK_ERRORS },
      },
    },
    async (request) => {
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
      return ctx.db.transaction(async (tx) => {
        const draft = await saveResponseDraft(tx, {
          assignmentId: assignment.id,
          answers: { [assignment.instrumentId]: request.body.answers },
          now: ctx.clock.now(),
        });
        const answers = draft.answers[assignment.instrumentId] ?? {};
        await audit(tx, ctx.clock, request, {
          action: 'questionnaire.draft_save',
          outcome: 'success',
          patientId: assignment.patientId,
          subjectType: 'questionnaire_assignment',
          subjectId: assignment.id,
          detail: { answered: Object.values(answers).filter((v) => v !== null).length },
        });
        return {
          answers,
          startedAt: draft.startedAt.toISOString(),
          savedAt: draft.updatedAt.toISOString(),
        };
      });
    },
  );
  done();
};
