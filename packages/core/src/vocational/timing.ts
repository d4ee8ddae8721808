import type { EligibilityInput, TimingHint, TimingWindow } from '@workup/contracts';
import { addDays, addMonths } from '../rtw/index';
import { workSituation, type EligibilityOptions } from './eligibility';

/**
 * The timing hint: SWAP's own evaluation found referrals at the wrong time (issue 7), so the
 * service is offered inside a watchful-waiting window counted from the anchor — the first day of
 * the current sick-leave spell or, for someone at work, the episode's onset. Before the window
 * opens most people recover without help (too early); from `closesAfterMonths` on, SWAP's
 * eligibility limit of 6 months' absence is reached (late).
 */

/**
 * Default window: opens after 28 days (4 weeks, where NICE PH19 starts to call sickness absence
 * long-term, reference.md §23.1 [V1]; using it as the opening of the window is our choice [U]),
 * closes at 6 months (SWAP's eligibility limit, reference.md §19 [V2]).
 */
export const DEFAULT_TIMING_WINDOW: TimingWindow = { opensAfterDays: 28, closesAfterMonths: 6 };

/**
 * MI-NAV's timing: recruited after 7 weeks of sick leave (reference.md §20 [V2]); the close at 6
 * months is SWAP's limit again [U as an MI-NAV rule].
 */
export const MI_NAV_TIMING_WINDOW: TimingWindow = { opensAfterDays: 49, closesAfterMonths: 6 };

/** Whether `asOf` is too early, the right time or late for a referral, with the dates. */
export function referralTiming(
  input: EligibilityInput,
  window: TimingWindow = DEFAULT_TIMING_WINDOW,
  options: EligibilityOptions = {},
): TimingHint {
  const situation = workSituation(input, options);
  const onset = input.episode?.onsetOn ?? null;
  const anchor =
    situation.situation === 'on_sick_leave'
      ? situation.absenceStart === null
        ? null
        : { kind: 'sick_leave_start' as const, date: situation.absenceStart }
      : onset === null
        ? null
        : { kind: 'episode_onset' as const, date: onset };
  if (anchor === null) {
    return {
      timing: 'unknown',
      asOf: input.asOf,
      anchor: null,
      opensOn: null,
      closesOn: null,
      window,
      reason:
        situation.situation === 'on_sick_leave'
          ? 'On sick leave, but since when is not known.'
          : 'Neither a current sick-leave spell nor the onset of the pain is known.',
    };
  }
  const opensOn = addDays(anchor.date, window.opensAfterDays);
  const closesOn = addDays(addMonths(anchor.date, window.closesAfterMonths), -1);
  const from =
    anchor.kind === 'sick_leave_start'
      ? `sick leave began on ${anchor.date}`
      : `pain began on ${anchor.date}`;
  const base = { asOf: input.asOf, anchor, opensOn, closesOn, window };
  if (input.asOf < opensOn) {
    return {
      ...base,
      timing: 'too_early',
      reason: `Too early: ${from}; the window for a referral opens on ${opensOn} (after ${window.opensAfterDays} days of watchful waiting).`,
    };
  }
  if (input.asOf <= closesOn) {
    return {
      ...base,
      timing: 'right_time',
      reason: `The right time: ${from}; the window runs from ${opensOn} to ${closesOn}.`,
    };
  }
  return {
    ...base,
    timing: 'late',
    reason: `Late: ${from}; the window closed on ${closesOn} (${window.closesAfterMonths} months).`,
  };
}
