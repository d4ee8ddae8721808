/**
 * Calendar-date arithmetic on day numbers (days since 1970-01-01), pure integer arithmetic with
 * no clock and no time zone: a date is a `YYYY-MM-DD` string at the edges and an integer inside.
 * The conversions are Howard Hinnant's `days_from_civil` and `civil_from_days`
 * (proleptic Gregorian calendar), checked against `Date.UTC` in the tests.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1970-01-01 was a Thursday; weekday numbers are ISO 8601 (1 Monday ... 7 Sunday). */
const THURSDAY = 4;

/** Days from 1970-01-01 to year `y`, month `m` (1-12), day `d`; negative before 1970. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const shiftedMonth = (m + 9) % 12; // March = 0 ... February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The year, month (1-12) and day of a day number. */
export function civilFromDays(dayNumber: number): { y: number; m: number; d: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { y: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The number of days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 12 ? 31 : daysFromCivil(y, m + 1, 1) - daysFromCivil(y, m, 1);
}

/**
 * The day number of a `YYYY-MM-DD` date. Inputs are validated at the boundary
 * (`CalendarDateSchema`); anything else here is a programmer error and throws.
 */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  const [y, m, d] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (match === null || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  return daysFromCivil(y, m, d);
}

/** The `YYYY-MM-DD` date of a day number (years 0000-9999). */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) {
    throw new RangeError(`not a whole day number: ${dayNumber}`);
  }
  const { y, m, d } = civilFromDays(dayNumber);
  if (y < 0 || y > 9999) throw new RangeError(`year ${y} is outside 0000-9999`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The ISO weekday of a day number: 1 Monday ... 7 Sunday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + THURSDAY - 1) % 7) + 7) % 7) + 1;
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month becomes
 * that month's last day (2024-01-31 + 1 month = 2024-02-29; 2023-01-31 + 1 month = 2023-02-28).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months))
    throw new RangeError(`not a whole number of months: ${months}`);
  const { y, m, d } = civilFromDays(toDayNumber(date));
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return fromDayNumber(daysFromCivil(year, month, Math.min(d, daysInMonth(year, month))));
}
