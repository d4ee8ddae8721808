import { z } from 'zod';
import { IdSchema } from '../common';

export const STAFF_ROLES = ['clinician', 'vocational_adviser', 'researcher', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** A TOTP code as an authenticator app shows it: six digits (RFC 6238 with SHA-1, 30 s). */
export const TotpCodeSchema = z.string().regex(/^[0-9]{6}$/, 'six digits');

export const SignInRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  /** The current code of the second factor, for accounts that have one. */
  totp: TotpCodeSchema.optional(),
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
  /**
   * `enabled`: the account has a second factor. `enrolmentRequired`: the site requires one and
   * the account has none yet, so this session may only enrol (every other call answers 403
   * `totp_enrolment_required`).
   */
  totp: z.object({ enabled: z.boolean(), enrolmentRequired: z.boolean() }).optional(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/**
 * `GET /api/v1/auth/state`: the session, or null when nobody is signed in. Always 200, so that
 * the browser app's "is anybody signed in?" is not an error (`/auth/session` answers 401).
 */
export const SessionStateSchema = z.object({ session: SessionInfoSchema.nullable() });
export type SessionState = z.infer<typeof SessionStateSchema>;

/**
 * `POST /api/v1/auth/totp/enrolment`: a new secret as an `otpauth://` URI (for a QR code) and
 * as base32 text. Shown once: afterwards the secret is only stored encrypted, never returned.
 */
export const TotpEnrolmentSchema = z.object({
  otpauthUri: z.string().startsWith('otpauth://totp/'),
  secret: z.string().regex(/^[A-Z2-7]+$/),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

/** `POST /api/v1/auth/totp/enrolment` takes no fields: send `{}`. */
export const StartTotpEnrolmentRequestSchema = z.strictObject({});

/** `POST /api/v1/auth/totp/confirmation`: a code from the new secret switches TOTP on. */
export const ConfirmTotpRequestSchema = z.strictObject({ code: TotpCodeSchema });
export type ConfirmTotpRequest = z.infer<typeof ConfirmTotpRequestSchema>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'workup_session';
