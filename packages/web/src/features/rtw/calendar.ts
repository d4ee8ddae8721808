import { formatDate } from '../../ui/format';

/**
 * Calendar dates (`YYYY-MM-DD`) as the reader reads them. A calendar date is a day, not an
 * instant: it is formatted in UTC so that it shows the same day in every time zone (a date
 * parsed as UTC midnight and shown in local time would be the day before west of Greenwich).
 */
function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** "3 March 2025" or "3 mars 2025": the app's one date format (`ui/format.ts`), a UTC day. */
export function formatCalendarDate(isoDate: string, language: string): string {
  return formatDate(isoDate, language);
}

/** "3 Mar 2025", for the axis of the visual timeline. */
export function formatShortDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of `now`, `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The value of a `datetime-local` input (with `step="1"`) for `now` in local time, to the second. */
export function localDateTimeInput(now: Date): string {
  return `${localDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

/**
 * A `datetime-local` value (local wall time, `YYYY-MM-DDTHH:MM` or with seconds) as an ISO 8601
 * instant in UTC, or null when it is not a complete, real local time (a day the month does not
 * have, an hour skipped by a daylight-saving change).
 */
export function localDateTimeToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (match === null) return null;
  const [y, mo, d, h, mi] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const s = match[6] === undefined ? 0 : Number(match[6]);
  const local = new Date(y, mo - 1, d, h, mi, s);
  if (
    local.getFullYear() !== y ||
    local.getMonth() !== mo - 1 ||
    local.getDate() !== d ||
    local.getHours() !== h ||
    local.getMinutes() !== mi ||
    local.getSeconds() !== s
  ) {
    return null;
  }
  return local.toISOString();
}
