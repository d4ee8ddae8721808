import { insertOutboxMessage, type Db } from '@workup/db';
import type { Clock } from './clock';

export interface SmsMessage {
  /** E.164 where the number allows it (`+46701234567`); see {@link toE164}. */
  readonly to: string;
  readonly text: string;
  readonly patientId: string | null;
  readonly reminderId: string | null;
}

/** Sends SMS; resolves to the provider's id, rejects when the provider did not take it. */
export interface SmsProvider {
  readonly kind: '46elks' | 'outbox' | 'test';
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

/** A provider refused a message or could not be reached; retried by the job. */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

/** A phone number as stored (`+46 70-123 45 67`) with spaces, dashes and brackets removed. */
export function toE164(phone: string): string {
  return phone.replace(/[\s()-]/g, '');
}

/**
 * The 46elks SMS API (Sweden): `POST {url}` with HTTP Basic authentication and a form body of
 * `from`, `to` (E.164) and `message`; the answer is JSON with the message's `id`. Any other
 * provider with the same shape works by changing `SMS_API_URL`.
 */
export function createHttpSmsProvider(options: {
  url: string;
  username: string;
  password: string;
  from: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): SmsProvider {
  const doFetch = options.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
  return {
    kind: '46elks',
    async send(message) {
      const body = new URLSearchParams({
        from: options.from,
        to: toE164(message.to),
        message: message.text,
      });
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new SmsError(
          `the SMS provider could not be reached: ${error instanceof Error ? error.name : 'error'}`,
          null,
        );
      }
      const text = await response.text();
      if (!response.ok) {
        // The provider's words may echo the message; keep only the status in errors and logs.
        throw new SmsError(`the SMS provider answered HTTP ${response.status}`, response.status);
      }
      let id: unknown;
      try {
        id = (JSON.parse(text) as { id?: unknown }).id;
      } catch {
        id = undefined;
      }
      if (typeof id !== 'string' || id === '') {
        throw new SmsError('the SMS provider answered without a message id', response.status);
      }
      return { providerMessageId: id };
    },
  };
}

/** Development and tests: SMS kept in `outbox_messages` for staff to read. */
export function createOutboxSms(db: Db, clock: Clock): SmsProvider {
  return {
    kind: 'outbox',
    async send(message) {
      const row = await insertOutboxMessage(db, {
        patientId: message.patientId,
        channel: 'sms',
        recipient: message.to,
        subject: null,
        body: message.text,
        reminderId: message.reminderId,
        now: clock.now(),
      });
      return { providerMessageId: `outbox:${row.id}` };
    },
  };
}
