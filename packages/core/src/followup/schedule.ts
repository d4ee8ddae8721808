/**
 * Schedule arithmetic: a schedule's timepoints and series, laid out from a patient's inclusion
 * date into dated windows. Months follow the end-of-month rule of `addMonths` (inclusion on
 * 31 August, month 6 is 28 or 29 February), weeks are 7 days. All dates are calendar dates
 * (`YYYY-MM-DD`); instants come from the schedule's time zone (time-zone.ts).
 */
import type {
  FollowupWindow,
  Offset,
  ScheduleDefinition,
  ScheduleTimepoint,
} from '@workup/contracts';
import { addDays, addMonths, toDayNumber } from '../rtw/dates';
import { startOfLocalDay } from './time-zone';

/**
 * One timepoint of a schedule, with series expanded (`week_1`, `week_2`...): its target is
 * `offset` after inclusion plus `extraDays` (the steps of a series).
 */
export interface ScheduleOccurrence extends ScheduleTimepoint {
  readonly extraDays: number;
}

/** A timepoint laid out for one patient: the target date and its window's three dates. */
export interface PlannedAssignment {
  readonly timepoint: string;
  readonly instruments: readonly string[];
  readonly targetOn: string;
  /** The first day the questionnaire can be answered. */
  readonly opensOn: string;
  /** The last day it should be answered; after it the assignment is overdue. */
  readonly dueOn: string;
  /** The last day it can be answered; after it, unanswered, it is missed. */
  readonly closesOn: string;
}

/** The date `offset` after `date`. */
export function addOffset(date: string, offset: Offset): string {
  switch (offset.unit) {
    case 'days':
      return addDays(date, offset.value);
    case 'weeks':
      return addDays(date, offset.value * 7);
    case 'months':
      return addMonths(date, offset.value);
  }
}

/**
 * Every timepoint of a schedule with its series expanded, in the order written (timepoints,
 * then each series). Throws on a timepoint name used twice: names identify assignments when a
 * schedule changes, so they must be unique (the API checks this first; see
 * {@link duplicateTimepoints}).
 */
export function expandSchedule(definition: ScheduleDefinition): ScheduleOccurrence[] {
  const occurrences: ScheduleOccurrence[] = definition.timepoints.map((timepoint) => ({
    ...timepoint,
    extraDays: 0,
  }));
  for (const series of definition.series) {
    const stepDays = series.every.unit === 'weeks' ? series.every.value * 7 : series.every.value;
    for (let index = 0; index < series.count; index += 1) {
      occurrences.push({
        timepoint: `${series.prefix}_${index + 1}`,
        // The n-th occurrence: the first offset, then n-1 steps of whole days.
        offset: series.first,
        extraDays: index * stepDays,
        instruments: series.instruments,
        window: series.window,
      });
    }
  }
  const duplicates = duplicateTimepoints(occurrences);
  if (duplicates.length > 0) {
    throw new RangeError(`timepoint names used more than once: ${duplicates.join(', ')}`);
  }
  return occurrences;
}

/** Names that occur more than once among a schedule's (expanded) timepoints. */
export function duplicateTimepoints(occurrences: readonly { timepoint: string }[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { timepoint } of occurrences) {
    if (seen.has(timepoint)) twice.add(timepoint);
    seen.add(timepoint);
  }
  return [...twice].sort();
}

/** The three dates of a window around a target date. */
export function windowDates(
  targetOn: string,
  window: FollowupWindow,
): { opensOn: string; dueOn: string; closesOn: string } {
  return {
    opensOn: addDays(targetOn, -window.opensBeforeDays),
    dueOn: addDays(targetOn, window.dueAfterDays),
    closesOn: addDays(targetOn, window.closesAfterDays),
  };
}

/**
 * The assignments a schedule gives a patient included on `inclusionOn`, sorted by opening date
 * (then by name). A window may open before inclusion (a baseline that opens the same day has
 * `opensBeforeDays: 0`); callers decide what to do with windows already closed.
 */
export function planAssignments(
  definition: ScheduleDefinition,
  inclusionOn: string,
): PlannedAssignment[] {
  return expandSchedule(definition)
    .map((occurrence) => {
      const targetOn = addDays(addOffset(inclusionOn, occurrence.offset), occurrence.extraDays);
      return {
        timepoint: occurrence.timepoint,
        instruments: [...occurrence.instruments],
        targetOn,
        ...windowDates(targetOn, occurrence.window),
      };
    })
    .sort(
      (a, b) =>
        toDayNumber(a.opensOn) - toDayNumber(b.opensOn) ||
        (a.timepoint < b.timepoint ? -1 : a.timepoint > b.timepoint ? 1 : 0),
    );
}

/**
 * The instants of a window in the schedule's zone: it opens at the start of `opensOn`, is
 * overdue from the start of the day after `dueOn` and closes at the start of the day after
 * `closesOn` (so the whole last day counts, whatever the zone's offset that day).
 */
export function windowInstants(
  planned: Pick<PlannedAssignment, 'opensOn' | 'dueOn' | 'closesOn'>,
  timeZone: string,
): { opensAt: Date; overdueAt: Date; closesAt: Date } {
  return {
    opensAt: startOfLocalDay(planned.opensOn, timeZone),
    overdueAt: startOfLocalDay(addDays(planned.dueOn, 1), timeZone),
    closesAt: startOfLocalDay(addDays(planned.closesOn, 1), timeZone),
  };
}
