import type {
  FollowUp,
  RtwInput,
  RtwPersonResult,
  RtwPresetId,
  RtwResult,
  RtwSpell,
} from '@workup/contracts';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './dates';
import { degreeNotAllowedReason, RTW_PRESETS, type RtwPreset } from './presets';
import {
  countDays,
  degreeSegments,
  joinSpells,
  netDaysFromUnits,
  unitsOnDay,
  NET_UNITS_PER_DAY,
  type DegreePeriod,
  type DegreeSegment,
  type Spell,
} from './spells';

/**
 * Return to work (contracts.md §4, `workup rtw`, definitions 1-5, implemented literally; the
 * worked examples are in docs/rtw.md and cases.json). Pure: no clock, all dates are arguments.
 */

/** Changes whenever a definition or its reading changes, so outputs can be told apart. */
export const RTW_ALGORITHM_VERSION = '1.0.0';

/**
 * Days without sick leave that make a return to work sustained (contracts.md §4 default;
 * reference.md §23.1: WorkUp's ≥ 4 consecutive weeks [V2]; Norwegian trials' 1 month [V1]).
 */
export const DEFAULT_SUSTAINED_RTW_DAYS = 28;

/** Spells join over no day without sick leave unless a preset or `gapDays` says otherwise. */
export const DEFAULT_GAP_DAYS = 0;

export interface RtwOptions {
  /** Country preset; its gap applies unless `gapDays` is given. */
  readonly preset?: RtwPresetId | undefined;
  /** Overrides the preset's gap (`--gap`). */
  readonly gapDays?: number | undefined;
  /** Run of days without sick leave for sustained RTW (`--sustained`), default 28. */
  readonly sustainedDays?: number | undefined;
}

/** The parameters a run uses, after defaults and the preset. */
export interface RtwParameters {
  readonly preset: RtwPreset | null;
  readonly gapDays: number;
  readonly sustainedDays: number;
}

/** Applies the rule "`--gap` overrides the preset's; with neither, 0" and the 28-day default. */
export function resolveRtwParameters(options: RtwOptions = {}): RtwParameters {
  const preset = options.preset === undefined ? null : RTW_PRESETS[options.preset];
  const gapDays = options.gapDays ?? preset?.gapDays.value ?? DEFAULT_GAP_DAYS;
  const sustainedDays = options.sustainedDays ?? DEFAULT_SUSTAINED_RTW_DAYS;
  if (!Number.isSafeInteger(gapDays) || gapDays < 0) {
    throw new RangeError(`gap must be a whole number of days >= 0: ${gapDays}`);
  }
  if (!Number.isSafeInteger(sustainedDays) || sustainedDays < 1) {
    throw new RangeError(`sustained must be a whole number of days >= 1: ${sustainedDays}`);
  }
  return { preset, gapDays, sustainedDays };
}

/** One person's sick leave, prepared once: segments (definition 1) and spells (definition 2). */
interface Timeline {
  readonly segments: readonly DegreeSegment[];
  readonly spells: readonly Spell[];
}

function timeline(periods: readonly DegreePeriod[], gapDays: number): Timeline {
  const segments = degreeSegments(periods);
  return { segments, spells: joinSpells(segments, gapDays) };
}

/** The spells whose span overlaps the window (ongoing at `start`, or starting by `end`). */
function spellsInWindow(spells: readonly Spell[], start: number, end: number): Spell[] {
  return spells.filter((spell) => spell.to >= start && spell.from <= end);
}

/**
 * Definition 4: the first day `d` on or after `from` that starts a run of `sustainedDays` days
 * without sick leave (degree 0), the whole run within follow-up (`d + sustainedDays - 1 <= end`).
 */
function firstSickFreeRun(
  segments: readonly DegreeSegment[],
  from: number,
  end: number,
  sustainedDays: number,
): number | null {
  let candidate = from;
  for (const segment of segments) {
    if (segment.to < candidate) continue;
    const runEnd = candidate + sustainedDays - 1;
    if (runEnd > end) return null;
    if (segment.from > runEnd) return candidate;
    candidate = segment.to + 1;
  }
  return candidate + sustainedDays - 1 <= end ? candidate : null;
}

/** Definitions 2-5 for one person's periods. */
export function computePersonRtw(
  person: string,
  periods: readonly DegreePeriod[],
  followUp: FollowUp,
  parameters: Pick<RtwParameters, 'gapDays' | 'sustainedDays'>,
): RtwPersonResult {
  const start = toDayNumber(followUp.start);
  const end = toDayNumber(followUp.end);
  if (end < start) throw new RangeError('follow-up ends before it starts');
  const { segments, spells } = timeline(periods, parameters.gapDays);
  const inWindow = spellsInWindow(spells, start, end);

  let grossDays = 0;
  let netUnits = 0;
  const spellResults: RtwSpell[] = inWindow.map((spell) => {
    const counted = countDays(spell.segments, start, end);
    grossDays += counted.grossDays;
    netUnits += counted.netUnits;
    return {
      from: fromDayNumber(spell.from),
      to: fromDayNumber(spell.to),
      grossDays: counted.grossDays,
      netDays: netDaysFromUnits(counted.netUnits),
    };
  });

  // Definition 3: the index spell is the first spell ongoing at inclusion or starting after it,
  // up to the end of follow-up: the first spell of the window.
  const index = inWindow[0];
  const rtwDay = index !== undefined && index.to + 1 <= end ? index.to + 1 : null;
  const sustainedDay =
    rtwDay === null ? null : firstSickFreeRun(segments, rtwDay, end, parameters.sustainedDays);

  return {
    person,
    spells: spellResults,
    grossDays,
    netDays: netDaysFromUnits(netUnits),
    rtw: rtwDay === null ? null : fromDayNumber(rtwDay),
    sustainedRtw: sustainedDay === null ? null : fromDayNumber(sustainedDay),
    // Definition 5 (a person with no spell in the window is never on sick leave on `end`).
    censored: unitsOnDay(segments, end) > 0,
  };
}

