const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** "Friday", from a `YYYY-MM-DD` date (a calendar date, so read in UTC). */
export function weekdayOf(date: string): string {
  return weekday.format(new Date(`${date}T00:00:00Z`));
}
