import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable the server reads, with its default. `.env.example` and the
 * README's configuration table list the same variables; a test keeps them in step.
 */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  PATIENT_LINK_TTL_DAYS: positiveInt(14),
  SIGN_IN_MAX_ATTEMPTS: positiveInt(10),
  SIGN_IN_WINDOW_MINUTES: positiveInt(15),
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CONTENT_PACK_DIR: z.string().min(1).optional(),
  PATHWAY_FILE: z.string().min(1).optional(),
  TOTP_REQUIRED: z.enum(['true', 'false']).default('false'),
  TOTP_KEY: z
    .string()
    .refine(
      (value) =>
        /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32,
      'must be 32 random bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
});

export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape);

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'pglite'; readonly dataDir: string | null }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly publicUrl: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  readonly patientLinkTtlMs: number;
  readonly signIn: { readonly maxAttempts: number; readonly windowMs: number };
  readonly demoData: boolean;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  /** A directory of licensed-wording content packs (`*.json`); null uses our paraphrases. */
  readonly contentPackDir: string | null;
  /** A site's own triage flow chart (JSON); null uses pathways/workup-default.v1.json. */
  readonly pathwayFile: string | null;
  /** Where the built web app is; null serves the API only. */
  readonly webDistDir: string | null;
  /** Every staff member must sign in with a TOTP code (they enrol at their next sign-in). */
  readonly totpRequired: boolean;
  /** The AES-256-GCM key that encrypts TOTP secrets at rest; null: TOTP cannot be used. */
  readonly totpKey: Buffer | null;
}

/** The environment could not be parsed; `problems` names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const MINUTE_MS = 60_000;

/** Parses the whole environment once. Empty variables count as unset. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: { webDistDir?: string | null } = {},
): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => CONFIG_VARIABLES.includes(key) && value !== undefined && value !== '',
    ),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  if (e.TOTP_REQUIRED === 'true' && e.TOTP_KEY === undefined) {
    throw new ConfigError([
      'TOTP_KEY: required when TOTP_REQUIRED=true (openssl rand -base64 32); it encrypts the TOTP secrets',
    ]);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database:
      e.DATABASE_URL === undefined
        ? { kind: 'pglite', dataDir }
        : { kind: 'postgres', url: e.DATABASE_URL },
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * MINUTE_MS,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 60 * MINUTE_MS,
    patientLinkTtlMs: e.PATIENT_LINK_TTL_DAYS * 24 * 60 * MINUTE_MS,
    signIn: { maxAttempts: e.SIGN_IN_MAX_ATTEMPTS, windowMs: e.SIGN_IN_WINDOW_MINUTES * MINUTE_MS },
    demoData: e.DEMO_DATA === 'auto',
    cookieSecure:
      e.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https://') : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    contentPackDir: e.CONTENT_PACK_DIR === undefined ? null : resolve(e.CONTENT_PACK_DIR),
    pathwayFile: e.PATHWAY_FILE === undefined ? null : resolve(e.PATHWAY_FILE),
    webDistDir: options.webDistDir === undefined ? null : options.webDistDir,
    totpRequired: e.TOTP_REQUIRED === 'true',
    totpKey: e.TOTP_KEY === undefined ? null : Buffer.from(e.TOTP_KEY, 'base64'),
  };
}
