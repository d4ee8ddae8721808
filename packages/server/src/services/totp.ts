import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * TOTP second factor (RFC 6238): HMAC-SHA-1, six digits, 30-second steps, as every
 * authenticator app expects. The clock is passed in. The secret is 160 bits (RFC 4226 §4
 * recommends at least 128, 160 preferred) and is stored only encrypted with AES-256-GCM under
 * the site's `TOTP_KEY`, bound to the staff member's id; it is shown once, at enrolment.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = 'SHA1';
/** Codes one step either side of now are accepted, for clock drift (RFC 6238 §5.2). */
export const TOTP_WINDOW_STEPS = 1;
const ISSUER = 'workup';
const SECRET_BYTES = 20;

export interface TotpParameters {
  readonly algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  readonly digits: number;
  readonly period: number;
}

export const TOTP_PARAMETERS: TotpParameters = {
  algorithm: TOTP_ALGORITHM,
  digits: TOTP_DIGITS,
  period: TOTP_PERIOD_SECONDS,
};

function totpFor(secret: Secret, parameters: TotpParameters, label = 'staff'): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret, ...parameters });
}

/** A fresh random secret, as base32 (what authenticator apps take). */
export function newTotpSecret(): string {
  return new Secret({ buffer: randomBytes(SECRET_BYTES).buffer }).base32;
}

/** The `otpauth://totp/...` URI an authenticator app reads from a QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return totpFor(Secret.fromBase32(secretBase32), TOTP_PARAMETERS, accountName).toString();
}

/** The code for `at` (RFC 6238 §4); exported for tests and the RFC's test vectors. */
export function totpCode(
  secret: Secret,
  at: Date,
  parameters: TotpParameters = TOTP_PARAMETERS,
): string {
  return totpFor(secret, parameters).generate({ timestamp: at.getTime() });
}

/**
 * Checks a code at `at`. Resolves to the time step it belongs to (so the caller can refuse a
 * second use of it), or null when it matches no step within the window.
 */
export function verifyTotp(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpFor(Secret.fromBase32(secretBase32), TOTP_PARAMETERS).validate({
    token: code,
    timestamp: at.getTime(),
    window: TOTP_WINDOW_STEPS,
  });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

const FORMAT = 'v1';

/** Encrypts a secret for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url, bound to `userId`. */
export function sealTotpSecret(key: Buffer, userId: string, secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts what {@link sealTotpSecret} stored; throws when the key or the user is wrong. */
export function openTotpSecret(key: Buffer, userId: string, sealed: string): string {
  const [format, iv, tag, ciphertext] = sealed.split('.');
  if (format !== FORMAT || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new Error('not a sealed TOTP secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
