/** Number and date formats of the follow-up pages, in the reader's language. */

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** A response rate (0 to 1) as a percentage to one decimal: 0.6667 → "66.7%"; null → "–". */
export function formatRate(rate: number | null, language: string): string {
  if (rate === null) return '–';
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/** Days to the hundredth, as the API gives them: 2.5 → "2.50"; null → "–". */
export function formatDays(days: number | null, language: string): string {
  if (days === null) return '–';
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(days);
}

/** A calendar date (`YYYY-MM-DD`) as written in the reader's language, never shifted a day. */
export function formatCalendarDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
