import nodemailer from 'nodemailer';
import { insertOutboxMessage, type Db } from '@workup/db';
import type { Clock } from './clock';

/** One e-mail: plain text only, so no tracking pixels and no remote content. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** A stable Message-ID per reminder, so that a receiving system can tell a repeat. */
  readonly messageId: string;
  /** For the outbox: whose message it is, and for which reminder. */
  readonly patientId: string | null;
  readonly reminderId: string | null;
}

/** Sends e-mail; resolves to the transport's id of the message, rejects when it was not taken. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<{ providerMessageId: string }>;
  close(): void;
}

/**
 * E-mail over SMTP with nodemailer (`smtp://user:pass@host:587`, `smtps://` for implicit TLS).
 * Time limits stay well below a job's lease, so a hung server fails the attempt (and it is
 * retried) before another instance could claim the job again.
 */
export function createSmtpMailer(options: {
  url: string;
  from: string;
  timeoutMs: number;
}): Mailer {
  const url = new URL(options.url);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    ...(url.username === ''
      ? {}
      : {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
      });
      return { providerMessageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}

/**
 * The development and test transport: the message is kept in `outbox_messages`, where staff can
 * read it (`GET /api/v1/outbox`), instead of leaving the machine.
 */
export function createOutboxMailer(db: Db, clock: Clock): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      const row = await insertOutboxMessage(db, {
        patientId: message.patientId,
        channel: 'email',
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        reminderId: message.reminderId,
        now: clock.now(),
      });
      return { providerMessageId: `outbox:${row.id}` };
    },
    close() {
      // Nothing to release.
    },
  };
}
