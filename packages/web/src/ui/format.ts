/**
 * The locale used for dates: British English for English (day before month, as read in the
 * Nordic countries and the UK), otherwise the language itself.
 */
function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in the reader's language, like "3 March 2025" or "3 mars 2025". A calendar date
 * (`YYYY-MM-DD`: an episode's start, a due date) is that day wherever the reader is; a timestamp
 * is shown on the reader's own calendar.
 */
export function formatDate(iso: string, language: string): string {
  // `new Date('2025-03-03')` is midnight UTC, which is still 2 March west of Greenwich.
  const options: Intl.DateTimeFormatOptions = CALENDAR_DATE.test(iso)
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(dateLocale(language), options).format(new Date(iso));
}

/** A date and time in the reader's language, to the minute. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}
