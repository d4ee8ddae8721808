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
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('workup <no-reply@workup.invalid>'),
  SMS_PROVIDER: z.enum(['outbox', '46elks']).default('outbox'),
  SMS_API_URL: z.url().default('https://api.46elks.com/a1/sms'),
  SMS_API_USERNAME: z.string().min(1).optional(),
  SMS_API_PASSWORD: z.string().min(1).optional(),
  SMS_FROM: z
    .string()
    .regex(
      /^(\+[0-9]{6,15}|[A-Za-z][A-Za-z0-9]{1,10})$/,
      'an E.164 number or 2-11 letters and digits',
    )
    .default('workup'),
  REMINDER_SENDER_NAME: z.string().trim().min(1).max(60).default('workup'),
  REMINDER_LANGUAGE: z.enum(['en', 'sv']).default('en'),
  FOLLOWUP_LINK_KEY: z
    .string()
    .refine(
      (value) =>
        /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32,
      'must be 32 random bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
  JOBS: z.enum(['on', 'off']).default('on'),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  RTW_PRESET: z.enum(['se', 'no', 'fi', 'uk']).default('se'),
  VOCATIONAL_WAIT_DAYS: z.coerce.number().int().min(0).max(150).default(28),
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
  /** Follow-up reminders and the job runner (docs/followup.md). */
  readonly followup: FollowupConfig;
  /** Return to work (docs/rtw.md, docs/vocational-and-cdm.md). */
  readonly rtw: {
    /** The country whose sick-leave rules and statutory checkpoints apply. */
    readonly preset: 'se' | 'no' | 'fi' | 'uk';
    /** Watchful waiting before vocational advice: days from the start of absence. */
    readonly vocationalWaitDays: number;
  };
}

export interface FollowupConfig {
  /** SMTP server for e-mail; null keeps e-mail in the outbox (development, tests). */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly sms:
    | { readonly provider: 'outbox' }
    | {
        readonly provider: '46elks';
        readonly url: string;
        readonly username: string;
        readonly password: string;
        readonly from: string;
      };
  /** Who reminders say they are from: the site's name, never a unit or specialty. */
  readonly senderName: string;
  readonly language: 'en' | 'sv';
  /** The HMAC key that derives follow-up link tokens; null: one kept in the database. */
  readonly linkKey: Buffer | null;
  readonly jobs: {
    /** Whether this instance runs background jobs (several instances may). */
    readonly enabled: boolean;
    readonly pollMs: number;
    readonly leaseMs: number;
    readonly maxAttempts: number;
  };
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
  if (
    e.SMS_PROVIDER === '46elks' &&
    (e.SMS_API_USERNAME === undefined || e.SMS_API_PASSWORD === undefined)
  ) {
    throw new ConfigError([
      'SMS_API_USERNAME, SMS_API_PASSWORD: required when SMS_PROVIDER=46elks',
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
    followup: {
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      sms:
        e.SMS_PROVIDER === '46elks'
          ? {
              provider: '46elks',
              url: e.SMS_API_URL,
              username: e.SMS_API_USERNAME ?? '',
              password: e.SMS_API_PASSWORD ?? '',
              from: e.SMS_FROM,
            }
          : { provider: 'outbox' },
      senderName: e.REMINDER_SENDER_NAME,
      language: e.REMINDER_LANGUAGE,
      linkKey:
        e.FOLLOWUP_LINK_KEY === undefined ? null : Buffer.from(e.FOLLOWUP_LINK_KEY, 'base64'),
      jobs: {
        enabled: e.JOBS === 'on',
        pollMs: e.JOB_POLL_MS,
        leaseMs: e.JOB_LEASE_SECONDS * 1000,
        maxAttempts: e.JOB_MAX_ATTEMPTS,
      },
    },
    rtw: { preset: e.RTW_PRESET, vocationalWaitDays: e.VOCATIONAL_WAIT_DAYS },
  };
}
