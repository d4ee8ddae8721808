import type { CheckpointView, EmployerView } from '@workup/contracts';

// What the employer sees. Kept apart from `cdm-model.ts` (which uses core's step rules) so the
// employer's chunk stays small: it needs only these two.

/** Whether the view holds anything beyond the dates (a withdrawn consent leaves only dates). */
export function hasSharedDetails(view: EmployerView): boolean {
  return (
    view.obstacles.length > 0 ||
    view.resources.length > 0 ||
    view.employerView.length > 0 ||
    view.possibleAdjustments.length > 0 ||
    view.actionPlan.length > 0
  );
}

/** Statutory deadlines that fall to the employer and are still ahead (or today), soonest first. */
export function employerDeadlines(checkpoints: readonly CheckpointView[]): CheckpointView[] {
  return checkpoints
    .filter(
      (checkpoint) =>
        checkpoint.audience.includes('employer') &&
        (checkpoint.status === 'upcoming' || checkpoint.status === 'due_today') &&
        checkpoint.applies !== false,
    )
    .sort((a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code));
}
