import type { FollowupState } from '@workup/contracts';

/** What decides an assignment's state besides the clock. */
export interface AssignmentFacts {
  /** The window's instants (schedule.ts `windowInstants`). */
  readonly opensAt: Date;
  readonly overdueAt: Date;
  readonly closesAt: Date;
  /** When the last of its questionnaires was answered; null while any is unanswered. */
  readonly completedAt: Date | null;
  /** When the patient was withdrawn from follow-up; null while enrolled. */
  readonly withdrawnAt: Date | null;
  /** When a schedule change removed the timepoint; null otherwise. */
  readonly cancelledAt: Date | null;
}

/**
 * The state of a follow-up assignment at `now`. Answered wins over everything (an answer given
 * before a withdrawal or a change still counts); a removed timepoint is `cancelled`; after a
 * withdrawal it is `withdrawn`, unless its window had already closed unanswered by then (it was
 * `missed` before the patient left). Otherwise the clock decides: before the window `scheduled`,
 * then `open`, `overdue` from the day after it was due, `missed` once it has closed.
 */
export function followupState(facts: AssignmentFacts, now: Date): FollowupState {
  if (facts.completedAt !== null) return 'completed';
  if (facts.cancelledAt !== null) return 'cancelled';
  const t = now.getTime();
  if (facts.withdrawnAt !== null && facts.withdrawnAt.getTime() <= t) {
    return facts.closesAt.getTime() <= facts.withdrawnAt.getTime() ? 'missed' : 'withdrawn';
  }
  if (t < facts.opensAt.getTime()) return 'scheduled';
  if (t < facts.overdueAt.getTime()) return 'open';
  if (t < facts.closesAt.getTime()) return 'overdue';
  return 'missed';
}

/** Whether reminders may still go out in this state. */
export function mayRemind(state: FollowupState): boolean {
  return state === 'open' || state === 'overdue';
}

/** Whole seconds from the window's opening to the answer; never negative. */
export function responseDelaySeconds(openedAt: Date, submittedAt: Date): number {
  return Math.max(0, Math.floor((submittedAt.getTime() - openedAt.getTime()) / 1000));
}
