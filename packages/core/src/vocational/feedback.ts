import type {
  DischargeOutcome,
  ReferralEvent,
  ReferralRejection,
  ReferralState,
  ReferrerNotification,
} from '@workup/contracts';
import { applyReferralEvent } from './referral';

/**
 * The closed feedback loop (issue 7: SWAP's evaluation found no feedback to the GP): the
 * notifications due to the referring clinician — at acceptance, when each step starts, at
 * discharge with the outcome, and when the referral is declined or withdrawn by someone else.
 * They say what the service did (status, step, how, when, the outcome code), never contact notes
 * or anything else the referrer does not already have. Each has a stable key, so a sender that
 * records the keys it has sent can replay the events at any time and send each exactly once.
 */

const STEP_NAMES = {
  1: 'step 1 (telephone advice)',
  2: 'step 2 (face-to-face advice)',
  3: 'step 3 (contact with the workplace)',
} as const;

const OUTCOME_TEXT: Readonly<Record<DischargeOutcome, string>> = {
  stayed_at_work: 'stayed at work',
  returned_to_work: 'returned to work',
  partial_return_to_work: 'partly returned to work',
  still_off_work: 'still off work',
  left_employment: 'left their employment',
  referred_on: 'referred on to another service',
};

const dateOf = (timestamp: string) => timestamp.slice(0, 10);

export interface ReferralFeedback {
  readonly notifications: ReferrerNotification[];
  /** The first invalid event, if any: notifications stop before it. */
  readonly rejection: ReferralRejection | null;
}

function notification(
  state: ReferralState,
  fields: Omit<ReferrerNotification, 'key' | 'referralId' | 'to'> & { suffix: string },
): ReferrerNotification {
  const { suffix, ...rest } = fields;
  return {
    key: `vocational-referral:${state.referralId}:${suffix}`,
    referralId: state.referralId,
    to: { role: 'referrer', staffId: state.referrerId },
    ...rest,
  };
}

/** What one valid event makes due, given the states before and after it. */
function dueFor(
  before: ReferralState | null,
  after: ReferralState,
  event: ReferralEvent,
): ReferrerNotification[] {
  const none = { step: null, mode: null, outcome: null, by: null } as const;
  switch (event.type) {
    case 'referred':
      return [];
    case 'accepted':
      return [
        notification(after, {
          ...none,
          suffix: 'accepted',
          kind: 'accepted',
          dueAt: event.at,
          message: `The vocational advice service accepted your referral on ${dateOf(event.at)}.`,
        }),
      ];
    case 'contact':
      if (before !== null && event.step <= before.step) return [];
      return [
        notification(after, {
          ...none,
          suffix: `step:${event.step}`,
          kind: 'step_started',
          dueAt: event.at,
          step: event.step,
          mode: event.mode,
          message: `Vocational advice reached ${STEP_NAMES[event.step]} on ${dateOf(event.occurredAt)}.`,
        }),
      ];
    case 'discharged':
      return [
        notification(after, {
          ...none,
          suffix: 'discharged',
          kind: 'discharged',
          dueAt: event.at,
          outcome: event.outcome,
          message: `Vocational advice ended on ${dateOf(event.at)}: the patient ${OUTCOME_TEXT[event.outcome]}.`,
        }),
      ];
    case 'declined':
      return [
        notification(after, {
          ...none,
          suffix: 'declined',
          kind: 'declined',
          dueAt: event.at,
          by: event.by,
          message:
            event.by === 'patient'
              ? `The patient declined vocational advice on ${dateOf(event.at)}.`
              : `The vocational advice service declined the referral on ${dateOf(event.at)}.`,
        }),
      ];
    case 'withdrawn':
      // The referrer who withdrew it knows already.
      if (event.by === 'referrer') return [];
      return [
        notification(after, {
          ...none,
          suffix: 'withdrawn',
          kind: 'withdrawn',
          dueAt: event.at,
          by: event.by,
          message: `The referral to vocational advice was withdrawn by the ${event.by} on ${dateOf(event.at)}.`,
        }),
      ];
  }
}

/** The notifications due to the referring clinician from a referral's events, in order. */
export function referralNotifications(events: readonly ReferralEvent[]): ReferralFeedback {
  const notifications: ReferrerNotification[] = [];
  let state: ReferralState | null = null;
  for (const [index, event] of events.entries()) {
    const next = applyReferralEvent(state, event);
    if (!next.ok) {
      return { notifications, rejection: { index, code: next.code, reason: next.reason } };
    }
    notifications.push(...dueFor(state, next.state, event));
    state = next.state;
  }
  return { notifications, rejection: null };
}
