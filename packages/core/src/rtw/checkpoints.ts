import type { RtwPresetId } from '@workup/contracts';
import { fromDayNumber, isoWeekday, toDayNumber } from './dates';
import {
  RTW_PRESETS,
  type CheckpointAudience,
  type CheckpointRule,
  type CheckpointTiming,
  type VerificationTag,
} from './presets';
import { degreeSegments, joinSpells, type DegreePeriod } from './spells';

/**
 * Statutory checkpoints on the sick-leave timeline (reference.md §23), from the country
 * presets: what is due when, counted from the first day of the absence, and where each stands
 * on `today`. Pure: `today` and public holidays are arguments. The screens that show them to the
 * clinician and the employer come later.
 */

/**
 * - `upcoming`: due after `today`; `due_today`: due on `today`; `passed`: due before `today`.
 * - `not_reached`: the absence ended before the checkpoint's day.
 * - `not_applicable`: its condition is known to be false (e.g. absence not expected to exceed
 *   60 days).
 */
export type CheckpointStatus =
  'upcoming' | 'due_today' | 'passed' | 'not_reached' | 'not_applicable';

export interface Checkpoint {
  readonly code: string;
  readonly description: string;
  readonly preset: RtwPresetId;
  /** The date it falls on. */
  readonly due: string;
  /** Its calendar day of the absence (the first day of absence is day 1). */
  readonly dayOfAbsence: number;
  readonly audience: readonly CheckpointAudience[];
  readonly condition: CheckpointRule['condition'];
  /** Whether the condition holds: true, false, or null when unknown (the screen asks). */
  readonly applies: boolean | null;
  readonly status: CheckpointStatus;
  /** Days from `today` to `due`: negative once passed. */
  readonly daysUntil: number;
  readonly source: string;
  readonly tag: VerificationTag;
  readonly note?: string;
}

export interface CheckpointInput {
  readonly preset: RtwPresetId;
  /** The first day of the absence (of the spell, joined with the preset's gap). */
  readonly absenceStart: string;
  /** The last day of sick leave when the absence has ended; absent or null while ongoing. */
  readonly absenceEnd?: string | null | undefined;
  readonly today: string;
  /** Sweden's RTW plan is due only when the absence is expected to exceed 60 days. */
  readonly expectedOver60Days?: boolean | undefined;
  /** Public holidays, which are not working days (Finland's working-day counts). */
  readonly holidays?: readonly string[] | undefined;
}

/** Monday to Saturday, except holidays, are working days (FI preset, dayBasis [U]). */
function isWorkingDay(day: number, holidays: ReadonlySet<number>): boolean {
  return isoWeekday(day) !== 7 && !holidays.has(day);
}

/** The day a timing falls on, counted from the first day of absence `start`. */
function dueDay(timing: CheckpointTiming, start: number, holidays: ReadonlySet<number>): number {
  if (timing.kind === 'calendar_day') return start + timing.day - 1;
  let day = start;
  for (let counted = 0; counted < timing.count;) {
    day += 1;
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return day;
}

function conditionHolds(rule: CheckpointRule, input: CheckpointInput): boolean | null {
  if (rule.condition === null) return true;
  return input.expectedOver60Days ?? null;
}

/** Every checkpoint of `input.preset` for one absence, in date order. */
export function statutoryCheckpoints(input: CheckpointInput): Checkpoint[] {
  const preset = RTW_PRESETS[input.preset];
  const start = toDayNumber(input.absenceStart);
  const today = toDayNumber(input.today);
  const end =
    input.absenceEnd === undefined || input.absenceEnd === null
      ? null
      : toDayNumber(input.absenceEnd);
  if (end !== null && end < start) throw new RangeError('the absence ends before it starts');
  const holidays = new Set((input.holidays ?? []).map(toDayNumber));
  const checkpoints = preset.checkpoints.map((rule): Checkpoint => {
    const due = dueDay(rule.timing, start, holidays);
    const applies = conditionHolds(rule, input);
    const status: CheckpointStatus =
      applies === false
        ? 'not_applicable'
        : end !== null && end < due
          ? 'not_reached'
          : due < today
            ? 'passed'
            : due === today
              ? 'due_today'
              : 'upcoming';
    return {
      code: rule.code,
      description: rule.description,
      preset: preset.id,
      due: fromDayNumber(due),
      dayOfAbsence: due - start + 1,
      audience: rule.audience,
      condition: rule.condition,
      applies,
      status,
      daysUntil: due - today,
      source: rule.source,
      tag: rule.tag,
      ...(rule.note === undefined ? {} : { note: rule.note }),
    };
  });
  return checkpoints.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/**
 * The checkpoints of one person's current absence: the latest spell (joined with the preset's
 * gap, e.g. Norway's employer-period rule) that started on or before `today`. It is ongoing when
 * its last sick day is `today` or later; otherwise it ended on that day. `spell` is null and the
 * list empty when no absence has started by `today`.
 */
export function checkpointsForPeriods(
  periods: readonly DegreePeriod[],
  options: Omit<CheckpointInput, 'absenceStart' | 'absenceEnd'>,
): { spell: { from: string; to: string } | null; checkpoints: Checkpoint[] } {
  const preset = RTW_PRESETS[options.preset];
  const today = toDayNumber(options.today);
  const spells = joinSpells(degreeSegments(periods), preset.gapDays.value);
  const current = spells.filter((spell) => spell.from <= today).at(-1);
  if (current === undefined) return { spell: null, checkpoints: [] };
  const from = fromDayNumber(current.from);
  const to = fromDayNumber(current.to);
  return {
    spell: { from, to },
    checkpoints: statutoryCheckpoints({
      ...options,
      absenceStart: from,
      absenceEnd: current.to >= today ? null : to,
    }),
  };
}
