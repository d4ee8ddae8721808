import type { ReminderChannel } from '@workup/contracts';

export const MESSAGE_LANGUAGES = ['en', 'sv'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** What a reminder may say. Deliberately no instrument, timepoint, score or diagnosis. */
export interface ReminderMessageInput {
  readonly channel: ReminderChannel;
  readonly language: MessageLanguage;
  /** The patient's questionnaire link, with its token. */
  readonly link: string;
  /** The last day to answer (`YYYY-MM-DD`). */
  readonly dueOn: string;
  /** Who sends it, e.g. the site's name; no unit or specialty. */
  readonly senderName: string;
  /** 1 for the first message about this questionnaire, more for later reminders. */
  readonly sequence: number;
}

export interface ReminderMessage {
  /** E-mail only; null for SMS. */
  readonly subject: string | null;
  readonly text: string;
}

const TEXTS = {
  en: {
    subjectFirst: (sender: string) => `${sender}: a questionnaire for you`,
    subjectLater: (sender: string) => `${sender}: a reminder about your questionnaire`,
    first: 'You have a short questionnaire waiting.',
    later: 'A reminder: your questionnaire is still waiting.',
    due: (dueOn: string) => `Please answer by ${dueOn}.`,
    open: 'Open it here:',
    ignore: 'If you have already answered, you can ignore this message.',
  },
  sv: {
    subjectFirst: (sender: string) => `${sender}: ett frågeformulär till dig`,
    subjectLater: (sender: string) => `${sender}: en påminnelse om ditt frågeformulär`,
    first: 'Du har ett kort frågeformulär att besvara.',
    later: 'En påminnelse: ditt frågeformulär väntar fortfarande.',
    due: (dueOn: string) => `Svara gärna senast ${dueOn}.`,
    open: 'Öppna det här:',
    ignore: 'Om du redan har svarat kan du bortse från detta meddelande.',
  },
} as const satisfies Record<MessageLanguage, unknown>;

/**
 * The words of a reminder, rendered when it is sent (never when it is queued), so that it carries
 * the link and due date in force at that moment. It carries the link and nothing about the
 * patient's health: no instrument, timepoint, diagnosis or answer.
 */
export function renderReminder(input: ReminderMessageInput): ReminderMessage {
  const texts = TEXTS[input.language];
  const opening = input.sequence <= 1 ? texts.first : texts.later;
  if (input.channel === 'sms') {
    return {
      subject: null,
      text: `${input.senderName}: ${opening} ${texts.due(input.dueOn)} ${input.link}`,
    };
  }
  return {
    subject:
      input.sequence <= 1
        ? texts.subjectFirst(input.senderName)
        : texts.subjectLater(input.senderName),
    text: [opening, texts.due(input.dueOn), '', texts.open, input.link, '', texts.ignore, ''].join(
      '\n',
    ),
  };
}
