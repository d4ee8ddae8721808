import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ProblemSchema,
  SESSION_COOKIE,
  SessionInfoSchema,
  SignInRequestSchema,
  type StaffUser,
} from '@workup/contracts';
import {
  createStaffSession,
  deleteStaffSession,
  findStaffUserByEmail,
  updateStaffPasswordHash,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError } from '../../errors';
import { audit } from '../../services/audit';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../services/passwords';
import { currentSession, requireStaff } from '../../services/staff-auth';
import { hashToken, newToken } from '../../services/tokens';

export const authRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
  };

  app.post(
    '/sign-in',
    {
      config: {
        rateLimit: { max: ctx.config.signIn.maxAttempts, timeWindow: ctx.config.signIn.windowMs },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: SignInRequestSchema,
        response: { 200: SessionInfoSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await findStaffUserByEmail(ctx.db, email);
      const check = await verifyPassword(
        password,
        user?.passwordHash ?? (await dummyPasswordHash(ctx.passwordParams)),
        ctx.passwordParams,
      );
      if (!user || !check.ok) {
        await audit(ctx.db, ctx.clock, request, {
          action: 'staff.sign_in',
          outcome: 'denied',
          subjectType: 'staff_user',
          ...(user ? { subjectId: user.id } : {}),
        });
        throw new AppError({
          code: 'invalid_credentials',
          status: 401,
          detail: 'The e-mail address or password is not right.',
        });
      }
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
      const now = ctx.clock.now();
      const csrfToken = newToken();
      await createStaffSession(ctx.db, {
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteMs),
      });
      const staffUser: StaffUser = {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role as StaffUser['role'],
        unitId: user.unitId,
      };
      await audit(ctx.db, ctx.clock, request, {
        actor: { actorType: 'staff', actorId: user.id },
        action: 'staff.sign_in',
        outcome: 'success',
        subjectType: 'staff_user',
        subjectId: user.id,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
      });
      return { user: staffUser, csrfToken };
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
      if (!found) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new AppError({ code: 'unauthenticated', status: 401, detail: 'Not signed in.' });
      }
      return { user: found.user, csrfToken: found.session.csrfToken };
    },
  );

  app.post(
    '/sign-out',
    {
      onRequest: requireStaff(ctx),
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.null(), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteStaffSession(ctx.db, hashToken(token));
      await audit(ctx.db, ctx.clock, request, { action: 'staff.sign_out', outcome: 'success' });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
  done();
};
