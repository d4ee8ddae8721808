/**
 * Calendar dates (`YYYY-MM-DD`) shown as dates. `formatDate` in `ui/format.ts` reads its input
 * as an instant, so a bare date (midnight UTC) could show as the day before west of Greenwich;
 * here the date is formatted in UTC, so it is always the day that was recorded.
 */
function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** A calendar date in the reader's language, like "3 March 2025" or "3 mars 2025". */
export function formatCalendarDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
