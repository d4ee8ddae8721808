import { toDayNumber } from './dates';

/**
 * The day-by-day degree of sick leave and the spells it forms (contracts.md §4, definitions 1
 * and 2). Days are day numbers (`dates.ts`); degrees are whole hundredths of a percent
 * (100 % = 10,000) so that net days are sums of integers, divided once at the end: exact to the
 * last decimal, never a running sum of fractions.
 */

/** Hundredths of a percent in a whole day at 100 %: net days = net units / this. */
export const NET_UNITS_PER_DAY = 10_000;

/** A period as core reads it: `from`/`to` inclusive `YYYY-MM-DD`, `degree` in percent. */
export interface DegreePeriod {
  readonly from: string;
  readonly to: string;
  readonly degree: number;
}

/** Consecutive days with the same degree > 0: `from`/`to` inclusive day numbers. */
export interface DegreeSegment {
  readonly from: number;
  readonly to: number;
  /** Degree in hundredths of a percent, 1-10,000. */
  readonly units: number;
}

/** A spell: sick days joined over gaps of at most `gapDays` days without sick leave. */
export interface Spell {
  /** First sick day (day number). */
  readonly from: number;
  /** Last sick day (day number). */
  readonly to: number;
  /** Its sick days, in order; the days between segments have no sick leave. */
  readonly segments: readonly DegreeSegment[];
}

/** A degree in percent (at most two decimals, validated at the boundary) in hundredths. */
export function degreeUnits(degreePercent: number): number {
  const units = Math.round(degreePercent * 100);
  if (units < 0 || units > NET_UNITS_PER_DAY || units / 100 !== degreePercent) {
    throw new RangeError(`degree must be 0-100 with at most two decimals: ${degreePercent}`);
  }
  return units;
}

/**
 * Definition 1: each day's degree is the highest degree of the periods covering it (so never
 * above 100 %). Returns the sick days (degree > 0) as maximal runs of one degree, in order.
 */
export function degreeSegments(periods: readonly DegreePeriod[]): DegreeSegment[] {
  const spans = periods.map((period) => {
    const from = toDayNumber(period.from);
    const to = toDayNumber(period.to);
    if (to < from)
      throw new RangeError(`period ends before it starts: ${period.from}..${period.to}`);
    return { from, to, units: degreeUnits(period.degree) };
  });
  // Between two consecutive boundaries the set of covering periods does not change.
  const boundaries = [...new Set(spans.flatMap((span) => [span.from, span.to + 1]))].sort(
    (a, b) => a - b,
  );
  const segments: DegreeSegment[] = [];
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const from = boundaries[index] ?? 0;
    const to = (boundaries[index + 1] ?? 0) - 1;
    let units = 0;
    for (const span of spans) {
      if (span.from <= from && span.to >= from && span.units > units) units = span.units;
    }
    if (units === 0) continue;
    const last = segments.at(-1);
    if (last?.units === units && last.to + 1 === from) {
      segments[segments.length - 1] = { from: last.from, to, units };
    } else {
      segments.push({ from, to, units });
    }
  }
  return segments;
}

/**
 * Definition 2: sick days separated by at most `gapDays` days without sick leave belong to one
 * spell (gap 0 joins only sick days with no day between them).
 */
export function joinSpells(segments: readonly DegreeSegment[], gapDays: number): Spell[] {
  if (!Number.isSafeInteger(gapDays) || gapDays < 0) {
    throw new RangeError(`gap must be a whole number of days >= 0: ${gapDays}`);
  }
  const spells: { from: number; to: number; segments: DegreeSegment[] }[] = [];
  for (const segment of segments) {
    const current = spells.at(-1);
    if (current !== undefined && segment.from - current.to - 1 <= gapDays) {
      current.to = segment.to;
      current.segments.push(segment);
    } else {
      spells.push({ from: segment.from, to: segment.to, segments: [segment] });
    }
  }
  return spells;
}

/** Sick days and net units of `segments` within `[start, end]` (day numbers, inclusive). */
export function countDays(
  segments: readonly DegreeSegment[],
  start: number,
  end: number,
): { grossDays: number; netUnits: number } {
  let grossDays = 0;
  let netUnits = 0;
  for (const segment of segments) {
    const days = Math.min(segment.to, end) - Math.max(segment.from, start) + 1;
    if (days > 0) {
      grossDays += days;
      netUnits += days * segment.units;
    }
  }
  return { grossDays, netUnits };
}

/** Net days from net units: one division, so 10 days at 50 % are exactly 5. */
export function netDaysFromUnits(netUnits: number): number {
  return netUnits / NET_UNITS_PER_DAY;
}

/** The degree in units on `day` (0 when no sick leave). */
export function unitsOnDay(segments: readonly DegreeSegment[], day: number): number {
  for (const segment of segments) {
    if (segment.from <= day && day <= segment.to) return segment.units;
    if (segment.from > day) break;
  }
  return 0;
}
