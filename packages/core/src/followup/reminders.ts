import type { ReminderChannel, ReminderPolicy } from '@workup/contracts';
import { addDays } from '../rtw/dates';
import { zonedTimeToInstant } from './time-zone';

/** A reminder to send: its number within the assignment (1 is the first) and when. */
export interface PlannedReminder {
  readonly sequence: number;
  readonly sendAt: Date;
}

/**
 * The reminders a policy gives one window: on each listed day after the window opens, at the
 * policy's local time in the schedule's zone, only before the window closes, at most
 * `maxReminders`. Numbered 1, 2, ... in order.
 */
export function reminderTimes(
  policy: ReminderPolicy,
  window: { readonly opensOn: string; readonly closesAt: Date },
  timeZone: string,
): PlannedReminder[] {
  return policy.daysAfterOpening
    .map((days) => zonedTimeToInstant(addDays(window.opensOn, days), policy.sendAt, timeZone))
    .filter((sendAt) => sendAt.getTime() < window.closesAt.getTime())
    .slice(0, policy.maxReminders)
    .map((sendAt, index) => ({ sequence: index + 1, sendAt }));
}

/**
 * The reminders still to queue for a window at `now`, given those already sent: future ones as
 * planned; of the ones whose time has passed unsent, none, except that a window no reminder was
 * sent for yet gets the latest of them at once (a patient included at noon still gets the
 * invitation the policy would have sent at nine). Nothing once the window has closed.
 */
export function remindersToQueue(
  policy: ReminderPolicy,
  window: { readonly opensOn: string; readonly closesAt: Date },
  timeZone: string,
  state: { readonly now: Date; readonly sentSequences: readonly number[] },
): PlannedReminder[] {
  const now = state.now.getTime();
  if (now >= window.closesAt.getTime()) return [];
  const sent = new Set(state.sentSequences);
  const planned = reminderTimes(policy, window, timeZone).filter(
    (reminder) => !sent.has(reminder.sequence),
  );
  const future = planned.filter((reminder) => reminder.sendAt.getTime() >= now);
  const past = planned.filter((reminder) => reminder.sendAt.getTime() < now);
  const catchUp = past.at(-1);
  if (sent.size === 0 && catchUp !== undefined) {
    return [{ sequence: catchUp.sequence, sendAt: state.now }, ...future];
  }
  return future;
}

/** The first channel of the policy the patient can be reached on; null when none. */
export function chooseChannel(
  channels: readonly ReminderChannel[],
  contact: { readonly email: string | null; readonly phone: string | null },
): ReminderChannel | null {
  for (const channel of channels) {
    if (channel === 'email' && contact.email) return 'email';
    if (channel === 'sms' && contact.phone) return 'sms';
  }
  return null;
}
