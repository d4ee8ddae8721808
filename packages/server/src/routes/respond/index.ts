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
  type ItemAnswers,
  type PatientAdvice,
  type Responses,
  type SubmitAnswersResponse,
  type TriageResult,
} from '@workup/contracts';
import { findInstrument, triage, type Instrument } from '@workup/core';
import {
  findAssignmentByTokenHash,
  findPatientUnit,
  findResponseDraft,
  findSubmissionKey,
  saveResponseDraft,
  submitResponses,
  type AssignmentRow,
  type ResponseInput,
  type SubmissionKeyRow,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { assignmentStatus } from '../../services/patient-views';
import { hashToken } from '../../services/tokens';
import { storePlan } from '../plans/store-plan';
import { completenessIssues, toQuestionnaire } from './questionnaires';

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

type FieldPath = (string | number)[];

const invalidAnswers = (detail: string, errors: { path: FieldPath; message: string }[]): AppError =>
  new AppError({ code: 'validation_failed', status: 422, detail, errors });

/** The link's instruments, in order; a link naming an unknown one is a server fault. */
function instrumentsOf(assignment: AssignmentRow): Instrument[] {
  return assignment.instrumentIds.map((id) => {
    const instrument = findInstrument(id);
    if (instrument === undefined) throw new Error(`link names unknown instrument ${id}`);
    return instrument;
  });
}

/**
 * The answers of a body by instrument, with the path under which each instrument's errors are
 * reported: `answers` for a one-instrument client, `responses.<instrument>` otherwise. Names
 * outside the link are refused.
 */
function answersByInstrument(
  assignment: AssignmentRow,
  body: { answers?: ItemAnswers | undefined; responses?: Responses | undefined },
): { responses: Responses; pathOf: (instrument: string) => FieldPath } {
  if (body.answers !== undefined) {
    const [only, ...more] = assignment.instrumentIds;
    if (only === undefined || more.length > 0) {
      throw invalidAnswers('This link has several questionnaires: send them as "responses".', [
        { path: ['responses'], message: 'required for a link with several questionnaires' },
      ]);
    }
    return { responses: { [only]: body.answers }, pathOf: () => ['answers'] };
  }
  const responses = body.responses ?? {};
  const unknown = Object.keys(responses).filter((id) => !assignment.instrumentIds.includes(id));
  if (unknown.length > 0) {
    throw invalidAnswers(
      'Some answers are for questionnaires this link does not have.',
      unknown.map((id) => ({
        path: ['responses', id],
        message: 'not a questionnaire of this link',
      })),
    );
  }
  return { responses, pathOf: (instrument) => ['responses', instrument] };
}

/** Scorer options of the pathway (e.g. a site's ÖMPSQ cut-offs), so stored scores match triage. */
function scoreOptions(ctx: RouteContext, instrument: Instrument) {
  return ctx.pathway.definition.instrumentOptions?.[instrument.definition.id] ?? {};
}

/** Refuses codes out of range and unknown items in every instrument's answers. */
function checkCodes(
  ctx: RouteContext,
  instruments: readonly Instrument[],
  responses: Responses,
  pathOf: (instrument: string) => FieldPath,
): void {
  const errors: { path: FieldPath; message: string }[] = [];
  for (const instrument of instruments) {
    const id = instrument.definition.id;
    const answers = responses[id];
    if (answers === undefined) continue;
    const outcome = instrument.score(answers, scoreOptions(ctx, instrument));
    if (!outcome.ok) {
      for (const issue of outcome.issues) {
        errors.push({ path: [...pathOf(id), ...issue.path], message: issue.message });
      }
    }
  }
  if (errors.length > 0) throw invalidAnswers('Some answers are not valid.', errors);
}

/** The plan's advice for the patient: urgency and the components that start now. */
function adviceOf(result: TriageResult): PatientAdvice {
  return {
    urgency: result.urgency,
    components: result.plan.filter((item) => item.status === 'proposed').map((item) => item.code),
  };
}

/**
 * Whether a link's answers go through triage: those of the baseline screening. Other links
 * (follow-up timepoints such as month_3, or one questionnaire without a timepoint) measure and
 * store scores only; a clinician can still triage them and store the plan.
 */
export const TRIAGE_TIMEPOINT = 'baseline';
const triagesOnSubmit = (assignment: AssignmentRow) => assignment.timepoint === TRIAGE_TIMEPOINT;

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
      const questionnaires = instrumentsOf(assignment).map((instrument) =>
        toQuestionnaire(instrument, ctx.contentPacks.text(instrument, request.query.lang)),
      );
      const [first] = questionnaires;
      if (first === undefined) throw new Error('a link without instruments');
      return {
        ...first,
        questionnaires,
        timepoint: assignment.timepoint,
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
      const instruments = instrumentsOf(assignment);
      const { responses, pathOf } = answersByInstrument(assignment, request.body);
      checkCodes(ctx, instruments, responses, pathOf);
      const missing: { path: FieldPath; message: string }[] = [];
      const stored: ResponseInput[] = [];
      for (const instrument of instruments) {
        const id = instrument.definition.id;
        const answers = responses[id];
        if (answers === undefined) {
          missing.push({ path: ['responses', id], message: 'required' });
          continue;
        }
        const issues = completenessIssues(id, answers);
        for (const issue of issues) {
          missing.push({ path: [...pathOf(id), issue.key], message: issue.message });
        }
        const outcome = instrument.score(answers, scoreOptions(ctx, instrument));
        if (!outcome.ok) throw new Error('codes were checked above');
        const { result } = outcome;
        if (result.scores === null && issues.length === 0) {
          missing.push({ path: pathOf(id), message: result.reason ?? 'cannot be scored' });
        }
        stored.push({
          instrumentId: id,
          instrumentVersion: result.version,
          answers,
          complete: result.complete,
          scores: result.scores,
          reason: result.reason ?? null,
        });
      }
      if (missing.length > 0) throw invalidAnswers('Please answer every question.', missing);

      // Triage with the site's pathway: flags, urgency and the plan, stored with the answers.
      let triaged: TriageResult | null = null;
      if (triagesOnSubmit(assignment)) {
        const employed = responses.work?.employed;
        const outcome = triage(
          {
            responses,
            context: employed === 0 || employed === 1 ? { employed: employed === 1 } : {},
          },
          ctx.pathway,
        );
        if (!outcome.ok) {
          throw invalidAnswers(
            'Some answers are not valid.',
            outcome.issues.map((issue) => ({ path: [...issue.path], message: issue.message })),
          );
        }
        triaged = outcome.result;
      }
      const patient = await findPatientUnit(ctx.db, assignment.patientId);
      if (!patient) throw new Error('the link names no patient');

      const now = ctx.clock.now();
      const answer: SubmitAnswersResponse = {
        submittedAt: now.toISOString(),
        advice: triaged === null ? null : adviceOf(triaged),
      };
      const saved = await ctx.db.transaction(async (tx) => {
        const created = await submitResponses(tx, {
          assignmentId: assignment.id,
          patientId: assignment.patientId,
          responses: stored,
          now,
          ...(key === undefined
            ? {}
            : {
                idempotency: { key, requestHash: hash, responseStatus: 201, responseBody: answer },
              }),
        });
        if (!created) return null;
        for (const response of stored) {
          await audit(tx, ctx.clock, request, {
            action: 'questionnaire.submit',
            outcome: 'success',
            patientId: assignment.patientId,
            subjectType: 'response',
            subjectId: created.responseIds[response.instrumentId] ?? '',
            detail: { instrument: response.instrumentId },
          });
        }
        if (triaged !== null) {
          await storePlan(tx, ctx, request, {
            patient,
            episodeId: assignment.episodeId,
            triage: triaged,
            createdBy: null,
            assignmentId: assignment.id,
          });
        }
        return created;
      });
      if (!saved) {
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
        const responses = draft?.answers ?? {};
        return {
          answers: responses[assignment.instrumentId] ?? {},
          responses,
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
      const { responses, pathOf } = answersByInstrument(assignment, request.body);
      checkCodes(ctx, instrumentsOf(assignment), responses, pathOf);
      return ctx.db.transaction(async (tx) => {
        const draft = await saveResponseDraft(tx, {
          assignmentId: assignment.id,
          answers: responses,
          now: ctx.clock.now(),
        });
        const answered = Object.values(draft.answers)
          .flatMap((answers) => Object.values(answers))
          .filter((value) => value !== null).length;
        await audit(tx, ctx.clock, request, {
          action: 'questionnaire.draft_save',
          outcome: 'success',
          patientId: assignment.patientId,
          subjectType: 'questionnaire_assignment',
          subjectId: assignment.id,
          detail: { answered },
        });
        return {
          answers: draft.answers[assignment.instrumentId] ?? {},
          responses: draft.answers,
          startedAt: draft.startedAt.toISOString(),
          savedAt: draft.updatedAt.toISOString(),
        };
      });
    },
  );
  done();
};
