/**
 * Calendar dates and wall-clock times in a named time zone (IANA, e.g. `Europe/Stockholm`),
 * turned into instants and back with the platform's time-zone data (`Intl`), so that a
 * reminder set for 09:00 goes out at 09:00 local time on both sides of a daylight-saving change.
 * No clock is read: instants come in as arguments.
 */
import { fromDayNumber, toDayNumber } from '../rtw/dates';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the platform knows this IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The wall-clock fields of an instant in a zone, as milliseconds on a UTC scale. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const date = new Date(0);
  date.setUTCFullYear(field('year'), field('month') - 1, field('day'));
  date.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  return date.getTime() + (((instantMs % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at an instant, in milliseconds (Stockholm in summer: +2 h). */
export function offsetMs(instant: Date, timeZone: string): number {
  return wallClockMs(instant.getTime(), timeZone) - instant.getTime();
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in the zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return fromDayNumber(Math.floor(wallClockMs(instant.getTime(), timeZone) / DAY_MS));
}

/**
 * The instant at which the zone's clocks show `time` (`HH:MM`) on `date`. A time that does not
 * exist (skipped when clocks go forward) is taken at the same distance after the change, as
 * clocks would show it (02:30 on a spring-forward night becomes 03:30); a time that exists
 * twice (clocks go back) is the earlier one.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`not a local time HH:MM: ${JSON.stringify(time)}`);
  const wall = toDayNumber(date) * DAY_MS + (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
  // Try the offsets in force a day either side; keep the earliest instant that shows `wall`.
  const offsets = new Set([
    offsetMs(new Date(wall - DAY_MS), timeZone),
    offsetMs(new Date(wall), timeZone),
    offsetMs(new Date(wall + DAY_MS), timeZone),
  ]);
  const exact = [...offsets]
    .map((offset) => wall - offset)
    .filter((candidate) => wallClockMs(candidate, timeZone) === wall)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // In a gap: use the offset from before the change, which lands after it.
  const before = offsetMs(new Date(wall - DAY_MS), timeZone);
  return new Date(wall - before);
}

/** The instant the zone's day `date` begins (normally 00:00 local). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedTimeToInstant(date, '00:00', timeZone);
}
