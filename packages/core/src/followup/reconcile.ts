import type { PlannedAssignment } from './schedule';
import { windowInstants } from './schedule';

/** An assignment as stored, reduced to what reconciling needs. */
export interface ExistingAssignment {
  readonly id: string;
  readonly timepoint: string;
  readonly opensOn: string;
  readonly dueOn: string;
  readonly closesOn: string;
  readonly targetOn: string;
  readonly instruments: readonly string[];
  /** When its window opened and its questionnaire link was issued; null while pending. */
  readonly openedAt: Date | null;
  readonly completedAt: Date | null;
  readonly cancelledAt: Date | null;
}

/** What to do to bring stored assignments in line with a new plan. */
export interface Reconciliation {
  /** New timepoints (or new to this patient) whose window has not closed yet. */
  readonly create: PlannedAssignment[];
  /** Pending assignments whose dates or instruments change (a cancelled one comes back). */
  readonly move: { readonly id: string; readonly planned: PlannedAssignment }[];
  /** Pending assignments the schedule no longer has, or whose new window has already closed. */
  readonly cancel: string[];
  /** Assignments left as they are: answered, already opened, or unchanged. */
  readonly keep: string[];
  /** Planned timepoints not created because their window closed before `now`. */
  readonly skipped: string[];
}

const sameDates = (existing: ExistingAssignment, planned: PlannedAssignment) =>
  existing.targetOn === planned.targetOn &&
  existing.opensOn === planned.opensOn &&
  existing.dueOn === planned.dueOn &&
  existing.closesOn === planned.closesOn &&
  existing.instruments.length === planned.instruments.length &&
  existing.instruments.every((id, index) => planned.instruments[index] === id);

/**
 * Matches stored assignments to a new plan by timepoint name, after the inclusion date or the
 * schedule changed. Only pending assignments move: one that was answered, or whose window has
 * opened (the patient holds its link), keeps its dates. A pending assignment whose timepoint is
 * gone, or whose new window closed before `now`, is cancelled; a new timepoint is created unless
 * its window has already closed. Every stored id ends up in exactly one of move, cancel, keep.
 */
export function reconcileAssignments(
  existing: readonly ExistingAssignment[],
  planned: readonly PlannedAssignment[],
  timeZone: string,
  now: Date,
): Reconciliation {
  const closed = (plan: PlannedAssignment) =>
    windowInstants(plan, timeZone).closesAt.getTime() <= now.getTime();
  const byTimepoint = new Map(existing.map((row) => [row.timepoint, row]));
  const plannedNames = new Set(planned.map((plan) => plan.timepoint));
  const result: {
    create: PlannedAssignment[];
    move: { id: string; planned: PlannedAssignment }[];
    cancel: string[];
    keep: string[];
    skipped: string[];
  } = { create: [], move: [], cancel: [], keep: [], skipped: [] };

  for (const plan of planned) {
    const row = byTimepoint.get(plan.timepoint);
    if (!row) {
      if (closed(plan)) result.skipped.push(plan.timepoint);
      else result.create.push(plan);
      continue;
    }
    if (row.completedAt !== null || row.openedAt !== null) {
      result.keep.push(row.id);
    } else if (closed(plan)) {
      if (row.cancelledAt === null) result.cancel.push(row.id);
      else result.keep.push(row.id);
    } else if (row.cancelledAt !== null || !sameDates(row, plan)) {
      result.move.push({ id: row.id, planned: plan });
    } else {
      result.keep.push(row.id);
    }
  }
  for (const row of existing) {
    if (plannedNames.has(row.timepoint)) continue;
    const pending = row.completedAt === null && row.openedAt === null;
    if (pending && row.cancelledAt === null) result.cancel.push(row.id);
    else result.keep.push(row.id);
  }
  return result;
}
