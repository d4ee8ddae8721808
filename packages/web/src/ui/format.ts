/**
 * The locale used for dates: British English for English (day before month, as read in the
 * Nordic countries and the UK), otherwise the language itself.
 */
function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** A date in the reader's language, like "3 March 2025" or "3 mars 2025". */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long' }).format(new Date(iso));
}

/** A date and time in the reader's language, to the minute. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}
