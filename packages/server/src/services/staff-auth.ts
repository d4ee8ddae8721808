import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, type StaffUser } from '@workup/contracts';
import {
  deleteStaffSession,
  findStaffSession,
  touchStaffSession,
  type AssignmentRow,
  type StaffSessionRow,
} from '@workup/db';
import type { RouteContext } from '../context';
import { AppError, unauthenticated } from '../errors';
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
  if (now.getTime() >= idleLimit || now.getTime() >= found.session.expiresAt.getTime()) {
    await deleteStaffSession(ctx.db, tokenHash);
    return null;
  }
  await touchStaffSession(ctx.db, tokenHash, now);
  const { user } = found;
  return {
    session: found.session,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role as StaffUser['role'],
      unitId: user.unitId,
    },
  };
}

/**
 * onRequest hook for staff routes: a valid session is required, and a change (any method but
 * GET, HEAD, OPTIONS) must echo the session's CSRF token in the `x-csrf-token` header.
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
    request.staff = found;
  };
}
