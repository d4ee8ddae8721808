import type { FollowupState } from '@workup/contracts';

const SECONDS_PER_HUNDREDTH_DAY = 864;

/** One assignment as the completion dashboard counts it. */
export interface CompletionRow {
  readonly unitId: string;
  readonly timepoint: string;
  /** Days from inclusion to the target date; orders the timepoints. */
  readonly targetDay: number;
  readonly state: FollowupState;
  readonly responseDelaySeconds: number | null;
}

export interface TimepointCompletion {
  readonly timepoint: string;
  readonly eligible: number;
  readonly completed: number;
  readonly open: number;
  readonly overdue: number;
  readonly missed: number;
  readonly responseRate: number | null;
  readonly medianDelayDays: number | null;
  readonly meanDelayDays: number | null;
}

/** `seconds / 86400` rounded half up to 0.01 day, in exact integer steps. */
const hundredthsOfDay = (numeratorSeconds: number, divisor: number) =>
  Math.round(numeratorSeconds / (divisor * SECONDS_PER_HUNDREDTH_DAY)) / 100;

/** The median of whole seconds, in days to 0.01 (the mean of the middle two for an even count). */
export function medianDelayDays(delaysSeconds: readonly number[]): number | null {
  if (delaysSeconds.length === 0) return null;
  const sorted = [...delaysSeconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) return hundredthsOfDay(upper, 1);
  return hundredthsOfDay((sorted[middle - 1] ?? 0) + upper, 2);
}

/** The mean of whole seconds, in days to 0.01. */
export function meanDelayDays(delaysSeconds: readonly number[]): number | null {
  if (delaysSeconds.length === 0) return null;
  const sum = delaysSeconds.reduce((total, value) => total + value, 0);
  return hundredthsOfDay(sum, delaysSeconds.length);
}

/**
 * Completion per unit and timepoint. An assignment is eligible once its window has opened
 * (open, overdue, completed or missed); scheduled, withdrawn and cancelled ones do not count.
 * The response rate is completed / eligible, unrounded; delays are those of the completed ones.
 * Units sorted by id, timepoints by their target day and then name.
 */
export function summariseCompletion(
  rows: readonly CompletionRow[],
): { unitId: string; timepoints: TimepointCompletion[] }[] {
  const units = new Map<string, Map<string, { targetDay: number; rows: CompletionRow[] }>>();
  for (const row of rows) {
    let timepoints = units.get(row.unitId);
    if (!timepoints) {
      timepoints = new Map();
      units.set(row.unitId, timepoints);
    }
    const entry = timepoints.get(row.timepoint);
    if (entry) {
      entry.rows.push(row);
      entry.targetDay = Math.min(entry.targetDay, row.targetDay);
    } else {
      timepoints.set(row.timepoint, { targetDay: row.targetDay, rows: [row] });
    }
  }
  return [...units.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, timepoints]) => ({
      unitId,
      timepoints: [...timepoints.entries()]
        .sort(
          ([nameA, a], [nameB, b]) =>
            a.targetDay - b.targetDay || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
        )
        .map(([timepoint, entry]) => {
          const count = (state: FollowupState) =>
            entry.rows.filter((row) => row.state === state).length;
          const completed = count('completed');
          const open = count('open');
          const overdue = count('overdue');
          const missed = count('missed');
          const eligible = completed + open + overdue + missed;
          const delays = entry.rows
            .filter((row) => row.state === 'completed' && row.responseDelaySeconds !== null)
            .map((row) => row.responseDelaySeconds ?? 0);
          return {
            timepoint,
            eligible,
            completed,
            open,
            overdue,
            missed,
            responseRate: eligible === 0 ? null : completed / eligible,
            medianDelayDays: medianDelayDays(delays),
            meanDelayDays: meanDelayDays(delays),
          };
        }),
    }));
}
