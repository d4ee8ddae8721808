/**
 * Deadlines of red-flag tasks (reference.md §15): suspected cauda equina and the other
 * emergencies need a same-day referral; suspected malignancy, infection or fracture without
 * neurology within 24 hours. A task not acknowledged by its deadline escalates to the unit's
 * lead.
 */

/** Urgent red flags: within 24 hours of the task opening (reference.md §15, NICE CG75 [V1]). */
export const URGENT_DEADLINE_MS = 24 * 60 * 60 * 1000;

/**
 * The time zone whose calendar day "the same day" means for an emergency. A constant for now:
 * every current site is in Sweden; a site elsewhere needs it as configuration.
 */
export const SITE_TIME_ZONE = 'Europe/Stockholm';

/** The wall-clock date and time of `instant` in `timeZone`, as fields. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The first instant of the calendar day after the one `instant` falls on in `timeZone`: the end
 * of "the same day". Daylight-saving changes move it by their hour, never by a day.
 */
export function endOfLocalDay(instant: Date, timeZone: string): Date {
  const wall = wallClock(instant, timeZone);
  const nextMidnightAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day + 1);
  // The offset at local midnight can differ from the offset now (a change during the night).
  let guess = nextMidnightAsUtc - offsetMs(instant, timeZone);
  guess = nextMidnightAsUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** When a red-flag task of this urgency, opened at `openedAt`, must be acknowledged. */
export function redFlagDeadline(
  urgency: 'emergency' | 'urgent',
  openedAt: Date,
  timeZone: string = SITE_TIME_ZONE,
): Date {
  return urgency === 'emergency'
    ? endOfLocalDay(openedAt, timeZone)
    : new Date(openedAt.getTime() + URGENT_DEADLINE_MS);
}
