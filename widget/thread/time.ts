const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// English like the rest of the widget's text; the exact date in the title
// follows the reader's locale.
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "just now", "5 minutes ago", "3 days ago"… for an ISO date relative to `now`. */
export function timeAgo(iso: string, now: number): string {
  const seconds = (now - Date.parse(iso)) / 1000;
  // A clock a little ahead of the server's must not print "in 2 minutes".
  if (!(seconds >= 60)) return 'just now';
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}

/** The exact local date and time, for the tooltip. */
export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
