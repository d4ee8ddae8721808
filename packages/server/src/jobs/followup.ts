import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config';
import type { Clock } from '../services/clock';
import { createOutboxMailer, createSmtpMailer, type Mailer } from '../services/mailer';
import {
  FOLLOWUP_JOBS,
  failReminder,
  openAssignment,
  sendReminder,
  type FollowupDeps,
  type Transports,
} from '../services/reminders';
import { REFERRAL_NOTIFY_JOB, sendReferralNotification } from '../services/rtw';
import { createHttpSmsProvider, createOutboxSms, type SmsProvider } from '../services/sms';
import { markNotificationFailed, type Db, type JobRow } from '@workup/db';
import { JobRunner, type JobHandler } from './runner';

const OpenPayloadSchema = z.object({ assignmentId: z.uuid() });
const RemindPayloadSchema = z.object({ reminderId: z.uuid() });
const NotifyPayloadSchema = z.object({ notificationId: z.uuid() });

/**
 * The transports the configuration asks for: SMTP when `SMTP_URL` is set, the 46elks API with
 * `SMS_PROVIDER=46elks`, and the outbox otherwise. Their time limits stay under a third of the
 * job lease, so a hung send fails before another instance may take the job over.
 */
export function transportsFor(config: Config, db: Db, clock: Clock): Transports {
  const timeoutMs = Math.max(1000, Math.min(60_000, Math.floor(config.followup.jobs.leaseMs / 3)));
  const mailer: Mailer =
    config.followup.smtpUrl === null
      ? createOutboxMailer(db, clock)
      : createSmtpMailer({
          url: config.followup.smtpUrl,
          from: config.followup.mailFrom,
          timeoutMs,
        });
  const sms: SmsProvider =
    config.followup.sms.provider === '46elks'
      ? createHttpSmsProvider({ ...config.followup.sms, timeoutMs })
      : createOutboxSms(db, clock);
  return { mailer, sms };
}

/** The handlers of the follow-up jobs, and what to do when one gives up. */
export function followupHandlers(
  deps: FollowupDeps,
  transports: Transports,
): { handlers: Record<string, JobHandler>; onGiveUp: Record<string, JobHandler> } {
  return {
    handlers: {
      [FOLLOWUP_JOBS.open]: async (job: JobRow) => {
        const { assignmentId } = OpenPayloadSchema.parse(job.payload);
        await deps.db.transaction((tx) => openAssignment(deps, tx, assignmentId, deps.clock.now()));
      },
      [FOLLOWUP_JOBS.remind]: async (job: JobRow) => {
        const { reminderId } = RemindPayloadSchema.parse(job.payload);
        await sendReminder(deps, transports, reminderId);
      },
      // Feedback to the referring clinician (vocational advice; docs/vocational-and-cdm.md).
      [REFERRAL_NOTIFY_JOB]: async (job: JobRow) => {
        const { notificationId } = NotifyPayloadSchema.parse(job.payload);
        await sendReferralNotification(deps, transports.mailer, notificationId);
      },
    },
    onGiveUp: {
      [FOLLOWUP_JOBS.remind]: async (job: JobRow) => {
        const { reminderId } = RemindPayloadSchema.parse(job.payload);
        await failReminder(deps, reminderId);
      },
      [REFERRAL_NOTIFY_JOB]: async (job: JobRow) => {
        const { notificationId } = NotifyPayloadSchema.parse(job.payload);
        await markNotificationFailed(deps.db, notificationId, deps.clock.now());
      },
    },
  };
}

/** The job runner of one app instance, with the follow-up handlers and configured transports. */
export function createJobRunner(options: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  transports?: Transports;
  workerId?: string;
  /** Run only jobs of these kinds (tests); all kinds by default. */
  kinds?: readonly string[];
}): { runner: JobRunner; transports: Transports } {
  const { config, db, clock } = options;
  const transports = options.transports ?? transportsFor(config, db, clock);
  const all = followupHandlers({ db, clock, config }, transports);
  const only = (table: Record<string, JobHandler>) =>
    options.kinds === undefined
      ? table
      : Object.fromEntries(Object.entries(table).filter(([kind]) => options.kinds?.includes(kind)));
  const handlers = only(all.handlers);
  const onGiveUp = only(all.onGiveUp);
  const runner = new JobRunner({
    db,
    clock,
    logger: options.logger.child({ component: 'jobs' }),
    handlers,
    onGiveUp,
    leaseMs: config.followup.jobs.leaseMs,
    pollMs: config.followup.jobs.pollMs,
    ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
  });
  return { runner, transports };
}
