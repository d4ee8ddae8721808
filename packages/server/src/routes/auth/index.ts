import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConfirmTotpRequestSchema,
  ProblemSchema,
  SESSION_COOKIE,
  SessionInfoSchema,
  SessionStateSchema,
  SignInRequestSchema,
  StartTotpEnrolmentRequestSchema,
  TotpEnrolmentSchema,
} from '@workup/contracts';
import {
  claimTotpStep,
  createStaffSession,
  deleteStaffSession,
  findStaffUserByEmail,
  findStaffUserById,
  updateStaffPasswordHash,
  updateStaffSession,
  updateStaffUser,
  type StaffUserRow,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../services/passwords';
import { currentSession, requireStaff, toStaffUser, totpStatus } from '../../services/staff-auth';
import { hashToken, newToken } from '../../services/tokens';
import {
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpUri,
  verifyTotp,
} from '../../services/totp';

const invalidCredentials = () =>
  new AppError({
    code: 'invalid_credentials',
    status: 401,
    detail: 'The e-mail address or password is not right.',
  });

const totpUnavailable = () =>
  new AppError({
    code: 'totp_unavailable',
    status: 503,
    detail: 'Second factors are not set up on this server (TOTP_KEY is missing).',
  });

export const authRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
  };

  /** The user's TOTP secret in clear, or null without one; 503 when the key is missing. */
  const totpSecretOf = (user: StaffUserRow, sealed: string | null): string | null => {
    if (sealed === null) return null;
    if (!ctx.config.totpKey) throw totpUnavailable();
    return openTotpSecret(ctx.config.totpKey, user.id, sealed);
  };

  app.post(
    '/sign-in',
    {
      config: {
        rateLimit: { max: ctx.config.signIn.maxAttempts, timeWindow: ctx.config.signIn.windowMs },
      },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with e-mail, password and, for accounts with a second factor, a TOTP code; sets the session cookie',
        body: SignInRequestSchema,
        response: {
          200: SessionInfoSchema,
          401: ProblemSchema,
          429: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { email, password, totp } = request.body;
      const found = await findStaffUserByEmail(ctx.db, email);
      const check = await verifyPassword(
        password,
        found?.passwordHash ?? (await dummyPasswordHash(ctx.passwordParams)),
        ctx.passwordParams,
      );
      const user = found?.disabledAt === null ? found : null;
      const deny = async (reason: string) => {
        await auditAlone(ctx.db, ctx.clock, request, {
          action: 'staff.sign_in',
          outcome: 'denied',
          subjectType: 'staff_user',
          ...(found ? { subjectId: found.id } : {}),
          detail: { reason },
        });
      };
      if (!user || !check.ok) {
        await deny(found && check.ok ? 'disabled' : 'credentials');
        throw invalidCredentials();
      }
      const now = ctx.clock.now();
      const secret = totpSecretOf(user, user.totpSecret);
      if (secret !== null) {
        if (totp === undefined) {
          await deny('totp_missing');
          throw new AppError({
            code: 'totp_required',
            status: 401,
            detail: 'Enter the six-digit code from your authenticator app.',
          });
        }
        const step = verifyTotp(secret, totp, now);
        if (step === null || !(await claimTotpStep(ctx.db, user.id, step))) {
          await deny(step === null ? 'totp_invalid' : 'totp_replayed');
          throw new AppError({
            code: 'invalid_totp',
            status: 401,
            detail: 'The code is not right or was used already. Wait for the next one.',
          });
        }
      }
      // The stored hash was made with other parameters (older, or cheaper): upgrade it now that
      // the password is known to be right.
      if (check.needsRehash) {
        await updateStaffPasswordHash(
          ctx.db,
          user.id,
          await hashPassword(password, ctx.passwordParams),
        );
      }
      // Rotate: a sign-in always starts a new session and ends the one the browser had.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteStaffSession(ctx.db, hashToken(previous));
      const token = newToken();
      const csrfToken = newToken();
      const session = {
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteMs),
        totpEnrolmentRequired: ctx.config.totpRequired && secret === null,
      };
      await ctx.db.transaction(async (tx) => {
        await createStaffSession(tx, session);
        await audit(tx, ctx.clock, request, {
          actor: { actorType: 'staff', actorId: user.id },
          action: 'staff.sign_in',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: user.id,
          detail: { secondFactor: secret !== null },
        });
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
      });
      return { user: toStaffUser(user), csrfToken, totp: totpStatus(user, session) };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in staff member and the CSRF token for changes',
        response: { 200: SessionInfoSchema, 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const found = await currentSession(ctx, request);
      const user = found ? await findStaffUserById(ctx.db, found.user.id) : null;
      if (!found || !user) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new AppError({ code: 'unauthenticated', status: 401, detail: 'Not signed in.' });
      }
      return {
        user: found.user,
        csrfToken: found.session.csrfToken,
        totp: totpStatus(user, found.session),
      };
    },
  );

  app.get(
    '/state',
    {
      schema: {
        tags: ['auth'],
        summary: 'The session, or null when nobody is signed in (never 401)',
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      const found = await currentSession(ctx, request);
      const user = found ? await findStaffUserById(ctx.db, found.user.id) : null;
      if (!found || !user) {
        if (request.cookies[SESSION_COOKIE] !== undefined) {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
        return { session: null };
      }
      return {
        session: {
          user: found.user,
          csrfToken: found.session.csrfToken,
          totp: totpStatus(user, found.session),
        },
      };
    },
  );

  app.post(
    '/sign-out',
    {
      onRequest: requireStaff(ctx),
      config: { duringTotpEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.null(), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      await ctx.db.transaction(async (tx) => {
        if (token) await deleteStaffSession(tx, hashToken(token));
        await audit(tx, ctx.clock, request, { action: 'staff.sign_out', outcome: 'success' });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/totp/enrolment',
    {
      onRequest: requireStaff(ctx),
      config: { duringTotpEnrolment: true },
      schema: {
        tags: ['auth'],
        summary:
          'Start TOTP enrolment: a new secret as an otpauth URI, shown once; confirm it with a code',
        body: StartTotpEnrolmentRequestSchema,
        response: {
          201: TotpEnrolmentSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff) throw new Error('requireStaff did not run');
      const key = ctx.config.totpKey;
      if (!key) throw totpUnavailable();
      const user = await findStaffUserById(ctx.db, staff.user.id);
      if (!user) throw new Error('the signed-in user is gone');
      if (user.totpSecret !== null) {
        throw new AppError({
          code: 'totp_already_enabled',
          status: 409,
          detail: 'A second factor is set up already; an administrator can reset it.',
        });
      }
      const secret = newTotpSecret();
      await ctx.db.transaction(async (tx) => {
        await updateStaffUser(tx, user.id, {
          totpPendingSecret: sealTotpSecret(key, user.id, secret),
        });
        await audit(tx, ctx.clock, request, {
          action: 'staff.totp_enrolment',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: user.id,
        });
      });
      return reply.code(201).send({ otpauthUri: totpUri(secret, user.email), secret });
    },
  );

  app.post(
    '/totp/confirmation',
    {
      onRequest: requireStaff(ctx),
      config: { duringTotpEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'Finish TOTP enrolment with a code from the new secret; switches TOTP on',
        body: ConfirmTotpRequestSchema,
        response: {
          200: SessionInfoSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request) => {
      const staff = request.staff;
      if (!staff) throw new Error('requireStaff did not run');
      const user = await findStaffUserById(ctx.db, staff.user.id);
      if (!user) throw new Error('the signed-in user is gone');
      const pending = totpSecretOf(user, user.totpPendingSecret);
      if (pending === null || user.totpPendingSecret === null) {
        throw new AppError({
          code: 'no_totp_enrolment',
          status: 409,
          detail: 'Start the enrolment first.',
        });
      }
      const now = ctx.clock.now();
      const step = verifyTotp(pending, request.body.code, now);
      if (step === null) {
        await auditAlone(ctx.db, ctx.clock, request, {
          action: 'staff.totp_confirmation',
          outcome: 'denied',
          subjectType: 'staff_user',
          subjectId: user.id,
        });
        throw new AppError({
          code: 'invalid_totp',
          status: 422,
          detail: 'The code is not right. Check the time on your phone and try the next one.',
          errors: [{ path: ['code'], message: 'not the current code' }],
        });
      }
      const sealed = user.totpPendingSecret;
      const updated = await ctx.db.transaction(async (tx) => {
        const row = await updateStaffUser(tx, user.id, {
          totpSecret: sealed,
          totpPendingSecret: null,
          totpEnabledAt: now,
          totpLastStep: step,
        });
        await updateStaffSession(tx, staff.session.tokenHash, { totpEnrolmentRequired: false });
        await audit(tx, ctx.clock, request, {
          action: 'staff.totp_confirmation',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: user.id,
        });
        return row;
      });
      if (!updated) throw new Error('the signed-in user is gone');
      return {
        user: toStaffUser(updated),
        csrfToken: staff.session.csrfToken,
        totp: { enabled: true, enrolmentRequired: false },
      };
    },
  );
  done();
};
