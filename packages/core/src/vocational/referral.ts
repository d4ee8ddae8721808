import type {
  CareStep,
  ContactMode,
  ReferralEvent,
  ReferralRejection,
  ReferralState,
} from '@workup/contracts';

/**
 * The vocational-advice referral as a stepped-care state machine (SWAP, reference.md §19):
 * referred → accepted → in progress (contacts at steps 1 telephone, 2 face to face, 3 workplace
 * contact) → discharged with an outcome; or declined (before any contact) or withdrawn (before
 * discharge). Events carry their own timestamps (injected; core never reads the clock) and are
 * folded in order; the first event that does not fit is rejected with a code and a reason, and
 * nothing after it is applied.
 */

/**
 * Which contact modes each step allows. Step 1 telephone and step 2 face to face are SWAP's
 * steps (reference.md §19, step contents [U]); video as an alternative at steps 1 and 2 is our
 * assumption [U]. Step 3 is contact with the workplace, by telephone or a meeting, with consent.
 */
export const STEP_MODES: Readonly<Record<CareStep, readonly ContactMode[]>> = {
  1: ['telephone', 'video'],
  2: ['face_to_face', 'video'],
  3: ['employer_telephone', 'workplace_meeting'],
};

export type StepResult =
  | { readonly ok: true; readonly state: ReferralState }
  | { readonly ok: false; readonly code: string; readonly reason: string };

export type FoldResult =
  | { readonly ok: true; readonly state: ReferralState }
  | {
      readonly ok: false;
      readonly rejection: ReferralRejection;
      /** The state after the events before the rejected one; null if the first was rejected. */
      readonly state: ReferralState | null;
    };

const reject = (code: string, reason: string): StepResult => ({ ok: false, code, reason });

function instant(timestamp: string): number {
  return Date.parse(timestamp);
}

/** The latest timestamp the state has seen (events must not go back before it). */
function lastInstant(state: ReferralState): number {
  const times = [state.referredAt, state.acceptedAt, state.closedAt]
    .filter((t): t is string => t !== null)
    .map(instant);
  for (const contact of state.contacts) times.push(instant(contact.loggedAt));
  return Math.max(...times);
}

/** Apply one event to the state (null before the referral): the new state, or why not. */
export function applyReferralEvent(state: ReferralState | null, event: ReferralEvent): StepResult {
  if (state === null) {
    if (event.type !== 'referred') {
      return reject('not_referred', `A referral starts with "referred", not "${event.type}".`);
    }
    return {
      ok: true,
      state: {
        referralId: event.referralId,
        referrerId: event.referrerId,
        status: 'referred',
        referredAt: event.at,
        acceptedAt: null,
        adviserId: null,
        step: 0,
        contacts: [],
        closedAt: null,
        outcome: null,
        closeReason: null,
      },
    };
  }
  if (instant(event.at) < lastInstant(state)) {
    return reject(
      'out_of_order',
      `"${event.type}" at ${event.at} is earlier than the event before it.`,
    );
  }
  const { status } = state;
  if (status === 'discharged' || status === 'declined' || status === 'withdrawn') {
    return reject('closed', `The referral is ${status}; nothing more can happen to it.`);
  }
  switch (event.type) {
    case 'referred':
      return reject('already_referred', 'The referral has already been made.');
    case 'accepted':
      if (status !== 'referred') {
        return reject('already_accepted', 'The referral has already been accepted.');
      }
      return {
        ok: true,
        state: { ...state, status: 'accepted', acceptedAt: event.at, adviserId: event.adviserId },
      };
    case 'declined':
      if (status === 'in_progress') {
        return reject(
          'already_in_progress',
          'Advice has begun; end the referral with "discharged" or "withdrawn" instead.',
        );
      }
      return {
        ok: true,
        state: {
          ...state,
          status: 'declined',
          closedAt: event.at,
          closeReason: `declined by the ${event.by}: ${event.reason}`,
        },
      };
    case 'contact': {
      if (status === 'referred') {
        return reject(
          'not_accepted',
          'A contact can be logged only after the referral is accepted.',
        );
      }
      if (event.step > state.step + 1) {
        return reject(
          'step_skipped',
          `Step ${event.step} cannot come before step ${state.step + 1} (stepped care goes one step at a time).`,
        );
      }
      if (!STEP_MODES[event.step].includes(event.mode)) {
        return reject(
          'mode_not_allowed',
          `Step ${event.step} is ${STEP_MODES[event.step].join(' or ')}, not ${event.mode}.`,
        );
      }
      if (event.step === 3 && event.employerContactConsent !== true) {
        return reject(
          'no_employer_consent',
          "Step 3 contacts the workplace and needs the patient's consent to contact the employer.",
        );
      }
      const occurred = instant(event.occurredAt);
      if (occurred < instant(state.referredAt) || occurred > instant(event.at)) {
        return reject(
          'contact_time',
          `The contact at ${event.occurredAt} must lie between the referral (${state.referredAt}) and when it was logged (${event.at}).`,
        );
      }
      const step = event.step > state.step ? event.step : state.step;
      return {
        ok: true,
        state: {
          ...state,
          status: 'in_progress',
          step,
          contacts: [
            ...state.contacts,
            {
              occurredAt: event.occurredAt,
              loggedAt: event.at,
              step: event.step,
              mode: event.mode,
              notes: event.notes,
            },
          ],
        },
      };
    }
    case 'discharged':
      if (status !== 'in_progress') {
        return reject(
          'no_contact',
          'Discharge needs at least one contact; a referral without one is declined or withdrawn.',
        );
      }
      return {
        ok: true,
        state: { ...state, status: 'discharged', closedAt: event.at, outcome: event.outcome },
      };
    case 'withdrawn':
      return {
        ok: true,
        state: {
          ...state,
          status: 'withdrawn',
          closedAt: event.at,
          closeReason: `withdrawn by the ${event.by}: ${event.reason}`,
        },
      };
  }
}

/** Fold a referral's events in order into its state, or stop at the first invalid one. */
export function foldReferral(events: readonly ReferralEvent[]): FoldResult {
  if (events.length === 0) {
    return {
      ok: false,
      rejection: {
        index: 0,
        code: 'empty',
        reason: 'A referral needs at least its "referred" event.',
      },
      state: null,
    };
  }
  let state: ReferralState | null = null;
  for (const [index, event] of events.entries()) {
    const next = applyReferralEvent(state, event);
    if (!next.ok) {
      return { ok: false, rejection: { index, code: next.code, reason: next.reason }, state };
    }
    state = next.state;
  }
  if (state === null) throw new Error('unreachable: a non-empty fold has a state');
  return { ok: true, state };
}
