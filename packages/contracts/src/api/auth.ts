import { z } from 'zod';
import { IdSchema } from '../common';

export const STAFF_ROLES = ['clinician', 'vocational_adviser', 'researcher', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const SignInRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const StaffUserSchema = z.object({
  id: IdSchema,
  email: z.email(),
  displayName: z.string(),
  role: StaffRoleSchema,
  unitId: IdSchema,
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

/**
 * The signed-in staff member and the CSRF token that every cookie-authenticated change must
 * echo in the `x-csrf-token` header.
 */
export const SessionInfoSchema = z.object({
  user: StaffUserSchema,
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'workup_session';
