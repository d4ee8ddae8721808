import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths that never reach a log: credentials, session and link tokens, and personal
 * identifiers. Request URLs never carry tokens (patient links keep theirs in the fragment).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.csrfToken',
  '*.email',
  '*.givenName',
  '*.familyName',
  '*.nationalId',
  '*.answers',
  'password',
  'token',
  'email',
];

export function createLogger(options: { level: string }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'workup' },
    },
    destination,
  );
}
