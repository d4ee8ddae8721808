import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Database } from '@workup/db';
import type { Config } from './config';
import type { RouteContext } from './context';
import { AppError } from './errors';
import { accessLogRoutes } from './routes/access-log/index';
import { authRoutes } from './routes/auth/index';
import { caseloadRoutes } from './routes/caseload/index';
import { consentRoutes } from './routes/consents/index';
import { episodeRoutes } from './routes/episodes/index';
import { healthRoutes } from './routes/health/index';
import { instrumentRoutes } from './routes/instruments/index';
import { patientRoutes } from './routes/patients/index';
import { planRoutes } from './routes/plans/index';
import { protocolRoutes } from './routes/protocol/index';
import { researchRoutes } from './routes/research/index';
import { respondRoutes } from './routes/respond/index';
import { scoreRoutes } from './routes/score/index';
import { taskRoutes } from './routes/tasks/index';
import { triageRoutes } from './routes/triage/index';
import { staffRoutes } from './routes/staff/index';
import { dashboardRoutes } from './routes/dashboard/index';
import { outboxRoutes } from './routes/outbox/index';
import { cdmRoutes } from './routes/cdm/index';
import { employerRoutes } from './routes/employer/index';
import { sharingRoutes } from './routes/sharing/index';
import { rtwRoutes } from './routes/rtw/index';
import { vocationalRoutes } from './routes/vocational/index';
import { referralQueueRoutes } from './routes/vocational/queue';
import { patientFollowupRoutes, scheduleRoutes } from './routes/schedules/index';
import { systemClock, type Clock } from './services/clock';
import { loadContentPacks } from './services/content-packs';
import { loadPathwayFile } from './services/pathway';
import { OWASP_SCRYPT, type ScryptParams } from './services/passwords';

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Tests use cheaper scrypt parameters; production keeps OWASP's. */
  readonly passwordParams?: ScryptParams;
}

const BODY_LIMIT_BYTES = 64 * 1024;

/** Fastify's own 4xx errors, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

/** Builds the HTTP app. Nothing here reads the environment or opens a port. */
export async function createApp(deps: AppDeps) {
  const { config, database, logger } = deps;
  const ctx: RouteContext = {
    config,
    db: database.db,
    clock: deps.clock ?? systemClock,
    passwordParams: deps.passwordParams ?? OWASP_SCRYPT,
    contentPacks: loadContentPacks(config.contentPackDir),
    pathway: loadPathwayFile(config.pathwayFile),
  };

  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('staff', null);
  app.decorateRequest('patientLink', null);
  app.decorateRequest('access', null);
  // The request id in every answer, so a person can quote it and it finds the audit event.
  app.addHook('onRequest', (request, reply, next) => {
    void reply.header('x-request-id', request.id);
    next();
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext;
      appError =
        where === 'params'
          ? new AppError({ code: 'not_found', status: 404, detail: 'Nothing was found here.' })
          : new AppError({
              code: 'validation_failed',
              status: 422,
              detail: 'The request has fields that are not valid.',
              errors: error.validation.map((issue) => ({
                path: issue.instancePath.split('/').slice(1),
                message: issue.message ?? 'invalid',
              })),
            });
    } else if (
      error.statusCode !== undefined &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      appError = new AppError({
        code: FASTIFY_CODES[error.code] ?? 'bad_request',
        status: error.statusCode,
        detail: error.message,
      });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError({
        code: 'internal_error',
        status: 500,
        detail: 'Something went wrong on our side. The error has been logged.',
      });
    }
    void reply
      .code(appError.status)
      .headers(appError.headers)
      .type('application/problem+json')
      .send(appError.toProblem(request.url.split('?')[0]));
  });

  await app.register(fastifyHelmet, {
    referrerPolicy: { policy: 'no-referrer' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError({
        code: 'rate_limited',
        status: 429,
        detail: `Too many attempts. Try again in ${context.after}.`,
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'workup API',
        version: '1',
        description:
          'Screening, tailored care and return-to-work support for musculoskeletal pain.',
      },
      components: {
        securitySchemes: {
          staffSession: { type: 'apiKey', in: 'cookie', name: 'workup_session' },
          patientLink: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes, { database });
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
      await api.register(authRoutes, { ...ctx, prefix: '/auth' });
      await api.register(patientRoutes, { ...ctx, prefix: '/patients' });
      await api.register(episodeRoutes, { ...ctx, prefix: '/patients/:patientId/episodes' });
      await api.register(planRoutes, { ...ctx, prefix: '/patients/:patientId/plans' });
      await api.register(protocolRoutes, { ...ctx, prefix: '/patients/:patientId/protocol' });
      await api.register(consentRoutes, { ...ctx, prefix: '/patients/:patientId/consents' });
      await api.register(accessLogRoutes, { ...ctx, prefix: '/patients/:patientId/access-log' });
      await api.register(researchRoutes, { ...ctx, prefix: '/research/patients' });
      await api.register(staffRoutes, ctx);
      await api.register(respondRoutes, { ...ctx, prefix: '/respond' });
      await api.register(instrumentRoutes, { ...ctx, prefix: '/instruments' });
      await api.register(scoreRoutes, { ...ctx, prefix: '/score' });
      await api.register(triageRoutes, { ...ctx, prefix: '/triage' });
      await api.register(scheduleRoutes, { ...ctx, prefix: '/followup/schedules' });
      await api.register(dashboardRoutes, { ...ctx, prefix: '/followup/dashboard' });
      await api.register(patientFollowupRoutes, {
        ...ctx,
        prefix: '/patients/:patientId/followup',
      });
      await api.register(outboxRoutes, { ...ctx, prefix: '/outbox' });
      await api.register(taskRoutes, { ...ctx, prefix: '/patients/:patientId/tasks' });
      await api.register(caseloadRoutes, { ...ctx, prefix: '/caseload' });
      // Return to work (issue 7): sick leave and the timeline, vocational advice, CDMs.
      await api.register(rtwRoutes, { ...ctx, prefix: '/patients/:patientId' });
      await api.register(vocationalRoutes, { ...ctx, prefix: '/patients/:patientId' });
      await api.register(referralQueueRoutes, ctx);
      await api.register(cdmRoutes, { ...ctx, prefix: '/patients/:patientId/cdm-meetings' });
      await api.register(employerRoutes, { ...ctx, prefix: '/employer' });
      await api.register(sharingRoutes, { ...ctx, prefix: '/sharing' });
    },
    { prefix: '/api/v1' },
  );

  const webDist = config.webDistDir;
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        void res.header(
          'cache-control',
          path.includes(join(webDist, 'assets'))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && path !== '/healthz';
    if (wantsPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (wantsPage) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app has not been built. Run `npm run build` (npm start does it for you).\n');
    }
    const error = new AppError({ code: 'not_found', status: 404, detail: 'No such endpoint.' });
    return reply.code(404).type('application/problem+json').send(error.toProblem(path));
  });

  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
