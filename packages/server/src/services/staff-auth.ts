import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, StaffRoleSchema, type StaffUser } from '@workup/contracts';
import {
  deleteStaffSession,
  findStaffSession,
  touchStaffSession,
  type AssignmentRow,
  type StaffSessionRow,
  type StaffUserRow,
} from '@workup/db';
import type { RouteContext } from '../context';
import { AppError, unauthenticated } from '../errors';
import { assertPermissionDeclared, authorize } from './authorization';
import { hashToken, sameSecret } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by {@link requireStaff}. */
    staff: { user: StaffUser; session: StaffSessionRow } | null;
    /** The questionnaire assignment a patient's link opened. */
    patientLink: AssignmentRow | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session whose cookie came with the request, if it is still valid; expired ones go. */
export async function currentSession(
  ctx: RouteContext,
  request: FastifyRequest,
): Promise<{ user: StaffUser; session: StaffSessionRow } | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token === '') return null;
  const tokenHash = hashToken(token);
  const found = await findStaffSession(ctx.db, tokenHash);
  if (!found) return null;
  const now = ctx.clock.now();
  const idleLimit = found.session.lastSeenAt.getTime() + ctx.config.sessionIdleMs;
  if (
    now.getTime() >= idleLimit ||
    now.getTime() >= found.session.expiresAt.getTime() ||
    found.user.disabledAt !== null
  ) {
    await deleteStaffSession(ctx.db, tokenHash);
    return null;
  }
  await touchStaffSession(ctx.db, tokenHash, now);
  return { session: found.session, user: toStaffUser(found.user) };
}

/** The staff member as the API shows them (never the password hash or TOTP secret). */
export function toStaffUser(user: StaffUserRow): StaffUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: StaffRoleSchema.parse(user.role),
    unitId: user.unitId,
  };
}

/** What the session may do about the second factor (`SessionInfo.totp`). */
export function totpStatus(user: StaffUserRow, session: StaffSessionRow) {
  return { enabled: user.totpEnabledAt !== null, enrolmentRequired: session.totpEnrolmentRequired };
}

/**
 * onRequest hook for staff routes: a valid session is required, and a change (any method but
 * GET, HEAD, OPTIONS) must echo the session's CSRF token in the `x-csrf-token` header. A
 * session that must first enrol a second factor (`TOTP_REQUIRED`) reaches only the routes
 * marked `duringTotpEnrolment`.
 */
export function requireStaff(ctx: RouteContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const found = await currentSession(ctx, request);
    if (!found) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw unauthenticated();
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, found.session.csrfToken)) {
        throw new AppError({
          code: 'csrf_failed',
          status: 403,
          detail: `Changes need the ${CSRF_HEADER} header from the current session.`,
        });
      }
    }
    if (
      found.session.totpEnrolmentRequired &&
      request.routeOptions.config.duringTotpEnrolment !== true
    ) {
      throw new AppError({
        code: 'totp_enrolment_required',
        status: 403,
        detail: 'This site requires a second factor. Set up your authenticator app first.',
      });
    }
    request.staff = found;
  };
}

/**
 * The hooks every staff route plugin adds: the session (with CSRF), then the matrix and the
 * patient's unit. Registering a route without `config.permission` throws at start-up.
 */
export function guardStaffRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.addHook('onRoute', assertPermissionDeclared);
  app.addHook('onRequest', requireStaff(ctx));
  app.addHook('onRequest', authorize(ctx));
}