/** Groups periods by person, persons in code-unit order of their ids (a stable output order). */
function byPerson<T extends { readonly person: string }>(periods: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const period of periods) {
    const group = groups.get(period.person);
    if (group === undefined) groups.set(period.person, [period]);
    else group.push(period);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `workup rtw` (contracts.md §4): spells, gross and net days in the follow-up window, RTW,
 * sustained RTW and censoring for every person in `input.periods`. The input is a validated
 * `RtwInput`; degrees a preset does not allow are checked with `presetDegreeIssues` first.
 */
export function computeRtw(input: RtwInput, options: RtwOptions = {}): RtwResult {
  const parameters = resolveRtwParameters(options);
  return {
    preset: parameters.preset?.id ?? null,
    algorithmVersion: RTW_ALGORITHM_VERSION,
    persons: byPerson(input.periods).map(([person, periods]) =>
      computePersonRtw(person, periods, input.followUp, parameters),
    ),
  };
}

/** A problem with one period: its index in the input and the message. */
export interface PeriodIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The periods whose degree `preset` does not allow (reported, never clamped). */
export function presetDegreeIssues(
  periods: readonly { readonly degree: number }[],
  preset: RtwPresetId,
): PeriodIssue[] {
  const rules = RTW_PRESETS[preset];
  const issues: PeriodIssue[] = [];
  periods.forEach((period, index) => {
    const reason = degreeNotAllowedReason(rules, period.degree);
    if (reason !== null) issues.push({ path: ['periods', index, 'degree'], message: reason });
  });
  return issues;
}

/**
 * The window of `months` calendar months from inclusion: `[inclusion, inclusion + months - 1 day]`
 * (e.g. 6 months from 2024-01-15 is 2024-01-15..2024-07-14; from 2024-08-31 it ends 2025-02-27,
 * the day before 2025-02-28).
 */
export function monthsAfterInclusion(inclusion: string, months: number): FollowUp {
  if (!Number.isSafeInteger(months) || months < 1) {
    throw new RangeError(`months must be a whole number >= 1: ${months}`);
  }
  return { start: inclusion, end: addDays(addMonths(inclusion, months), -1) };
}

/**
 * Days of sickness absence in a window (e.g. 6 and 12 months after inclusion, reference.md
 * §20 and §23.1): gross days, net days (weighted by degree) and the number of spells with a sick
 * day in the window. The overlap rule of definition 1 applies; spells are joined over `gapDays`.
 */
export function absenceInWindow(
  periods: readonly DegreePeriod[],
  window: FollowUp,
  gapDays: number = DEFAULT_GAP_DAYS,
): { grossDays: number; netDays: number; spells: number } {
  const start = toDayNumber(window.start);
  const end = toDayNumber(window.end);
  const { spells } = timeline(periods, gapDays);
  let grossDays = 0;
  let netUnits = 0;
  let spellCount = 0;
  for (const spell of spells) {
    const counted = countDays(spell.segments, start, end);
    if (counted.grossDays > 0) spellCount += 1;
    grossDays += counted.grossDays;
    netUnits += counted.netUnits;
  }
  return { grossDays, netDays: netDaysFromUnits(netUnits), spells: spellCount };
}

/**
 * Partial return to work (not part of `workup rtw`'s output): the first day within follow-up,
 * on or after the index spell's first day, on which the degree is below 100 %, i.e. the first day
 * the person works at all. It is a graded day or a day without sick leave inside the index spell,
 * or else the day after it (= `rtw`); null when there is no index spell or no such day by `end`.
 * When the index spell starts graded, partial RTW is on its first day (or inclusion, if later).
 */
export function partialRtw(
  periods: readonly DegreePeriod[],
  followUp: FollowUp,
  gapDays: number = DEFAULT_GAP_DAYS,
): string | null {
  const start = toDayNumber(followUp.start);
  const end = toDayNumber(followUp.end);
  const index = spellsInWindow(timeline(periods, gapDays).spells, start, end)[0];
  if (index === undefined) return null;
  let day = Math.max(index.from, start);
  for (const segment of index.segments) {
    if (segment.to < day) continue;
    if (segment.from > day || segment.units < NET_UNITS_PER_DAY) break;
    day = segment.to + 1;
  }
  return day <= end ? fromDayNumber(day) : null;
}
